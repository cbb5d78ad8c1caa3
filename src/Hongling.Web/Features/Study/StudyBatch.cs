using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>The rows one batch of beats touches, loaded with a few set-based queries and changed in memory;
/// the writer saves them in one transaction. Beats are applied in arrival order. The writer runs as system,
/// whose query filters admit every row, so these reads leave the filters out of their SQL (the hot path).</summary>
internal sealed class StudyBatch
{
    private readonly HonglingDb _db;
    private readonly Dictionary<string, int> _members;
    private readonly Dictionary<
        Guid,
        (StudySession Session, int Estimated, MaterialKind Kind, MaterialProgress? Progress)
    > _sessions;
    private readonly Dictionary<(int, DateOnly), StudyDay> _days;
    private readonly Dictionary<(int, long), ActiveMinute> _minutes;
    private readonly Dictionary<int, int> _branches;
    private readonly Dictionary<int, StudyClock> _clocks;

    private StudyBatch(
        HonglingDb db,
        Dictionary<string, int> members,
        Dictionary<Guid, (StudySession, int, MaterialKind, MaterialProgress?)> sessions,
        Dictionary<(int, DateOnly), StudyDay> days,
        Dictionary<(int, long), ActiveMinute> minutes,
        Dictionary<int, int> branches,
        Dictionary<int, StudyClock> clocks
    )
    {
        _db = db;
        _members = members;
        _sessions = sessions;
        _days = days;
        _minutes = minutes;
        _branches = branches;
        _clocks = clocks;
    }

    public static async Task<StudyBatch> LoadAsync(HonglingDb db, IReadOnlyList<Beat> beats, CancellationToken ct)
    {
        // Each beat's account, as it is now (the request did not load the caller's scope): its member, if any.
        var accountIds = beats.Select(b => b.AccountId).Distinct().ToList();
        var members = await Gates.MembersOfAccountsAsync(db, accountIds, ct);
        var sessionIds = beats.Where(b => b.SessionId is not null).Select(b => b.SessionId!.Value).Distinct().ToList();
        // Each session with its material's estimate and kind and its member's progress on it, in one query,
        // read fresh in every batch (tabs of one member on one material share the tracked progress row).
        var sessions = (
            await (
                from s in db.StudySessions
                where sessionIds.Contains(s.Id)
                join m in db.Materials on s.MaterialId equals m.Id
                join p in db.MaterialProgress
                    on new { s.MemberId, s.MaterialId } equals new { p.MemberId, p.MaterialId }
                    into progress
                from p in progress.DefaultIfEmpty()
                select new
                {
                    Session = s,
                    m.EstimatedMinutes,
                    m.Kind,
                    Progress = p,
                }
            ).ToListAsync(ct)
        ).ToDictionary(
            r => r.Session.Id,
            r =>
                ((StudySession, int, MaterialKind, MaterialProgress?))
                    (r.Session, r.EstimatedMinutes, r.Kind, r.Progress)
        );
        var memberIds = members.Values.Distinct().ToList();
        var dayKeys = beats.Select(b => StudyRules.ChinaDayOf(b.At)).Distinct().ToList();
        var days = await db
            .StudyDays.Where(d => memberIds.Contains(d.MemberId) && dayKeys.Contains(d.Day))
            .ToDictionaryAsync(d => (d.MemberId, d.Day), ct);
        var minuteKeys = beats.Select(b => StudyRules.MinuteOf(b.At)).Distinct().ToList();
        var minutes = await db
            .ActiveMinutes.Where(m => memberIds.Contains(m.MemberId) && minuteKeys.Contains(m.Minute))
            .ToDictionaryAsync(m => (m.MemberId, m.Minute), ct);
        // The branch a new day row is filed under: the session's, or for presence beats the member's own.
        var presence = beats
            .Where(b => b.SessionId is null && members.ContainsKey(b.AccountId))
            .Select(b => members[b.AccountId])
            .Distinct()
            .ToList();
        var branches =
            presence.Count == 0
                ? []
                : await db
                    .Members.Where(m => presence.Contains(m.Id))
                    .ToDictionaryAsync(m => m.Id, m => m.OrganizationId, ct);
        var clocks = await db
            .StudyClocks.Where(c => memberIds.Contains(c.MemberId))
            .ToDictionaryAsync(c => c.MemberId, ct);
        return new StudyBatch(db, members, sessions, days, minutes, branches, clocks);
    }

    public BeatOutcome Apply(Beat beat)
    {
        if (!_members.TryGetValue(beat.AccountId, out var memberId))
            return new(BeatStatus.NotMember);
        if (beat.SessionId is not { } id)
            return Presence(memberId, beat.At);
        if (!_sessions.TryGetValue(id, out var found) || found.Session.MemberId != memberId)
            return new(BeatStatus.Unknown);
        var (session, estimated, kind, progress) = found;
        if (progress is null)
            throw new InvalidOperationException($"Study session {id} has no progress row."); // opening creates it
        if (session.ClosedAt is not null)
            return new(BeatStatus.Closed);
        if (beat.Seq <= session.LastSeq)
            return new(BeatStatus.Replayed);
        if (beat.Seq > session.LastSeq + StudyRules.MaxSeqJump)
            return new(BeatStatus.SeqJump);

        var previous = session.LastBeatAt;
        session.LastSeq = beat.Seq;
        session.LastBeatAt = beat.At;
        session.FirstBeatAt ??= beat.At;
        session.Beats++;

        var day = Day(memberId, beat.At, session.OrganizationId);
        var minute = Minute(memberId, beat.At, day);
        if (previous is { } silent)
            StudyRules.RecordSilence(day, beat.At - silent, beat.Pause);
        var credited = previous is { } p && Credit(memberId, p, beat.At, minute, day, progress, estimated);
        var done =
            progress.CreditedMinutes >= estimated
            || (beat.MediaEnded && StudyRules.IsMedia(kind) && progress.CreditedMinutes * 2 >= estimated);
        if (done && progress.CompletedAt is null)
        {
            progress.CompletedAt = beat.At;
            day.MaterialsCompleted++;
        }
        return new(
            credited ? BeatStatus.Credited : BeatStatus.Accepted,
            progress.CreditedMinutes,
            progress.CompletedAt is not null
        );
    }

    /// <summary>Counts the study time this beat shows on the member's clock and, once a full minute is counted,
    /// credits the beat's wall-clock minute to the session's material (StudyRules).</summary>
    private bool Credit(
        int memberId,
        DateTime previous,
        DateTime at,
        ActiveMinute minute,
        StudyDay day,
        MaterialProgress progress,
        int estimated
    )
    {
        var clock = Clock(memberId, previous);
        var shown = StudyRules.Evidence(previous, at, clock.CoveredUntil);
        if (shown <= TimeSpan.Zero)
            return false;
        clock.CoveredUntil = at;
        clock.PendingMs += (int)shown.TotalMilliseconds;
        if (clock.PendingMs < StudyRules.MinuteMs)
            return false;
        if (minute.MaterialId is not null)
        {
            // This wall-clock minute is credited already: keep less than a minute waiting, so that a minute
            // counted before any moment can complete after it at most once.
            clock.PendingMs = StudyRules.MinuteMs - 1;
            return false;
        }
        clock.PendingMs -= StudyRules.MinuteMs;
        if (progress.CreditedMinutes >= estimated * 3)
        {
            day.CappedMinutes++; // time past the cap is spent, not carried to another material
            return false;
        }
        minute.MaterialId = progress.MaterialId;
        day.StudyMinutes++;
        progress.CreditedMinutes++;
        progress.LastStudiedAt = at;
        return true;
    }

    private StudyClock Clock(int memberId, DateTime since)
    {
        if (!_clocks.TryGetValue(memberId, out var clock))
        {
            clock = new StudyClock { MemberId = memberId, CoveredUntil = since };
            _db.StudyClocks.Add(clock);
            _clocks[memberId] = clock;
        }
        return clock;
    }

    private BeatOutcome Presence(int memberId, DateTime at)
    {
        if (!_branches.TryGetValue(memberId, out var branch))
            return new(BeatStatus.Unknown);
        Minute(memberId, at, Day(memberId, at, branch));
        return new(BeatStatus.Accepted);
    }

    private StudyDay Day(int memberId, DateTime at, int organizationId)
    {
        var key = (memberId, StudyRules.ChinaDayOf(at));
        if (!_days.TryGetValue(key, out var day))
        {
            day = new StudyDay
            {
                MemberId = memberId,
                Day = key.Item2,
                OrganizationId = organizationId,
            };
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
