using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Shared;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Sites;

/// <summary>One site's month (the drill-down of 站点使用统计): its figures as the report counts them, the twelve-month
/// trend, the signals and every session of the month (manual and late ones marked). 404 outside the caller's
/// scope.</summary>
public sealed class UsageSiteModel(HonglingDb db, TimeProvider clock, IOptions<SitesOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    public sealed record SiteHead(
        int Id,
        string Name,
        string Code,
        int OrganizationId,
        string OrgName,
        string OrgPath,
        SiteStatus Status
    );

    public sealed record Row(
        long Id,
        DateTime StartedAt,
        DateTime EndedAt,
        string Courseware,
        int? AttendeeCount,
        bool Manual,
        string? EnteredBy,
        bool Late,
        bool Overlapping,
        string? ChainBreak
    );

    public SiteHead Site { get; private set; } = null!;
    public int ShownMonth { get; private set; }
    public int Minutes { get; private set; }
    public bool RuleMet { get; private set; }
    public IReadOnlyList<Row> Sessions { get; private set; } = [];
    public IReadOnlyList<UsageSignal> Signals { get; private set; } = [];
    public BarChart Chart { get; private set; } = null!;
    public int RuleMinutes => options.Value.RuleMinutes;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var site = await db
            .Sites.Where(s => s.Id == Id)
            .Select(s => new SiteHead(s.Id, s.Name, s.Code, s.OrganizationId, s.Organization.Name, s.OrgPath, s.Status))
            .FirstOrDefaultAsync(ct);
        if (site is null)
            return NotFound();
        Site = site;
        ShownMonth = Month is { } m && ChinaTime.IsMonth(m) ? m : SiteUsageReport.LastMonth(clock);
        Sessions = await db
            .ViewingSessions.Where(v => v.SiteId == Id && v.Month == ShownMonth)
            .OrderBy(v => v.StartedAt)
            .Select(v => new Row(
                v.Id,
                v.StartedAt,
                v.EndedAt,
                v.Courseware,
                v.AttendeeCount,
                v.Manual,
                v.EnteredBy,
                v.Late,
                v.Overlapping,
                v.ChainBreak
            ))
            .ToListAsync(ct);
        var (from, to) = ChinaTime.MonthBounds(ShownMonth);
        Minutes = (int)
            Math.Floor(
                SiteUsageReport
                    .UnionLength(Sessions.Where(s => !s.Late).Select(s => (s.StartedAt, s.EndedAt)), from, to)
                    .TotalMinutes
            );
        RuleMet = site.Status == SiteStatus.InUse && Minutes >= RuleMinutes;
        Signals = await UsageSignals.ForAsync(db, site.OrgPath, ShownMonth, site.Id, ct);
        var trend = await SiteUsageTrend.ForAsync(db, site.OrgPath, ShownMonth, RuleMinutes, site.Id, ct: ct);
        Chart = new BarChart(
            "trend-site",
            "近12个月使用时长",
            "分钟",
            [.. trend.Select(p => new BarChart.Bar(p.Label, p.Minutes, UsageModel.MonthText(p.Month)))],
            RuleMinutes,
            $"{RuleMinutes}分钟"
        );
        return Page();
    }
}
