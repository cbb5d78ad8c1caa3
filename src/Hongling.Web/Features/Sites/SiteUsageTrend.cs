using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>One month of a trend: the sites in use, how many met the rule, their average minutes, and all
/// minutes.</summary>
public sealed record UsagePoint(int Month, int Sites, int SitesMeetingRule, double AverageMinutes, int Minutes)
{
    public string Label => $"{Month % 100}月";
}

/// <summary>The twelve-month trend of a subtree or of one site, counted as <see cref="SiteUsageReport"/> counts a
/// month (sessions of the month, not late, clipped, overlaps once). One query reads the months' sessions through the
/// (Month, OrgPath) index. Sites are those in use today: the registry keeps no history of a site's status.</summary>
public static class SiteUsageTrend
{
    public static async Task<IReadOnlyList<UsagePoint>> ForAsync(
        HonglingDb db,
        string path,
        int lastMonth,
        int ruleMinutes,
        int? siteId = null,
        int months = 12,
        CancellationToken ct = default
    )
    {
        var monthList = Enumerable.Range(0, months).Select(i => Shift(lastMonth, i - months + 1)).ToList();
        var (first, last) = (monthList[0], monthList[^1]);
        var sites = db.Sites.InSubtree(path).Where(s => s.Status == SiteStatus.InUse);
        var sessions = db.ViewingSessions.Where(v => v.Month >= first && v.Month <= last && !v.Late).InSubtree(path);
        if (siteId is { } id)
        {
            sites = sites.Where(s => s.Id == id);
            sessions = sessions.Where(v => v.SiteId == id);
        }
        var inUse = await sites.Select(s => s.Id).ToListAsync(ct);
        var rows = await sessions
            .Select(v => new
            {
                v.SiteId,
                v.Month,
                v.StartedAt,
                v.EndedAt,
            })
            .ToListAsync(ct);
        var byMonth = rows.ToLookup(r => r.Month);
        var points = new List<UsagePoint>(months);
        foreach (var m in monthList)
        {
            var (from, to) = ChinaTime.MonthBounds(m);
            var perSite = byMonth[m]
                .GroupBy(r => r.SiteId)
                .ToDictionary(
                    g => g.Key,
                    g =>
                        (int)
                            Math.Floor(
                                SiteUsageReport
                                    .UnionLength(g.Select(r => (r.StartedAt, r.EndedAt)), from, to)
                                    .TotalMinutes
                            )
                );
            var inUseMinutes = inUse.Select(s => perSite.GetValueOrDefault(s)).ToList();
            points.Add(
                new UsagePoint(
                    m,
                    inUse.Count,
                    inUseMinutes.Count(x => x >= ruleMinutes),
                    inUse.Count == 0 ? 0 : inUseMinutes.Average(),
                    perSite.Values.Sum()
                )
            );
        }
        return points;
    }

    /// <summary>yyyyMM moved by a number of months.</summary>
    public static int Shift(int month, int by)
    {
        var d = new DateOnly(month / 100, month % 100, 1).AddMonths(by);
        return d.Year * 100 + d.Month;
    }
}
