using Hongling.Web.Data;
using Hongling.Web.Features.OrgLife;
using Hongling.Web.Features.Shared;
using Hongling.Web.Features.Sites;
using Hongling.Web.Features.Study;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Home;

/// <summary>The district's and a town's home page: four pictures of the caller's first administered organization,
/// each drawn by the chart of the table page it links to, from that page's query — study participation over twelve
/// months (学习统计), completeness by unit (信息完整度), organization-life counts by unit (组织生活统计) and site usage
/// by unit (站点使用统计, last month, once sites exist).</summary>
public sealed record Dashboard(ScopedOrg Org, IReadOnlyList<Dashboard.Panel> Panels)
{
    /// <summary>A chart and the table page it stands for.</summary>
    public sealed record Panel(BarChart Chart, string Link, string LinkText);

    public static async Task<Dashboard?> LoadAsync(
        HonglingDb db,
        TimeProvider clock,
        IOptions<SitesOptions> sites,
        CancellationToken ct
    )
    {
        if (await ScopedOrg.PickAsync(db, null) is not { } org || org.Kind == Domain.OrgKind.Branch)
            return null;
        var month = clock.MonthInChina();
        var query = $"?org={org.Id}&month={month}";
        var perOrg = StudyStats.RollUp(await StudyStats.PerOrganizationAsync(db, org.Path, month, ct));
        var members = perOrg.GetValueOrDefault(org.Id)?.Members ?? 0;
        var panels = new List<Panel>
        {
            new(
                Study.StatsModel.ShareChart(await StudyStats.TrendAsync(db, org.Path, month, ct), members),
                "/Study/Stats" + query,
                "学习统计"
            ),
        };
        var (_, children) = await Completeness.IndexModel.ByChildAsync(db, org.Id, org.Path, month, ct);
        if (children.Count > 0)
            panels.Add(
                new(
                    Completeness.IndexModel.ChildrenChart(children, "completeness-chart"),
                    "/Completeness" + query,
                    "信息完整度"
                )
            );
        var counts = await MonthlyActivityCounts.ForAsync(db, org.Path, month, CountsModel.Limit);
        if (CountsModel.ChildBars(counts, org.Path) is { Count: > 0 } bars)
            panels.Add(
                new(CountsModel.ChildrenChart(bars, "orglife-chart"), "/OrgLife/Counts" + query, "组织生活统计")
            );
        if (await db.Sites.InSubtree(org.Path).AnyAsync(ct))
        {
            var last = SiteUsageReport.LastMonth(clock);
            var report = await SiteUsageReport.ForAsync(db, org, last, sites.Value.RuleMinutes, ct);
            panels.Add(new(UsageModel.UnitsChart(report), $"/Sites/Usage?orgId={org.Id}&month={last}", "站点使用统计"));
        }
        return new Dashboard(org, panels);
    }
}
