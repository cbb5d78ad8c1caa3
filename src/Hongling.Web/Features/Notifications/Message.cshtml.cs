using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Notifications;

/// <summary>One message in the member's inbox; opening it marks it read. Not sent to the caller: 404.</summary>
[SignedInPage]
public sealed class MessageModel(Inbox inbox, OrgScope scope) : PageModel
{
    public Notification Notification { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (scope.MemberId is not { } me || await inbox.OpenAsync(me, id) is not { } n)
            return NotFound();
        Notification = n;
        return Page();
    }
}
