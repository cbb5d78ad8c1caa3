using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Hongling.Web.Features.Activities;

/// <summary>QR check-in (扫码签到). The code shown at the venue is the activity id and an expiry, sealed by
/// Data Protection (authenticated encryption with the keys shared by all instances): it cannot be forged,
/// altered or used for another activity, and it stops working a few hours after the activity ends. Time is
/// checked against the platform clock (TimeProvider), not the protector's own.</summary>
public sealed class ActivityCheckIn(IDataProtectionProvider protection, HonglingDb db, TimeProvider clock)
{
    /// <summary>Members may check in from an hour before the start…</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromHours(1);
    /// <summary>…until three hours after the end (a meeting that runs late, a member who scans on leaving).</summary>
    public static readonly TimeSpan ClosesAfter = TimeSpan.FromHours(3);

    public const string Invalid = "签到码无效,请扫描活动现场展示的二维码。";
    public const string OtherActivity = "该签到码不属于本次活动,请扫描本次活动现场的二维码。";
    public const string Expired = "签到码已过期,本次活动的签到已结束。如确实参加了活动,请联系支部管理员补签。";
    public const string NotOpenYet = "签到尚未开始(活动开始前1小时开放签到)。";
    public const string NotParticipant = "您不在本次活动的参加人员名单中,无法签到。如有疑问请联系支部管理员。";
    public const string NoMember = "您的账号没有关联党员信息,无法签到。";

    private readonly IDataProtector _protector = protection.CreateProtector("Hongling.Activities.CheckIn.v1");

    public string CodeFor(Activity activity) => _protector.Protect($"{activity.Id}:{(activity.EndsAt + ClosesAfter).Ticks}");

    public static string Url(string origin, int activityId, string code) => $"{origin}/Activities/CheckIn/{activityId}?code={Uri.EscapeDataString(code)}";

    /// <summary>The QR code of <paramref name="url"/> as a PNG.</summary>
    public static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }

    public sealed record Outcome(string? Refusal, string? Topic, DateTime? CheckedInAt, bool AlreadyCheckedIn)
    {
        public static Outcome Refused(string message, string? topic = null) => new(message, topic, null, false);
    }

    /// <summary>Checks the code and the caller's place on the list; with <paramref name="commit"/> also
    /// records the check-in (once: a second scan changes nothing).</summary>
    public async Task<Outcome> CheckInAsync(int activityId, string? code, bool commit, CancellationToken ct)
    {
        if (ReadCode(code) is not { } sealedCode) return Outcome.Refused(Invalid);
        if (sealedCode.ActivityId != activityId) return Outcome.Refused(OtherActivity);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now > sealedCode.Expiry) return Outcome.Refused(Expired);
        if (db.Scope.MemberId is not { } memberId) return Outcome.Refused(NoMember);

        // The member reads their own participant row and, through it, the activity; nobody else's.
        var row = await db.ActivityParticipants.Include(p => p.Activity)
            .FirstOrDefaultAsync(p => p.ActivityId == activityId && p.MemberId == memberId, ct);
        if (row is null) return Outcome.Refused(NotParticipant);
        var activity = row.Activity;
        if (now > activity.EndsAt + ClosesAfter) return Outcome.Refused(Expired, activity.Topic);
        if (now < activity.StartsAt - OpensBefore) return Outcome.Refused(NotOpenYet, activity.Topic);
        if (row.CheckedInAt is { } at) return new Outcome(null, activity.Topic, at, AlreadyCheckedIn: true);
        if (!commit) return new Outcome(null, activity.Topic, null, false);

        row.CheckedInAt = now;
        row.CheckInMethod = CheckInMethod.QrCode;
        if (row.Reply == ParticipantReply.Pending) (row.Reply, row.RepliedAt) = (ParticipantReply.Confirmed, now);
        // The scope's own-row rule admits it: the check-in on the member's own row ([MemberSets] properties).
        await db.SaveChangesAsync(ct);
        return new Outcome(null, activity.Topic, now, false);
    }

    private sealed record SealedCode(int ActivityId, DateTime Expiry);

    private SealedCode? ReadCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 1000) return null;
        try
        {
            var parts = _protector.Unprotect(code).Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], out var id) && long.TryParse(parts[1], out var ticks)
                ? new SealedCode(id, new DateTime(ticks, DateTimeKind.Utc)) : null;
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        catch (FormatException) { return null; }
    }
}
