using Hongling.Web.Data;
using Hongling.Web.Features.Shared;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Sites;

/// <summary>站点使用统计: the monthly figures of an organization's subtree (default: the caller's first root, last
/// month) — the per-unit table like the seed's 附件1 with the ranking, zero-minute sites named, the sites, the
/// twelve-month trend, the signals of chased usage, and the .xlsx export. A unit's name drills down to its own
/// page.</summary>
public sealed class UsageModel(HonglingDb db, TimeProvider clock, IOptions<SitesOptions> options) : PageModel
{
    public const int SitePageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrgId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int SitePage { get; set; } = 1;

    public int ShownMonth { get; private set; }

    /// <summary>Set when the month asked for was not a yyyyMM month and the page fell back to last month.</summary>
    public bool MonthRejected { get; private set; }
    public IEnumerable<int> MonthChoices =>
        Enumerable.Range(0, 24).Select(i => SiteUsageTrend.Shift(SiteUsageReport.LastMonth(clock), 1 - i));
    public SiteUsageReport Report { get; private set; } = null!;
    public IReadOnlyList<SiteUsage> SiteRows { get; private set; } = [];
    public Paging SitePaging { get; private set; } = new(1, 0);
    public IReadOnlyList<UsageSignal> Signals { get; private set; } = [];
    public BarChart AverageChart { get; private set; } = null!;
    public BarChart ShareChart { get; private set; } = null!;
    public int RuleMinutes => options.Value.RuleMinutes;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } issuer)
            return NotFound();
        var sites = Report
            .Sites.OrderBy(s => s.InUse ? 0 : 1)
            .ThenBy(s => s.Minutes)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        SitePaging = new Paging(Paging.Clamp(SitePage), sites.Count, SitePageSize);
        SiteRows = [.. sites.Skip(SitePaging.Skip).Take(SitePageSize)];
        Signals = await UsageSignals.ForAsync(db, issuer.Path, ShownMonth, ct: ct);
        var trend = await SiteUsageTrend.ForAsync(db, issuer.Path, ShownMonth, RuleMinutes, ct: ct);
        AverageChart = new BarChart(
            "trend-average",
            "近12个月在用站点平均使用时长",
            "分钟",
            [
                .. trend.Select(p => new BarChart.Bar(
                    p.Label,
                    Math.Round(p.AverageMinutes, 1),
                    $"{p.Month / 100}年{p.Month % 100}月"
                )),
            ],
            RuleMinutes,
            $"{RuleMinutes}分钟"
        );
        ShareChart = new BarChart(
            "trend-share",
            "近12个月达标站点占比",
            "%",
            [
                .. trend.Select(p => new BarChart.Bar(
                    p.Label,
                    p.Sites == 0 ? 0 : Math.Round(100.0 * p.SitesMeetingRule / p.Sites, 1),
                    $"{p.Month / 100}年{p.Month % 100}月"
                )),
            ]
        );
        return Page();
    }

    /// <summary>The per-unit table as .xlsx, laid out like the seed's 附件1.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
            return NotFound();
        return File(
            SiteUsageExport.Build(Report),
            SiteUsageExport.ContentType,
            $"{SiteUsageExport.Title(Report)}.xlsx"
        );
    }

    private async Task<ScopedOrg?> LoadAsync(CancellationToken ct)
    {
        if (await ScopedOrg.PickAsync(db, OrgId) is not { } issuer)
            return null;
        OrgId = issuer.Id;
        MonthRejected = Month is { } asked && !ChinaTime.IsMonth(asked);
        ShownMonth = Month is { } m && ChinaTime.IsMonth(m) ? m : SiteUsageReport.LastMonth(clock);
        Report = await SiteUsageReport.ForAsync(db, issuer, ShownMonth, RuleMinutes, ct);
        return issuer;
    }

    /// <summary>Each unit's average minutes per site in use against the rule (the dashboard's picture of the
    /// per-unit table here).</summary>
    public static BarChart UnitsChart(SiteUsageReport report) =>
        new(
            "units-chart",
            "各单位在用站点平均使用时长",
            "分钟",
            [.. report.Units.Select(u => new BarChart.Bar(u.Name, Math.Round(u.AverageMinutes, 1)))],
            report.RuleMinutes,
            $"{report.RuleMinutes}分钟",
            "单位",
            BarChart.Shape.Rows
        );

    public static string Percent(double rate) => (rate * 100).ToString("0.0") + "%";

    public static string MonthText(int month) => $"{month / 100}年{month % 100}月";
}
