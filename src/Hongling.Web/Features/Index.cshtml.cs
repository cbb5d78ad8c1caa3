using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Exams;
using Hongling.Web.Features.Home;
using Hongling.Web.Features.Sites;
using Hongling.Web.Features.Study;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features;

/// <summary>Home: what to do. A member sees their exams, unread notices, activities to answer and this month's
/// study (Home/MemberHome), in 长辈模式 under four large buttons; an administrator their to-do list
/// (Home/BranchDesk); the district and a town also their charts (Home/Dashboard).</summary>
[SignedInPage]
public sealed class IndexModel(
    HonglingDb db,
    OrgScope scope,
    TimeProvider clock,
    Candidacy candidacy,
    ElderlyMode elderly,
    IOptions<SitesOptions> sites,
    IConfiguration config
) : PageModel
{
    public sealed record Mine(string Name, string Branch, string Status, string? Card, decimal? DuesStandard);

    public Mine? Me { get; private set; }

    public sealed record Paid(int Month, decimal Amount, DateOnly PaidOn);

    public IReadOnlyList<Paid> MyDues { get; private set; } = [];
    public MemberHome? Todo { get; private set; }
    public BranchDesk? Desk { get; private set; }
    public Dashboard? Charts { get; private set; }
    public bool Elderly { get; private set; }
    public int OrgCount { get; private set; }
    public int MemberCount { get; private set; }
    public bool IsAdministrator => scope.IsAdministrator;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Neither a member nor an administrator: a registered exam candidate (报名人员), whose page is their exams.
        if (scope.MemberId is null && !scope.IsAdministrator)
            return Redirect("/Exams/Mine");
        Elderly = await elderly.IsOnAsync();
        if (scope.MemberId is { } id)
        {
            Me = await db
                .Members.Where(m => m.Id == id)
                .Select(m => new Mine(m.Name, m.Organization.Name, Labels.Of(m.Status), m.CardNumber, m.DuesAmount))
                .FirstOrDefaultAsync(ct);
            MyDues = await db
                .DuesPayments.Where(p => p.MemberId == id)
                .OrderByDescending(p => p.Month)
                .Take(12)
                .Select(p => new Paid(p.Month, p.Amount, p.PaidOn))
                .ToListAsync(ct);
            var target = config.GetValue("Study:MonthlyTargetMinutes", StudyRules.MonthlyTargetMinutes);
            Todo = await MemberHome.LoadAsync(db, candidacy, clock, target, ct);
        }
        if (scope.IsAdministrator)
        {
            OrgCount = await db.AdministeredOrganizations.CountAsync(ct);
            MemberCount = await db.AdministeredMembers.CountAsync(ct);
            Desk = await BranchDesk.LoadAsync(db, clock, ct);
            Charts = await Dashboard.LoadAsync(db, clock, sites, ct);
        }
        return Page();
    }
}
