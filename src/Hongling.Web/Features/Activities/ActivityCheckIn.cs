using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.CheckIn;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>QR check-in (扫码签到) at an activity: the code (Infrastructure/CheckIn, sealed with the activity's id
/// and an expiry) and the member's place on the list are checked, then the member's own participant row records
/// it.</summary>
public sealed class ActivityCheckIn(CheckInCodes codes, HonglingDb db, TimeProvider clock)
{
    /// <summary>Members may check in from an hour before the start…</summary>
    public static readonly TimeSpan OpensBefore = CheckInCodes.OpensBefore;

    /// <summary>…until three hours after the end (a meeting that runs late, a member who scans on leaving).</summary>
    public static readonly TimeSpan ClosesAfter = CheckInCodes.ClosesAfter;

    public const string Invalid = "签到码无效,请扫描活动现场展示的二维码。";
    public const string OtherActivity = "该签到码不属于本次活动,请扫描本次活动现场的二维码。";
    public const string Expired = "签到码已过期,本次活动的签到已结束。如确实参加了活动,请联系支部管理员补签。";
    public const string NotOpenYet = "签到尚未开始(活动开始前1小时开放签到)。";
    public const string NotParticipant = "您不在本次活动的参加人员名单中,无法签到。如有疑问请联系支部管理员。";
    public const string NoMember = "您的账号没有关联党员信息,无法签到。";

    private const string Purpose = "Hongling.Activities.CheckIn.v1";

    public string CodeFor(Activity activity) => codes.CodeFor(Purpose, activity.Id, activity.EndsAt);

    public static string Url(string origin, int activityId, string code) =>
        $"{origin}/Activities/CheckIn/{activityId}?code={Uri.EscapeDataString(code)}";

    /// <summary>The QR code of <paramref name="url"/> as a PNG.</summary>
    public static byte[] QrPng(string url) => CheckInCodes.QrPng(url);

    public sealed record Outcome(string? Refusal, string? Topic, DateTime? CheckedInAt, bool AlreadyCheckedIn)
    {
        public static Outcome Refused(string message, string? topic = null) => new(message, topic, null, false);
    }

    private static string Refusal(CheckInCodes.Verdict verdict) =>
        verdict switch
        {
            CheckInCodes.Verdict.OtherTarget => OtherActivity,
            CheckInCodes.Verdict.Expired => Expired,
            CheckInCodes.Verdict.NotOpenYet => NotOpenYet,
            _ => Invalid,
        };

    /// <summary>Checks the code and the caller's place on the list; with <paramref name="commit"/> also
    /// records the check-in (once: a second scan changes nothing).</summary>
    public async Task<Outcome> CheckInAsync(int activityId, string? code, bool commit, CancellationToken ct)
    {
        if (codes.ReadCode(Purpose, activityId, code) is var verdict && verdict != CheckInCodes.Verdict.Open)
            return Outcome.Refused(Refusal(verdict));
        if (db.Scope.MemberId is not { } memberId)
            return Outcome.Refused(NoMember);

        // The member reads their own participant row and, through it, the activity; nobody else's.
        var row = await db
            .ActivityParticipants.Include(p => p.Activity)
            .FirstOrDefaultAsync(p => p.ActivityId == activityId && p.MemberId == memberId, ct);
        if (row is null)
            return Outcome.Refused(NotParticipant);
        var activity = row.Activity;
        if (codes.Window(activity.StartsAt, activity.EndsAt) is var window && window != CheckInCodes.Verdict.Open)
            return Outcome.Refused(Refusal(window), activity.Topic);
        if (row.CheckedInAt is { } at)
            return new Outcome(null, activity.Topic, at, AlreadyCheckedIn: true);
        if (!commit)
            return new Outcome(null, activity.Topic, null, false);

        var now = clock.GetUtcNow().UtcDateTime;
        row.CheckedInAt = now;
        row.CheckInMethod = CheckInMethod.QrCode;
        if (row.Reply == ParticipantReply.Pending)
            (row.Reply, row.RepliedAt) = (ParticipantReply.Confirmed, now);
        // The scope's own-row rule admits it: the check-in on the member's own row ([MemberSets] properties).
        await db.SaveChangesAsync(ct);
        return new Outcome(null, activity.Topic, now, false);
    }
}
