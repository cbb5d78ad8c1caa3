using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>One site's month (China time).</summary>
/// <param name="Minutes">The union of its counted sessions' intervals clipped to the month, whole minutes (floored):
/// overlapping sessions count once.</param>
/// <param name="ManualSessions">How many of <paramref name="Sessions"/> were entered by hand (手工录入).</param>
/// <param name="LateSessions">Sessions of the month that arrived after it closed: kept, not counted.</param>
public sealed record SiteUsage(
    int SiteId,
    string Name,
    string Code,
    int OrganizationId,
    string OrgName,
    SiteStatus Status,
    int UnitId,
    int Minutes,
    int Sessions,
    int Attendees,
    int ManualSessions,
    int LateSessions,
    bool RuleMet
)
{
    public bool InUse => Status == SiteStatus.InUse;
}

/// <summary>A unit's month (the issuer's direct child over its subtree; or the issuer's own sites, <see
/// cref="IsIssuerItself"/>).
/// The rule figures — <see cref="Sites"/>, <see cref="SitesMeetingRule"/>, <see cref="Share"/>, <see
/// cref="ZeroSites"/>,
/// <see cref="AverageMinutes"/> — cover sites in use (在用) only: a stopped site (停用) is not expected to meet the rule,
/// so it is counted in <see cref="StoppedSites"/> instead. Minutes, sessions, attendees and manual/late counts cover
/// every site, stopped ones included, so that nothing recorded is hidden.</summary>
public sealed record UnitUsage(
    int Id,
    string Name,
    bool IsIssuerItself,
    int? Rank,
    int Sites,
    int SitesMeetingRule,
    IReadOnlyList<SiteRef> ZeroSites,
    double AverageMinutes,
    int StoppedSites,
    int Minutes,
    int Sessions,
    int Attendees,
    int ManualSessions,
    int LateSessions
)
{
    /// <summary>Sites in use meeting the rule over sites in use (0 without any).</summary>
    public double Share => Sites == 0 ? 0 : (double)SitesMeetingRule / Sites;
}

public sealed record SiteRef(int Id, string Name);

/// <summary>The monthly remote-education figures (Jiangjin §一 and its 附件1) of an issuing organization's subtree:
/// per site, per unit (the issuer's direct children, each over its subtree) with the ranking of units, and the
/// issuer's totals. The monthly bulletin calls <see cref="ForAsync"/>; the usage page and /api/sites/usage show it.
/// <para>Counting rule: a month's figures count the sessions whose <see cref="ViewingSession.Month"/> (the China-time
/// month of the start) is that month and that are not <see cref="ViewingSession.Late"/> (arrived after the month
/// closed), each clipped to the month. So a closed month's figures never change; its late sessions are counted apart
/// (<see cref="UnitUsage.LateSessions"/>) for the bulletin to mention. A session that starts on the month's last
/// evening and ends after China midnight counts only its part inside the month; the part after midnight belongs to
/// no month's figures (at most a few hours once a month, the price of one indexed query per month). Manual sessions
/// count and are counted apart (<see cref="UnitUsage.ManualSessions"/>).</para>
/// <para>One query reads the sites, one the month's sessions (SiteId, start, end and three small columns) from the
/// (Month, OrgPath, …) index alone, which carries exactly those columns; the union of intervals is computed in memory,
/// in one pass over each site's sessions. bench/sites.sh times it for 5,000 sites and 150,000 sessions (figures_ms;
/// the target is under a second on SQLite).</para></summary>
public sealed record SiteUsageReport(
    int Month,
    int RuleMinutes,
    int IssuerId,
    string IssuerName,
    int IssuerDepth,
    UnitUsage Total,
    IReadOnlyList<UnitUsage> Units,
    IReadOnlyList<SiteUsage> Sites
)
{
    private readonly record struct SessionRow(
        int SiteId,
        DateTime StartedAt,
        DateTime EndedAt,
        int? AttendeeCount,
        bool Manual,
        bool Late
    );

    private sealed record SiteRow(
        int Id,
        string Name,
        string Code,
        int OrganizationId,
        string OrgName,
        string OrgPath,
        SiteStatus Status
    );

    /// <summary>The figures of <paramref name="issuer"/>'s subtree for a yyyyMM month. The caller picks the issuer
    /// through the org scope (<see cref="ScopedOrg.PickAsync"/>); every query here is scoped as well.</summary>
    public static async Task<SiteUsageReport> ForAsync(
        HonglingDb db,
        ScopedOrg issuer,
        int month,
        int ruleMinutes,
        CancellationToken ct = default
    )
    {
        if (!ChinaTime.IsMonth(month))
            throw new ArgumentOutOfRangeException(nameof(month), month, "Not a yyyyMM month.");
        var (from, to) = ChinaTime.MonthBounds(month);
        var units = await OrgUnits.ForAsync(db, issuer, ct);
        var sites = await db
            .Sites.InSubtree(issuer.Path)
            .OrderBy(s => s.Code)
            .Select(s => new SiteRow(s.Id, s.Name, s.Code, s.OrganizationId, s.Organization.Name, s.OrgPath, s.Status))
            .ToListAsync(ct);
        var sessions = await db
            .ViewingSessions.Where(v => v.Month == month)
            .InSubtree(issuer.Path)
            .Select(v => new SessionRow(v.SiteId, v.StartedAt, v.EndedAt, v.AttendeeCount, v.Manual, v.Late))
            .ToListAsync(ct);
        var bySite = new Dictionary<int, List<SessionRow>>(sites.Count);
        foreach (var r in sessions)
        {
            if (!bySite.TryGetValue(r.SiteId, out var list))
                bySite[r.SiteId] = list = [];
            list.Add(r);
        }

        var siteRows = new List<SiteUsage>(sites.Count);
        var counted = new List<(DateTime, DateTime)>();
        foreach (var s in sites)
        {
            int sessionCount = 0,
                attendees = 0,
                manual = 0,
                late = 0;
            counted.Clear();
            foreach (var r in bySite.GetValueOrDefault(s.Id) ?? [])
            {
                if (r.Late)
                {
                    late++;
                    continue;
                }
                sessionCount++;
                attendees += r.AttendeeCount ?? 0;
                if (r.Manual)
                    manual++;
                counted.Add((r.StartedAt, r.EndedAt));
            }
            var minutes = (int)Math.Floor(UnionLength(counted, from, to).TotalMinutes);
            siteRows.Add(
                new SiteUsage(
                    s.Id,
                    s.Name,
                    s.Code,
                    s.OrganizationId,
                    s.OrgName,
                    s.Status,
                    units.UnitOf(s.OrgPath),
                    minutes,
                    sessionCount,
                    attendees,
                    manual,
                    late,
                    s.Status == SiteStatus.InUse && minutes >= ruleMinutes
                )
            );
        }

        var bySiteUnit = siteRows.ToLookup(s => s.UnitId);
        var unitRows = units.List.Select(u => Sum(u.Id, u.Name, false, bySiteUnit[u.Id])).ToList();
        if (bySiteUnit[issuer.Id].Any())
            unitRows.Add(Sum(issuer.Id, issuer.Name + "(本级)", true, bySiteUnit[issuer.Id]));
        return new SiteUsageReport(
            month,
            ruleMinutes,
            issuer.Id,
            issuer.Name,
            issuer.Depth,
            Sum(issuer.Id, issuer.Name, true, siteRows),
            Rank(unitRows),
            siteRows
        );
    }

    private static UnitUsage Sum(int id, string name, bool itself, IEnumerable<SiteUsage> sites)
    {
        var all = sites.ToList();
        var inUse = all.Where(s => s.InUse).ToList();
        return new UnitUsage(
            id,
            name,
            itself,
            null,
            inUse.Count,
            inUse.Count(s => s.RuleMet),
            [.. inUse.Where(s => s.Minutes == 0).Select(s => new SiteRef(s.SiteId, s.Name))],
            inUse.Count == 0 ? 0 : inUse.Average(s => s.Minutes),
            all.Count - inUse.Count,
            all.Sum(s => s.Minutes),
            all.Sum(s => s.Sessions),
            all.Sum(s => s.Attendees),
            all.Sum(s => s.ManualSessions),
            all.Sum(s => s.LateSessions)
        );
    }

    /// <summary>The ranking of units: by the share of sites in use meeting the rule, then by average minutes; equal
    /// figures share a rank (1, 2, 2, 4). The issuer's own sites and units without a site in use are not ranked and
    /// come last.</summary>
    private static List<UnitUsage> Rank(List<UnitUsage> units)
    {
        var ranked = units
            .Where(u => !u.IsIssuerItself && u.Sites > 0)
            .OrderByDescending(u => u.Share)
            .ThenByDescending(u => u.AverageMinutes)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        var result = new List<UnitUsage>(units.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var tied =
                i > 0
                && ranked[i].Share == ranked[i - 1].Share
                && ranked[i].AverageMinutes == ranked[i - 1].AverageMinutes;
            result.Add(ranked[i] with { Rank = tied ? result[i - 1].Rank : i + 1 });
        }
        result.AddRange(units.Where(u => u.IsIssuerItself || u.Sites == 0).OrderBy(u => u.IsIssuerItself));
        return result;
    }

    /// <summary>The total length of the union of intervals, each clipped to [from, to): overlapping or touching
    /// intervals count once; an interval ending before it starts counts nothing.</summary>
    public static TimeSpan UnionLength(
        IEnumerable<(DateTime Start, DateTime End)> intervals,
        DateTime from,
        DateTime to
    )
    {
        var total = TimeSpan.Zero;
        DateTime? runStart = null,
            runEnd = null;
        foreach (
            var (s, e) in intervals
                .Select(i => (Start: i.Start < from ? from : i.Start, End: i.End > to ? to : i.End))
                .Where(i => i.End > i.Start)
                .OrderBy(i => i.Start)
        )
        {
            if (runEnd is { } end && s <= end)
            {
                if (e > end)
                    runEnd = e;
                continue;
            }
            if (runStart is { } rs)
                total += runEnd!.Value - rs;
            (runStart, runEnd) = (s, e);
        }
        if (runStart is { } last)
            total += runEnd!.Value - last;
        return total;
    }

    /// <summary>The month before the current China-time month: the month a bulletin reports and the pages open
    /// on.</summary>
    public static int LastMonth(TimeProvider clock)
    {
        var d = clock.TodayInChina().AddMonths(-1);
        return d.Year * 100 + d.Month;
    }
}
