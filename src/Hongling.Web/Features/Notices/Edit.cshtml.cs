using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Notices;

/// <summary>Publishes a notice from an administered organization to its members, optionally to its whole
/// subtree.</summary>
public sealed class EditModel(HonglingDb db, TimeProvider clock, NotificationQueue notifications) : PageModel
{
    public sealed class NoticeInput
    {
        [
            Required(ErrorMessage = "请填写标题"),
            StringLength(100, ErrorMessage = "标题不超过100字"),
            Display(Name = "标题")
        ]
        public string? Title { get; set; }

        [
            Required(ErrorMessage = "请填写公告内容"),
            StringLength(50_000, ErrorMessage = "内容过长"),
            Display(Name = "公告内容")
        ]
        public string? Body { get; set; }

        [Display(Name = "同时发给所有下级组织的党员")]
        public bool IncludeSubtree { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty]
    public NoticeInput Input { get; set; } = new();
    public ScopedOrg Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Org is null || await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        // Only a branch keeps members: a committee's notice reaches people only through its subtree.
        Input.IncludeSubtree = org.Kind != OrgKind.Branch;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Org is null || await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        var body = RichText.Clean(Input.Body);
        if (body.Refusal is { } refusal)
            ModelState.AddModelError("Input.Body", refusal);
        else if (ModelState.IsValid && body.Html is null)
            ModelState.AddModelError("Input.Body", "公告内容不能为空");
        if (!ModelState.IsValid)
            return Page();
        var notice = db
            .Notices.Add(
                new Notice
                {
                    OrganizationId = org.Id,
                    AudiencePath = org.Path,
                    AudienceIncludesSubtree = Input.IncludeSubtree,
                    Title = Input.Title!.Trim(),
                    Body = body.Html!,
                    PublishedAt = clock.GetUtcNow().UtcDateTime,
                    PublishedBy = db.Scope.ActorName,
                }
            )
            .Entity;
        await db.SaveChangesAsync();
        await notifications.NotifyAsync(
            new(org.Id, NotificationCategory.Notice, notice.Title, $"{org.Name}发布了公告“{notice.Title}”,请查看。")
            {
                Link = $"/Notices/Read/{notice.Id}",
            },
            NoticeReceipts.Audience(db.AdministeredMembers, notice.AudiencePath, notice.AudienceIncludesSubtree)
        );
        TempData["Status"] = $"已发布公告“{notice.Title}”。";
        return RedirectToPage("Index", new { org = org.Id });
    }
}
