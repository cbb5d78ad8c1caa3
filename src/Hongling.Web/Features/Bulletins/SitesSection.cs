using Hongling.Web.Data;
using Hongling.Web.Features.Sites;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>One row of 附件1 (a unit, the issuer's own sites "(本级)", or the total), with
/// <see cref="SiteUsageExport.Headers"/>' columns and what the section adds (signals, records of earlier
/// months).</summary>
public sealed record SitesUnitRow(
    int? Rank,
    int Id,
    string Name,
    bool IsIssuerItself,
    int Sites,
    int SitesMeetingRule,
    decimal Share,
    decimal AverageMinutes,
    IReadOnlyList<string> ZeroSites,
    int StoppedSites,
    int Minutes,
    int Sessions,
    int Attendees,
    int ManualSessions,
    int LateSessions,
    int SignalSites,
    int Signals,
    int EarlierArrived,
    int EarlierLate
);

/// <summary>The issuer's place among its siblings (its parent's units, ranked by the same report for the
/// parent).</summary>
public sealed record SiblingRank(int ParentId, string ParentName, int? Rank, int Ranked);

/// <summary>A unit whose sites show signs of chased usage: how many sites, how many signals.</summary>
public sealed record SignalUnit(int Id, string Name, int Sites, int Signals);

/// <summary>How many signals of one kind (<see cref="UsageSignals.Label"/>).</summary>
public sealed record SignalKindCount(SignalKind Kind, string Label, int Count);

/// <summary>A unit with sites at "0" minutes this month, and their names.</summary>
public sealed record ZeroUnit(int Id, string Name, IReadOnlyList<string> Sites);

/// <summary>Records of earlier months that arrived during the bulletin's month: <see cref="Late"/> of them arrived
/// after their month closed (kept, counted in no month's figures); the others arrived before it closed and count in
/// their own month, possibly after that month's bulletin was generated.</summary>
public sealed record EarlierArrivals(int Sessions, int Late, IReadOnlyList<int> Months);

/// <summary>Section 一 (远程教育终端站点使用情况) and 附件1 of the bulletin's month, on <see cref="SiteUsageReport"/>
/// (the counting rule is its own: the month's sessions not late, their union clipped to the month; the rule's minutes
/// from <see cref="SitesOptions.RuleMinutes"/>) and <see cref="UsageSignals"/>. Absent (暂无数据) when the issuer's
/// subtree holds no site.
/// <para>Figure keys (UnitId null: the issuer's subtree; a unit's id; the issuer's id for its own sites' row):
/// <list type="bullet">
/// <item><c>sites.sites</c> (null, unit): sites in use (在用).</item>
/// <item><c>sites.rule_met</c> (null, unit): sites in use with at least the rule's minutes this month.</item>
/// <item><c>sites.rule_share</c> (null, unit): rule_met over sites.</item>
/// <item><c>sites.zero_sites</c> (null, unit): sites in use at "0" minutes.</item>
/// <item><c>sites.zero_units</c> (null): rows (units, the issuer's own) with a site at "0" minutes.</item>
/// <item><c>sites.stopped</c> (null, unit): stopped sites (停用), outside the rule figures.</item>
/// <item><c>sites.minutes</c> (null, unit): minutes counted, every site.</item>
/// <item><c>sites.average_minutes</c> (null, unit): average minutes of sites in use, one decimal.</item>
/// <item><c>sites.sessions</c>, <c>sites.attendees</c> (null, unit): sessions counted and their attendees.</item>
/// <item><c>sites.manual_sessions</c> (null, unit): counted sessions entered by hand (手工录入).</item>
/// <item><c>sites.late_sessions</c> (null, unit): sessions of this month that arrived after it closed (not
/// counted).</item>
/// <item><c>sites.rank</c> (unit): the unit's rank (share, then average minutes; ties share a rank); absent
/// unranked.</item>
/// <item><c>sites.units_ranked</c> (null): units ranked.</item>
/// <item><c>sites.sibling_rank</c> (null): the issuer's rank among its parent's units; absent when the caller's scope
/// does not cover the parent or the issuer is not ranked there.</item>
/// <item><c>sites.siblings_ranked</c> (null): units ranked under the parent (with sibling_rank's condition on
/// scope).</item>
/// <item><c>sites.signal_sites</c>, <c>sites.signals</c> (null, unit): sites with a chased-usage signal, and
/// signals.</item>
/// <item><c>sites.signal_units</c> (null): rows with a signal.</item>
/// <item><c>sites.signals.last_days</c>, <c>.same_minute</c>, <c>.long_session</c>, <c>.loop</c> (null): signals by
/// kind.</item>
/// <item><c>sites.earlier_arrived</c> (null, unit): sessions of earlier months received this month (China time).</item>
/// <item><c>sites.earlier_late</c> (null, unit): of which late (counted in no month's figures).</item>
/// </list></para></summary>
public sealed record SitesSection(
    int Month,
    int RuleMinutes,
    string IssuerName,
    bool IssuerIsRoot,
    string Title,
    bool HasData,
    SitesUnitRow Total,
    IReadOnlyList<SitesUnitRow> Units,
    IReadOnlyList<ZeroUnit> ZeroUnits,
    SiblingRank? Sibling,
    IReadOnlyList<SignalUnit> SignalUnits,
    IReadOnlyList<SignalKindCount> SignalKinds,
    EarlierArrivals Earlier
)
{
    private sealed record ArrivalRow(string OrgPath, int Month, bool Late, int Count);

    public static async Task<SitesSection> ForAsync(
        HonglingDb db,
        ScopedOrg issuer,
        BulletinPeriod period,
        SitesOptions options,
        CancellationToken ct = default
    )
    {
        var month = period.Month;
        var report = await SiteUsageReport.ForAsync(db, issuer, month, options.RuleMinutes, ct);
        var signals = await UsageSignals.ForAsync(db, issuer.Path, month, ct: ct);
        var units = await OrgUnits.ForAsync(db, issuer, ct);
        var (from, to) = ChinaTime.MonthBounds(month);
        var arrivals = await db
            .ViewingSessions.Where(v => v.Month < month && v.ReceivedAt >= from && v.ReceivedAt < to)
            .InSubtree(issuer.Path)
            .GroupBy(v => new
            {
                v.OrgPath,
                v.Month,
                v.Late,
            })
            .Select(g => new ArrivalRow(g.Key.OrgPath, g.Key.Month, g.Key.Late, g.Count()))
            .ToListAsync(ct);
        var sibling = await SiblingAsync(db, issuer, month, options.RuleMinutes, ct);

        var unitOfSite = report.Sites.ToDictionary(s => s.SiteId, s => s.UnitId);
        var signalsByUnit = signals.ToLookup(s => unitOfSite.GetValueOrDefault(s.SiteId, issuer.Id));
        var arrived = units.RollUp(arrivals, a => a.OrgPath, a => a.Count);
        var arrivedLate = units.RollUp(arrivals.Where(a => a.Late), a => a.OrgPath, a => a.Count);

        SitesUnitRow Row(UnitUsage u, bool total)
        {
            IReadOnlyList<UsageSignal> own = total ? signals : [.. signalsByUnit[u.Id]];
            int Arrived(Dictionary<int, int> d) => total ? d.Values.Sum() : d.GetValueOrDefault(u.Id);
            return new SitesUnitRow(
                total ? null : u.Rank,
                u.Id,
                u.Name,
                u.IsIssuerItself,
                u.Sites,
                u.SitesMeetingRule,
                BulletinFigure.Rate(u.SitesMeetingRule, u.Sites),
                Math.Round((decimal)u.AverageMinutes, 1),
                [.. u.ZeroSites.Select(z => z.Name)],
                u.StoppedSites,
                u.Minutes,
                u.Sessions,
                u.Attendees,
                u.ManualSessions,
                u.LateSessions,
                own.Select(s => s.SiteId).Distinct().Count(),
                own.Count,
                Arrived(arrived),
                Arrived(arrivedLate)
            );
        }

        var rows = report.Units.Select(u => Row(u, false)).ToList();
        return new SitesSection(
            month,
            options.RuleMinutes,
            issuer.Name,
            issuer.Depth == 0,
            SiteUsageExport.Title(report),
            report.Sites.Count > 0,
            Row(report.Total, true),
            rows,
            [.. rows.Where(r => r.ZeroSites.Count > 0).Select(r => new ZeroUnit(r.Id, r.Name, r.ZeroSites))],
            sibling,
            [.. rows.Where(r => r.Signals > 0).Select(r => new SignalUnit(r.Id, r.Name, r.SignalSites, r.Signals))],
            [
                .. Enum.GetValues<SignalKind>()
                    .Select(k => new SignalKindCount(k, UsageSignals.Label(k), signals.Count(s => s.Kind == k))),
            ],
            new EarlierArrivals(
                arrivals.Sum(a => a.Count),
                arrivals.Where(a => a.Late).Sum(a => a.Count),
                [.. arrivals.Select(a => a.Month).Distinct().Order()]
            )
        );
    }

    /// <summary>The issuer's rank among its parent's units, by the same report for the parent: only when the caller
    /// administers the parent (the scope picks it), else null.</summary>
    private static async Task<SiblingRank?> SiblingAsync(
        HonglingDb db,
        ScopedOrg issuer,
        int month,
        int ruleMinutes,
        CancellationToken ct
    )
    {
        var parentId = await db
            .AdministeredOrganizations.Where(o => o.Id == issuer.Id)
            .Select(o => o.ParentId)
            .FirstOrDefaultAsync(ct);
        if (parentId is null || await ScopedOrg.PickAsync(db, parentId) is not { } parent)
            return null;
        var report = await SiteUsageReport.ForAsync(db, parent, month, ruleMinutes, ct);
        return new SiblingRank(
            parent.Id,
            parent.Name,
            report.Units.FirstOrDefault(u => u.Id == issuer.Id && !u.IsIssuerItself)?.Rank,
            report.Units.Count(u => u.Rank is not null)
        );
    }

    /// <summary>The key suffix of a signal kind: <c>last_days</c>, <c>same_minute</c>, <c>long_session</c>,
    /// <c>loop</c>.</summary>
    public static string KeyOf(SignalKind kind) =>
        kind switch
        {
            SignalKind.LastDays => "last_days",
            SignalKind.SameMinute => "same_minute",
            SignalKind.LongSession => "long_session",
            _ => "loop",
        };

    public IEnumerable<BulletinFigure> Figures()
    {
        if (!HasData)
            yield break;
        foreach (var f in RowFigures(Total, null))
            yield return f;
        yield return new("sites.zero_units", null, ZeroUnits.Count);
        yield return new("sites.units_ranked", null, Units.Count(u => u.Rank is not null));
        if (Sibling is { } s)
        {
            if (s.Rank is { } rank)
                yield return new("sites.sibling_rank", null, rank);
            yield return new("sites.siblings_ranked", null, s.Ranked);
        }
        yield return new("sites.signal_units", null, SignalUnits.Count);
        foreach (var k in SignalKinds)
            yield return new("sites.signals." + KeyOf(k.Kind), null, k.Count);
        foreach (var u in Units)
        {
            foreach (var f in RowFigures(u, u.Id))
                yield return f;
            if (u.Rank is { } rank)
                yield return new("sites.rank", u.Id, rank);
        }
    }

    private static IEnumerable<BulletinFigure> RowFigures(SitesUnitRow r, int? unit) =>
        [
            new("sites.sites", unit, r.Sites),
            new("sites.rule_met", unit, r.SitesMeetingRule),
            new("sites.rule_share", unit, r.Share),
            new("sites.zero_sites", unit, r.ZeroSites.Count),
            new("sites.stopped", unit, r.StoppedSites),
            new("sites.minutes", unit, r.Minutes),
            new("sites.average_minutes", unit, r.AverageMinutes),
            new("sites.sessions", unit, r.Sessions),
            new("sites.attendees", unit, r.Attendees),
            new("sites.manual_sessions", unit, r.ManualSessions),
            new("sites.late_sessions", unit, r.LateSessions),
            new("sites.signal_sites", unit, r.SignalSites),
            new("sites.signals", unit, r.Signals),
            new("sites.earlier_arrived", unit, r.EarlierArrived),
            new("sites.earlier_late", unit, r.EarlierLate),
        ];
}
