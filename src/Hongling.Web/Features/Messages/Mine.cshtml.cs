using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Messages;

/// <summary>A member's messages (我的留言): write to their branch or an organization above it, read the
/// replies, rate a reply once.</summary>
[SignedInPage]
public sealed class MineModel(HonglingDb db, MessageDesk desk) : PageModel
{
    public sealed class MessageInput
    {
        [Display(Name = "留言给")]
        public int OrganizationId { get; set; }

        [
            Required(ErrorMessage = "请填写留言内容"),
            StringLength(2000, ErrorMessage = "留言不超过2000字"),
            Display(Name = "留言内容")
        ]
        public string? Body { get; set; }

        [Display(Name = "同意在党建网留言板公开(不显示电话)")]
        public bool IsPublic { get; set; }
    }

    public sealed record Row(
        int Id,
        string OrgName,
        string Body,
        string State,
        DateTime PostedAt,
        string? Reply,
        DateTime? RepliedAt,
        MessageRating? Rating,
        bool CanRate
    );

    [BindProperty]
    public MessageInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Orgs { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        // Only the member's branch and the organizations above it are offered; anything else is a tampered post.
        if (!Orgs.Any(o => o.Value == Input.OrganizationId.ToString()))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        var name = await db.Members.Where(m => m.Id == db.Scope.MemberId).Select(m => m.Name).FirstAsync();
        await desk.PostAsync(
            new MessageDesk.Draft(Input.OrganizationId, name, null, Input.Body!, Input.IsPublic, db.Scope.MemberId)
        );
        Status = "留言已提交,请等待回复。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRateAsync(int id, MessageRating rating)
    {
        if (!await LoadAsync())
            return NotFound();
        // Another member's message is not among the caller's own: 404, nothing changed.
        if (await desk.Mine().FirstOrDefaultAsync(m => m.Id == id) is not { } message)
            return NotFound();
        Error = await desk.RateAsync(message, rating);
        if (Error is not null)
            return Page();
        Status = "感谢您的评价。";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        if (db.Scope.MemberOrgPath is not { } branch)
            return false;
        Orgs = await db
            .Organizations.Where(o => branch.StartsWith(o.Path))
            .OrderByDescending(o => o.Depth)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync();
        Rows = await desk.Mine()
            .OrderByDescending(m => m.PostedAt)
            .Take(50)
            .Select(m => new Row(
                m.Id,
                m.Organization.Name,
                m.Body,
                OrgLifeLabels.Of(m.State),
                m.PostedAt,
                m.Reply,
                m.RepliedAt,
                m.Rating,
                m.State == MessageState.Answered && m.Rating == null
            ))
            .ToListAsync();
        return true;
    }
}
