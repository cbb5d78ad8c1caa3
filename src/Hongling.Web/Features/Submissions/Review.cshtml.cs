using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Submissions;

/// <summary>A submitted item; district editors adopt it (选用) for the website or decline it with a reason.</summary>
public sealed class ReviewModel(HonglingDb db, TimeProvider clock, SiteCache site) : PageModel
{
    public Submission Item { get; private set; } = null!;
    public bool IsEditor { get; private set; }

    [BindProperty, StringLength(500, ErrorMessage = "原因不超过500字"), Display(Name = "未选用原因")]
    public string? Reason { get; set; }

    [BindProperty, StringLength(40, ErrorMessage = "专栏名称不超过40字"), Display(Name = "专题专栏")]
    public string? Column { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Column = Item.Column;
        return Page();
    }

    public async Task<IActionResult> OnPostAdoptAsync(int id) => await DecideAsync(id, SubmissionState.Adopted);

    public async Task<IActionResult> OnPostDeclineAsync(int id) => await DecideAsync(id, SubmissionState.Declined);

    private async Task<IActionResult> DecideAsync(int id, SubmissionState outcome)
    {
        if (!await LoadAsync(id))
            return NotFound();
        // A unit's own administrators see their items but only the district decides.
        if (!IsEditor)
            return NotFound();
        if (Item.State != SubmissionState.Submitted)
            ModelState.AddModelError("", "该信息已审核");
        if (outcome == SubmissionState.Declined && string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), "不予选用时请填写原因");
        if (!ModelState.IsValid)
            return Page();
        Item.State = outcome;
        Item.DecidedAt = clock.GetUtcNow().UtcDateTime;
        Item.DecidedBy = db.Scope.ActorName;
        if (outcome == SubmissionState.Declined)
            Item.DeclineReason = Reason!.Trim();
        else
            Item.Column = string.IsNullOrWhiteSpace(Column) ? null : Column.Trim();
        await db.SaveChangesAsync();
        if (outcome == SubmissionState.Adopted)
            await site.EvictAsync();
        Status =
            outcome == SubmissionState.Adopted ? $"已选用“{Item.Title}”,已在党建网发布。" : $"已退回“{Item.Title}”。";
        return RedirectToPage("Index", new { state = SubmissionState.Submitted });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var item = await db.Submissions.Include(s => s.Organization).FirstOrDefaultAsync(s => s.Id == id);
        if (item is null)
            return false;
        Item = item;
        IsEditor = await SubmissionRules.IsEditorAsync(db);
        return true;
    }
}
