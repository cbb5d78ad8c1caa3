using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>The kinds of usage that looks chased (the seed: some towns chase minutes and rankings).</summary>
public enum SignalKind
{
    LastDays = 1,
    SameMinute = 2,
    LongSession = 3,
    Loop = 4,
}

/// <summary>One session behind a signal, as an administrator checks it.</summary>
public sealed record SignalSession(
    long Id,
    DateTime StartedAt,
    DateTime EndedAt,
    string Courseware,
    int? AttendeeCount,
    bool Manual
)
{
    public int Minutes => (int)Math.Floor((EndedAt - StartedAt).TotalMinutes);
}

public sealed record UsageSignal(
    int SiteId,
    string SiteName,
    SignalKind Kind,
    string Description,
    IReadOnlyList<SignalSession> Sessions
);

/// <summary>Signals, not bans: usage of a month (the sessions <see cref="SiteUsageReport"/> counts: the month's, not
/// late) that looks chased, each with the sessions behind it. Nothing is deleted or excluded from the figures.
/// <list type="bullet">
/// <item><b>LastDays</b> (月末突击): more than half of the site's month minutes (the union, as counted) fall in the
/// month's last three China-time days.</item>
/// <item><b>SameMinute</b> (定时空播): at least <see cref="SameMinuteSessions"/> of the site's sessions start at the same
/// China-time HH:mm, and none of those has an attendee (AttendeeCount null or 0).</item>
/// <item><b>LongSession</b> (超长收看): a session longer than <see cref="LongHours"/> hours.</item>
/// <item><b>Loop</b> (循环播放): the site has at least <see cref="LoopSessions"/> sessions and one courseware title
/// (trimmed, case-insensitive) is at least <see cref="LoopShare"/> of them.</item>
/// </list></summary>
public static class UsageSignals
{
    public const int SameMinuteSessions = 5,
        LongHours = 8,
        LoopSessions = 10,
        LastDays = 3;
    public const double LoopShare = 0.8;

    public static string Label(SignalKind kind) =>
        kind switch
        {
            SignalKind.LastDays => "月末突击",
            SignalKind.SameMinute => "定时空播",
            SignalKind.LongSession => "超长收看",
            _ => "循环播放",
        };

    private sealed record Row(
        long Id,
        int SiteId,
        DateTime StartedAt,
        DateTime EndedAt,
        string Courseware,
        int? AttendeeCount,
        bool Manual
    );

    /// <summary>The signals of a subtree's sites (or of one site) for a yyyyMM month, by site then kind.</summary>
    public static async Task<IReadOnlyList<UsageSignal>> ForAsync(
        HonglingDb db,
        string path,
        int month,
        int? siteId = null,
        CancellationToken ct = default
    )
    {
        var query = db.ViewingSessions.Where(v => v.Month == month && !v.Late).InSubtree(path);
        var sites = db.Sites.InSubtree(path);
        if (siteId is { } id)
            (query, sites) = (query.Where(v => v.SiteId == id), sites.Where(s => s.Id == id));
        // The sessions from the (Month, OrgPath, …) index alone, the sites' names apart: no join per session.
        var names = await sites.Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var rows = await query
            .Select(v => new Row(v.Id, v.SiteId, v.StartedAt, v.EndedAt, v.Courseware, v.AttendeeCount, v.Manual))
            .ToListAsync(ct);
        var (from, to) = ChinaTime.MonthBounds(month);
        return
        [
            .. rows.Where(r => names.ContainsKey(r.SiteId))
                .GroupBy(r => r.SiteId)
                .OrderBy(g => g.Key)
                .SelectMany(g => OfSite([.. g.OrderBy(r => r.StartedAt)], names[g.Key], from, to)),
        ];
    }

    private static IEnumerable<UsageSignal> OfSite(List<Row> rows, string name, DateTime from, DateTime to)
    {
        var siteId = rows[0].SiteId;
        static SignalSession S(Row r) => new(r.Id, r.StartedAt, r.EndedAt, r.Courseware, r.AttendeeCount, r.Manual);

        var total = SiteUsageReport.UnionLength(rows.Select(r => (r.StartedAt, r.EndedAt)), from, to);
        var lastFrom = to.AddDays(-LastDays);
        var late = SiteUsageReport.UnionLength(rows.Select(r => (r.StartedAt, r.EndedAt)), lastFrom, to);
        if (total > TimeSpan.Zero && late * 2 > total)
            yield return new(
                siteId,
                name,
                SignalKind.LastDays,
                $"本月{(int)total.TotalMinutes}分钟中有{(int)late.TotalMinutes}分钟集中在月末{LastDays}天",
                [.. rows.Where(r => r.EndedAt > lastFrom).Select(S)]
            );

        // By the China-time minute of the day a session starts (0–1439), formatted only for the signal found.
        var sameMinute = rows.GroupBy(r => (int)(r.StartedAt.ToChina().TimeOfDay.Ticks / TimeSpan.TicksPerMinute))
            .Where(g => g.Count() >= SameMinuteSessions && g.All(r => (r.AttendeeCount ?? 0) == 0))
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();
        if (sameMinute is not null)
            yield return new(
                siteId,
                name,
                SignalKind.SameMinute,
                $"{sameMinute.Count()}场收看都在{sameMinute.Key / 60:00}:{sameMinute.Key % 60:00}开始,且都没有参学人员",
                [.. sameMinute.Select(S)]
            );

        var longOnes = rows.Where(r => r.EndedAt - r.StartedAt > TimeSpan.FromHours(LongHours)).ToList();
        if (longOnes.Count > 0)
            yield return new(
                siteId,
                name,
                SignalKind.LongSession,
                $"{longOnes.Count}场收看超过{LongHours}小时",
                [.. longOnes.Select(S)]
            );

        if (rows.Count >= LoopSessions)
        {
            var top = rows.GroupBy(r => r.Courseware.Trim(), StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count())
                .First();
            if (top.Count() >= LoopShare * rows.Count)
                yield return new(
                    siteId,
                    name,
                    SignalKind.Loop,
                    $"{rows.Count}场收看中有{top.Count()}场是同一课件《{top.Key}》",
                    [.. top.Select(S)]
                );
        }
    }
}
