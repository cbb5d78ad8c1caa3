using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features;

/// <summary>Home: a member sees their own record; an administrator also sees the size of their scope.</summary>
[SignedInPage]
public sealed class IndexModel(HonglingDb db, OrgScope scope, TimeProvider clock) : PageModel
{
    public sealed record Mine(string Name, string Branch, string Status, string? Card, decimal? DuesStandard);
    public Mine? Me { get; private set; }
    public sealed record Paid(int Month, decimal Amount, DateOnly PaidOn);
    public IReadOnlyList<Paid> MyDues { get; private set; } = [];
    /// <summary>Activities the member is expected at that are not over yet (the notices needing an answer).</summary>
    public IReadOnlyList<Activities.MyActivity> MyActivities { get; private set; } = [];
    public sealed record UnreadNotice(int Id, string Title, string OrgName, DateTime PublishedAt);
    /// <summary>Notices addressed to the member that they have not opened (组织公告).</summary>
    public IReadOnlyList<UnreadNotice> Unread { get; private set; } = [];
    public int OrgCount { get; private set; }
    public int MemberCount { get; private set; }
    /// <summary>Probationary members due for full membership (待办).</summary>
    public int TodoCount { get; private set; }
    public bool IsAdministrator => scope.IsAdministrator;
    [TempData] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Neither a member nor an administrator: a registered exam candidate (报名人员), whose page is their exams.
        if (scope.MemberId is null && !scope.IsAdministrator) return Redirect("/Exams/Mine");
        if (scope.MemberId is { } id)
        {
            Me = await db.Members.Where(m => m.Id == id)
                .Select(m => new Mine(m.Name, m.Organization.Name, Labels.Of(m.Status), m.CardNumber, m.DuesAmount)).FirstOrDefaultAsync();
            MyDues = await db.DuesPayments.Where(p => p.MemberId == id).OrderByDescending(p => p.Month).Take(12)
                .Select(p => new Paid(p.Month, p.Amount, p.PaidOn)).ToListAsync();
            MyActivities = await Activities.MyActivity.UpcomingAsync(db, id, clock.GetUtcNow().UtcDateTime);
            if (scope.MemberOrgPath is { } branch)
                Unread = await Notices.NoticeReceipts.UnreadBy(db, id, branch).OrderByDescending(n => n.PublishedAt).Take(10)
                    .Select(n => new UnreadNotice(n.Id, n.Title, n.Organization.Name, n.PublishedAt)).ToListAsync();
        }
        if (scope.IsAdministrator)
        {
            OrgCount = await db.AdministeredOrganizations.CountAsync();
            MemberCount = await db.AdministeredMembers.CountAsync();
            TodoCount = await Development.TodoList.Due(db, clock.TodayInChina()).CountAsync();
        }
        return Page();
    }
}
