using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Notifications;

/// <summary>我的消息: the member's inbox, newest first, with mark-all-read.</summary>
[SignedInPage]
public sealed class InboxModel(Inbox inbox, OrgScope scope) : PageModel
{
    public IReadOnlyList<Inbox.Entry> Entries { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);
    public int Unread { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? p)
    {
        if (scope.MemberId is not { } me)
            return NotFound();
        Paging = new Paging(Paging.Clamp(p), await inbox.CountAsync(me));
        Unread = await inbox.UnreadAsync(me);
        Entries = await inbox.ListAsync(me, Paging.Skip, Paging.Size);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        if (scope.MemberId is not { } me)
            return NotFound();
        var n = await inbox.MarkAllReadAsync(me);
        TempData["Status"] = $"已将{n}条消息标为已读。";
        return RedirectToPage();
    }
}
