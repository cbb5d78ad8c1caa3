using Hongling.Web.Data;
using Hongling.Web.Features.Dues;
using Hongling.Web.Features.Shared;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Completeness;

/// <summary>The organization dashboard of record completeness (信息完整度): the rates for one month,
/// the same rates for each organization right beneath, and who pulls them down.</summary>
public sealed class IndexModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public const int ListSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }
    public string OrgName { get; private set; } = "";
    public int ShownMonth { get; private set; }

    /// <summary>This month and the eleven before it, as yyyyMM.</summary>
    public IEnumerable<int> MonthChoices =>
        Enumerable.Range(0, 12).Select(i => clock.TodayInChina().AddMonths(-i)).Select(d => d.Year * 100 + d.Month);
    public CompletenessReport Report { get; private set; } = null!;

    public sealed record Child(int Id, string Name, CompletenessReport Report);

    public IReadOnlyList<Child> Children { get; private set; } = [];

    public sealed record Lagging(
        int Id,
        string Name,
        string Branch,
        int Filled,
        int Expected,
        IReadOnlyList<string> Missing,
        bool UpdatedThisMonth
    );

    public IReadOnlyList<Lagging> Members { get; private set; } = [];

    public sealed record OrgGap(int Id, string Name, bool ProfileMaintained, bool HasAdministrator);

    public IReadOnlyList<OrgGap> OrgGaps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var org = Org is { } id
            ? await db
                .AdministeredOrganizations.Where(o => o.Id == id)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Path,
                })
                .FirstOrDefaultAsync(ct)
            : await OrgTree
                .Roots(db)
                .OrderBy(o => o.Path)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Path,
                })
                .FirstOrDefaultAsync(ct);
        if (org is null)
            return NotFound();
        (Org, OrgName) = (org.Id, org.Name);
        ShownMonth = Month is { } m && ChinaTime.IsMonth(m) ? m : clock.MonthInChina();
        var (from, to) = ChinaTime.MonthBounds(ShownMonth);
        (Report, Children) = await ByChildAsync(db, org.Id, org.Path, ShownMonth, ct);

        OrgGaps = await db
            .AdministeredOrganizations.InSubtree(org.Path)
            .Select(o => new
            {
                o.Id,
                o.Name,
                Maintained = o.ProfileUpdatedAt >= from && o.ProfileUpdatedAt < to,
                HasAdministrator = db.OrgAdministrators.Any(a => a.OrganizationId == o.Id && !a.IsBackup),
            })
            .Where(g => !g.Maintained || !g.HasAdministrator)
            .OrderBy(g => g.Id)
            .Take(ListSize)
            .Select(g => new OrgGap(g.Id, g.Name, g.Maintained, g.HasAdministrator))
            .ToListAsync(ct);

        var lowest = await CompletenessReport.Lagging(db, org.Path, from).Take(ListSize).ToListAsync(ct);
        var ids = lowest.Select(s => s.MemberId).ToList();
        var records = await db
            .AdministeredMembers.Where(x => ids.Contains(x.Id))
            .Select(x => new { Member = x, Branch = x.Organization.Name })
            .ToDictionaryAsync(x => x.Member.Id, ct);
        Members =
        [
            .. lowest
                .Select(s => (Score: s, Row: records[s.MemberId]))
                .Select(x => new Lagging(
                    x.Score.MemberId,
                    x.Row.Member.Name,
                    x.Row.Branch,
                    x.Score.Filled,
                    x.Score.Expected,
                    [.. CompletenessReport.Missing(x.Row.Member)],
                    x.Score.UpdatedAt >= from && x.Score.UpdatedAt < to
                )),
        ];
        return Page();
    }

    /// <summary>The month's rates of the subtree and of each organization right beneath it (the first 100).</summary>
    public static async Task<(CompletenessReport Total, IReadOnlyList<Child> Children)> ByChildAsync(
        HonglingDb db,
        int orgId,
        string path,
        int month,
        CancellationToken ct
    )
    {
        var (from, to) = ChinaTime.MonthBounds(month);
        var perOrg = await CompletenessReport.PerOrganizationAsync(db, path, from, to, ct);
        var children = await OrgTree
            .Children(db, orgId)
            .OrderBy(o => o.Code)
            .Take(100)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Path,
            })
            .ToListAsync(ct);
        return (
            CompletenessReport.Sum(perOrg),
            [
                .. children.Select(c => new Child(
                    c.Id,
                    c.Name,
                    CompletenessReport.Sum(perOrg.Where(o => o.Path.StartsWith(c.Path, StringComparison.Ordinal)))
                )),
            ]
        );
    }

    /// <summary>Each child's completeness as bars against 100%: here and on the dashboard.</summary>
    public static BarChart ChildrenChart(IReadOnlyList<Child> children, string id = "children-chart") =>
        new(
            id,
            "各下级组织党员信息完整度",
            "%",
            [.. children.Select(c => new BarChart.Bar(c.Name, Math.Round(c.Report.Completeness * 100, 1)))],
            100,
            "100%",
            "组织",
            BarChart.Shape.Rows
        );

    public static string Percent(double rate) => (rate * 100).ToString("0.0") + "%";
}
