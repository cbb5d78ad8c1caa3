using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.CheckIn;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>QR check-in at a lecture session, on the activities' mechanism (Infrastructure/CheckIn): the sealed code
/// of the session, its window, and the member's own enrolment in the course; attendance is recorded by
/// <see cref="LectureDesk.AttendAsync"/>, which also records completion.</summary>
public sealed class SessionCheckIn(CheckInCodes codes, HonglingDb db, LectureDesk desk)
{
    public const string Invalid = "签到码无效,请扫描课堂现场展示的二维码。";
    public const string OtherSession = "该签到码不属于本次课程,请扫描本次课堂现场的二维码。";
    public const string Expired = "签到码已过期,本次课程的签到已结束。如确实参加了学习,请联系组织者补记。";
    public const string NotOpenYet = "签到尚未开始(开课前1小时开放签到)。";
    public const string NotEnrolled = "您没有报名该课程,无法签到。";
    public const string NoMember = "您的账号没有关联党员信息,无法签到。";

    private const string Purpose = "Hongling.Lectures.CheckIn.v1";

    public string CodeFor(LectureSession session) => codes.CodeFor(Purpose, session.Id, session.EndsAt);

    public static string Url(string origin, int sessionId, string code) =>
        $"{origin}/Lectures/CheckIn/{sessionId}?code={Uri.EscapeDataString(code)}";

    public sealed record Outcome(string? Refusal, string? Title, bool CheckedIn, bool Already, bool Completed);

    private static string Refusal(CheckInCodes.Verdict verdict) =>
        verdict switch
        {
            CheckInCodes.Verdict.OtherTarget => OtherSession,
            CheckInCodes.Verdict.Expired => Expired,
            CheckInCodes.Verdict.NotOpenYet => NotOpenYet,
            _ => Invalid,
        };

    public async Task<Outcome> CheckInAsync(int sessionId, string? code, bool commit, CancellationToken ct)
    {
        if (codes.ReadCode(Purpose, sessionId, code) is var verdict && verdict != CheckInCodes.Verdict.Open)
            return new Outcome(Refusal(verdict), null, false, false, false);
        if (db.Scope.MemberId is not { } me)
            return new Outcome(NoMember, null, false, false, false);
        var session = await db.LectureSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        // The member's own enrolment, read through the scope, and through it the course.
        var enrolment = session is null
            ? null
            : await db
                .LectureEnrolments.Include(e => e.Course)
                .FirstOrDefaultAsync(e => e.CourseId == session.CourseId && e.MemberId == me, ct);
        if (session is null || enrolment is null)
            return new Outcome(NotEnrolled, null, false, false, false);
        var title = $"{enrolment.Course.Title} · 第{session.Number}讲 {session.Topic}";
        if (codes.Window(session.StartsAt, session.EndsAt) is var window && window != CheckInCodes.Verdict.Open)
            return new Outcome(Refusal(window), title, false, false, false);
        var already = await db.LectureAttendance.AnyAsync(
            a => a.EnrolmentId == enrolment.Id && a.SessionId == sessionId,
            ct
        );
        if (already || !commit)
            return new Outcome(null, title, already, already, enrolment.CompletedOn is not null);
        await desk.AttendAsync(enrolment, session, CheckInMethod.QrCode, ct);
        return new Outcome(null, title, true, false, enrolment.CompletedOn is not null);
    }
}
