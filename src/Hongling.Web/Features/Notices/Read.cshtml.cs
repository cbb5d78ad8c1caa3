using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notices;

/// <summary>A member opens a notice addressed to them; opening records the read receipt (once).</summary>
[SignedInPage]
public sealed class ReadModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public Notice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // The scope filter admits notices addressed to the member's branch (and those an administrator covers).
        if (await db.Notices.Include(n => n.Organization).FirstOrDefaultAsync(n => n.Id == id) is not { } notice)
            return NotFound();
        Notice = notice;
        if (db.Scope.MemberId is { } memberId && Audience.Reaches(notice, db.Scope.MemberOrgPath))
            await NoticeReceipts.MarkReadAsync(db, id, memberId, clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
