using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>My record (我的档案): a member reads their own record, read-only, and asks the branch to
/// correct what is wrong (信息纠错); administrators make the change.</summary>
[SignedInPage]
public sealed class MineModel(HonglingDb db, TimeProvider clock) : PageModel
{
    /// <summary>More open requests than this and the member waits for the branch first.</summary>
    public const int MaxOpen = 5;

    public Member? Me { get; private set; }
    public IReadOnlyList<CorrectionRequest> Requests { get; private set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Me is null)
            return NotFound();
        var text = Text?.Trim() ?? "";
        if (text.Length == 0)
            ModelState.AddModelError(nameof(Text), "请写明哪项信息有误、正确的应是什么");
        else if (text.Length > 500)
            ModelState.AddModelError(nameof(Text), "不超过500字");
        else if (Requests.Count(r => r.State == CorrectionState.Open) >= MaxOpen)
            ModelState.AddModelError(nameof(Text), $"您已有{MaxOpen}条待处理的更正申请,请等待支部处理后再提交");
        if (!ModelState.IsValid)
            return Page();
        db.CorrectionRequests.Add(
            new CorrectionRequest
            {
                MemberId = Me.Id,
                OrganizationId = Me.OrganizationId,
                Text = text,
                State = CorrectionState.Open,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        // The scope's own-row rule admits it: a member's own request, in their own branch (IMemberCreated).
        await db.SaveChangesAsync();
        Status = "更正申请已提交,支部管理员核实后会更正。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        if (db.Scope.MemberId is not { } id)
            return;
        Me = await db.Members.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id);
        Requests = await db
            .CorrectionRequests.Where(r => r.MemberId == id)
            .OrderByDescending(r => r.Id)
            .Take(20)
            .ToListAsync();
    }
}
