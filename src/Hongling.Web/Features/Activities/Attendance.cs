using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>Attendance (出勤): expected are all participants (应到), present those checked in (实到, by code
/// or by hand); leave (请假) is counted apart but is not presence. Rates are present over expected.</summary>
public sealed record AttendanceFigures(int Expected, int Present, int OnLeave)
{
    public double Rate => Expected == 0 ? 0 : (double)Present / Expected;
    public int Absent => Expected - Present - OnLeave;

    /// <summary>"67%", the same in every culture.</summary>
    public static string Percent(double rate) => $"{Math.Round(rate * 100):0}%";

    public static async Task<AttendanceFigures> ForActivityAsync(
        HonglingDb db,
        int activityId,
        CancellationToken ct = default
    )
    {
        var f = await db
            .ActivityParticipants.Where(p => p.ActivityId == activityId)
            .GroupBy(_ => 1)
            .Select(g => new AttendanceFigures(
                g.Count(),
                g.Count(p => p.CheckedInAt != null),
                g.Count(p => p.CheckedInAt == null && p.Reply == ParticipantReply.Leave)
            ))
            .FirstOrDefaultAsync(ct);
        return f ?? new AttendanceFigures(0, 0, 0);
    }
}

/// <summary>One member's attendance over a period: the activities they were expected at that have begun.</summary>
public sealed record MemberAttendance(int MemberId, string Name, string Branch, int Expected, int Present, int OnLeave)
{
    public double Rate => Expected == 0 ? 0 : (double)Present / Expected;

    /// <summary>Members of the subtree at <paramref name="orgPath"/> expected at activities that started in
    /// [from, to) and before <paramref name="now"/>, lowest rate first; aggregated in the database.</summary>
    public static async Task<List<MemberAttendance>> ForSubtreeAsync(
        HonglingDb db,
        string orgPath,
        DateTime from,
        DateTime to,
        DateTime now,
        CancellationToken ct = default
    )
    {
        var end = to < now ? to : now;
        var rows = await db
            .ActivityParticipants.InSubtree(orgPath)
            .Where(p => p.Activity.StartsAt >= from && p.Activity.StartsAt < end)
            .GroupBy(p => p.MemberId)
            .Select(g => new
            {
                MemberId = g.Key,
                Expected = g.Count(),
                Present = g.Count(p => p.CheckedInAt != null),
                OnLeave = g.Count(p => p.CheckedInAt == null && p.Reply == ParticipantReply.Leave),
            })
            .Take(2000)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.MemberId).ToList();
        var names = await db
            .Members.Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                m.Name,
                Branch = m.Organization.Name,
            })
            .ToDictionaryAsync(m => m.Id, ct);
        return
        [
            .. rows.Where(r => names.ContainsKey(r.MemberId))
                .Select(r => new MemberAttendance(
                    r.MemberId,
                    names[r.MemberId].Name,
                    names[r.MemberId].Branch,
                    r.Expected,
                    r.Present,
                    r.OnLeave
                ))
                .OrderBy(r => r.Rate)
                .ThenBy(r => r.Name, StringComparer.Ordinal),
        ];
    }
}
