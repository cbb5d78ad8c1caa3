using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>The rows one batch of beats touches, loaded with one query per table and changed in memory;
/// the writer saves them in one transaction. Beats are applied in arrival order.</summary>
internal sealed class StudyBatch
{
    private readonly HonglingDb _db;
    private readonly Dictionary<Guid, StudySession> _sessions;
    private readonly Dictionary<int, (int Estimated, MaterialKind Kind)> _materials;
    private readonly Dictionary<(int, int), MaterialProgress> _progress;
    private readonly Dictionary<(int, DateOnly), StudyDay> _days;
    private readonly Dictionary<(int, long), ActiveMinute> _minutes;
    private readonly Dictionary<int, int> _branches;

    private StudyBatch(HonglingDb db, Dictionary<Guid, StudySession> sessions, Dictionary<int, (int, MaterialKind)> materials,
        Dictionary<(int, int), MaterialProgress> progress, Dictionary<(int, DateOnly), StudyDay> days,
        Dictionary<(int, long), ActiveMinute> minutes, Dictionary<int, int> branches)
    {
        _db = db; _sessions = sessions; _materials = materials; _progress = progress; _days = days; _minutes = minutes; _branches = branches;
    }

    public static async Task<StudyBatch> LoadAsync(HonglingDb db, IReadOnlyList<Beat> beats, CancellationToken ct)
    {
        var sessionIds = beats.Where(b => b.SessionId is not null).Select(b => b.SessionId!.Value).Distinct().ToList();
        var sessions = await db.StudySessions.Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var materialIds = sessions.Values.Select(s => s.MaterialId).Distinct().ToList();
        var materials = await db.Materials.Where(m => materialIds.Contains(m.Id))
            .Select(m => new { m.Id, m.EstimatedMinutes, m.Kind }).ToDictionaryAsync(m => m.Id, m => (m.EstimatedMinutes, m.Kind), ct);
        var memberIds = beats.Select(b => b.MemberId).Distinct().ToList();
        var progress = await db.MaterialProgress.Where(p => memberIds.Contains(p.MemberId) && materialIds.Contains(p.MaterialId))
            .ToDictionaryAsync(p => (p.MemberId, p.MaterialId), ct);
        var dayKeys = beats.Select(b => StudyRules.ChinaDayOf(b.At)).Distinct().ToList();
        var days = await db.StudyDays.Where(d => memberIds.Contains(d.MemberId) && dayKeys.Contains(d.Day)).ToDictionaryAsync(d => (d.MemberId, d.Day), ct);
        var minuteKeys = beats.Select(b => StudyRules.MinuteOf(b.At)).Distinct().ToList();
        var minutes = await db.ActiveMinutes.Where(m => memberIds.Contains(m.MemberId) && minuteKeys.Contains(m.Minute))
            .ToDictionaryAsync(m => (m.MemberId, m.Minute), ct);
        // The branch a new day row is filed under: the session's, or for presence beats the member's own.
        var presence = beats.Where(b => b.SessionId is null).Select(b => b.MemberId).Distinct().ToList();
        var branches = presence.Count == 0 ? [] : await db.Members.Where(m => presence.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.OrganizationId, ct);
        return new StudyBatch(db, sessions, materials, progress, days, minutes, branches);
    }

    public BeatOutcome Apply(Beat beat)
    {
        if (beat.SessionId is not { } id) return Presence(beat);
        if (!_sessions.TryGetValue(id, out var session) || session.MemberId != beat.MemberId) return new(BeatStatus.Unknown);
        if (session.ClosedAt is not null) return new(BeatStatus.Closed);
        if (beat.Seq <= session.LastSeq) return new(BeatStatus.Replayed);
        if (beat.Seq > session.LastSeq + StudyRules.MaxSeqJump) return new(BeatStatus.SeqJump);

        var chained = session.LastBeatAt is { } previous && StudyRules.MinuteOf(previous) == StudyRules.MinuteOf(beat.At);
        session.LastSeq = beat.Seq;
        session.LastBeatAt = beat.At;
        session.FirstBeatAt ??= beat.At;
        session.Beats++;

        var day = Day(beat.MemberId, beat.At, session.OrganizationId);
        var minute = Minute(beat.MemberId, beat.At, day);
        var (estimated, kind) = _materials[session.MaterialId];
        var progress = _progress[(beat.MemberId, session.MaterialId)];
        var credited = false;
        if (chained && minute.MaterialId is null && progress.CreditedMinutes < estimated * 3)
        {
            minute.MaterialId = session.MaterialId;
            day.StudyMinutes++;
            progress.CreditedMinutes++;
            progress.LastStudiedAt = beat.At;
            credited = true;
        }
        var done = progress.CreditedMinutes >= estimated
            || (beat.MediaEnded && StudyRules.IsMedia(kind) && progress.CreditedMinutes * 2 >= estimated);
        if (done && progress.CompletedAt is null)
        {
            progress.CompletedAt = beat.At;
            day.MaterialsCompleted++;
        }
        return new(credited ? BeatStatus.Credited : BeatStatus.Accepted, progress.CreditedMinutes, progress.CompletedAt is not null);
    }

    private BeatOutcome Presence(Beat beat)
    {
        if (!_branches.TryGetValue(beat.MemberId, out var branch)) return new(BeatStatus.Unknown);
        Minute(beat.MemberId, beat.At, Day(beat.MemberId, beat.At, branch));
        return new(BeatStatus.Accepted);
    }

    private StudyDay Day(int memberId, DateTime at, int organizationId)
    {
        var key = (memberId, StudyRules.ChinaDayOf(at));
        if (!_days.TryGetValue(key, out var day))
        {
            day = new StudyDay { MemberId = memberId, Day = key.Item2, OrganizationId = organizationId };
            _db.StudyDays.Add(day);
            _days[key] = day;
        }
        return day;
    }

    /// <summary>The member's row for this wall-clock minute; a new one counts a minute online.</summary>
    private ActiveMinute Minute(int memberId, DateTime at, StudyDay day)
    {
        var key = (memberId, StudyRules.MinuteOf(at));
        if (!_minutes.TryGetValue(key, out var minute))
        {
            minute = new ActiveMinute { MemberId = memberId, Minute = key.Item2 };
            _db.ActiveMinutes.Add(minute);
            _minutes[key] = minute;
            day.OnlineMinutes++;
        }
        return minute;
    }
}
