using System.Data.Common;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>Enrolment and attendance in the red lecture hall. A seat is a numbered row, unique per course and never
/// above its seats: two people taking the last seat at the same moment collide on the unique index, and the later
/// one, trying again, finds the course full. Completion (结业) is recorded when attendance reaches the
/// threshold.</summary>
public sealed class LectureDesk(HonglingDb db, TimeProvider clock)
{
    public static readonly RuleError CourseNotFound = new(
        "lecture_not_found",
        "没有找到该课程,或它不面向您所在的组织",
        404
    );
    public static readonly RuleError Full = new("lecture_full", "名额已满,报名未成功", 409);
    public static readonly RuleError AlreadyEnrolled = new("lecture_already_enrolled", "已报名该课程", 409);
    public static readonly RuleError NotTarget = new(
        "lecture_not_target",
        "该课程不面向您所在的群体(如书记培训、新党员培训),无法报名"
    );
    public static readonly RuleError RecruitOnly = new(
        "lecture_recruits_only",
        "入党积极分子培训由支部为积极分子、发展对象报名"
    );
    public static readonly RuleError NotRecruit = new("lecture_not_recruit", "只能为入党积极分子或发展对象报名", 404);
    public static readonly RuleError NoMember = new("lecture_no_member", "您的账号没有关联党员信息,无法报名");
    public static readonly RuleError EnrolmentNotFound = new(
        "lecture_enrolment_not_found",
        "没有找到您的这项报名",
        404
    );
    public static readonly RuleError CancelAfterCheckIn = new(
        "lecture_cancel_after_check_in",
        "您已签到听课,不能再取消报名",
        409
    );
    public static readonly RuleError CancelAfterStart = new(
        "lecture_cancel_after_start",
        "课程已经开讲,不能再取消报名",
        409
    );

    /// <summary>The signed-in member takes a seat in a course published to their branch, if they are in its target
    /// group.</summary>
    public async Task<LectureEnrolment> EnrolMemberAsync(int courseId, CancellationToken ct)
    {
        if (db.Scope.MemberId is not { } me)
            throw new RuleException(NoMember);
        var course = await db.LectureCourses.FirstOrDefaultAsync(c => c.Id == courseId, ct)
            ?? throw new RuleException(CourseNotFound);
        var member = await db
            .Members.Where(m => m.Id == me)
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.OrganizationId,
                m.Status,
                m.JoinedOn,
            })
            .FirstAsync(ct);
        var eligible = course.Target switch
        {
            LectureTarget.AllMembers => true,
            LectureTarget.NewMembers => member.Status == MemberStatus.Probationary
                || member.JoinedOn > clock.TodayInChina().AddYears(-2),
            LectureTarget.Secretaries => await db.Organizations.AnyAsync(o => o.SecretaryId == me, ct),
            _ => throw new RuleException(RecruitOnly),
        };
        if (!eligible)
            throw new RuleException(NotTarget);
        if (await db.LectureEnrolments.AnyAsync(e => e.CourseId == courseId && e.MemberId == me, ct))
            throw new RuleException(AlreadyEnrolled);
        return await TakeSeatAsync(
            course,
            new LectureEnrolment
            {
                CourseId = course.Id,
                MemberId = me,
                OrganizationId = member.OrganizationId,
                Name = member.Name,
            },
            ct
        );
    }

    /// <summary>An administrator enrols an activist or candidate (a recruit of their subtree, who has no
    /// account).</summary>
    public async Task<LectureEnrolment> EnrolRecruitAsync(int courseId, int recruitId, CancellationToken ct)
    {
        var course = await db.LectureCourses.FirstOrDefaultAsync(c => c.Id == courseId, ct)
            ?? throw new RuleException(CourseNotFound);
        var recruit = await db
            .Recruits.Where(r =>
                r.Id == recruitId && (r.Stage == DevelopmentStage.Activist || r.Stage == DevelopmentStage.Candidate)
            )
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.OrganizationId,
                r.OrgPath,
            })
            .FirstOrDefaultAsync(ct);
        if (recruit is null || !recruit.OrgPath.StartsWith(course.AudiencePath, StringComparison.Ordinal))
            throw new RuleException(NotRecruit);
        if (await db.LectureEnrolments.AnyAsync(e => e.CourseId == courseId && e.RecruitId == recruitId, ct))
            throw new RuleException(AlreadyEnrolled);
        return await TakeSeatAsync(
            course,
            new LectureEnrolment
            {
                CourseId = course.Id,
                RecruitId = recruit.Id,
                OrganizationId = recruit.OrganizationId,
                Name = recruit.Name,
            },
            ct
        );
    }

    /// <summary>The signed-in member cancels their own enrolment before the course's first session starts and
    /// before any check-in; the row goes, so its seat is free for the next person at once (there is no waiting
    /// list).</summary>
    public async Task<LectureEnrolment> CancelMemberAsync(int courseId, CancellationToken ct)
    {
        var e = await db
            .LectureEnrolments.Include(x => x.Course)
            .FirstOrDefaultAsync(x => x.CourseId == courseId && x.MemberId == db.Scope.MemberId, ct)
            ?? throw new RuleException(EnrolmentNotFound);
        if (await db.LectureAttendance.AnyAsync(a => a.EnrolmentId == e.Id, ct))
            throw new RuleException(CancelAfterCheckIn);
        var starts = await db
            .LectureSessions.Where(s => s.CourseId == courseId)
            .MinAsync(s => (DateTime?)s.StartsAt, ct);
        if (starts is { } first && DateTime.SpecifyKind(first, DateTimeKind.Utc) <= clock.GetUtcNow().UtcDateTime)
            throw new RuleException(CancelAfterStart);
        db.LectureEnrolments.Remove(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    private async Task<LectureEnrolment> TakeSeatAsync(
        LectureCourse course,
        LectureEnrolment enrolment,
        CancellationToken ct
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            var taken = await db.SeatsTakenIn(course.Id).ToListAsync(ct);
            var free = Enumerable.Range(1, course.Seats).Except(taken).FirstOrDefault();
            if (free == 0)
                throw new RuleException(Full);
            enrolment.SeatNumber = free;
            enrolment.EnrolledAt = clock.GetUtcNow().UtcDateTime;
            db.LectureEnrolments.Add(enrolment);
            try
            {
                // A member's own seat in their own branch (IMemberCreated); an administrator's recruit in their
                // subtree.
                await db.SaveChangesAsync(ct);
                return enrolment;
            }
            catch (DbUpdateException e) when (attempt < 10 && IsUniqueViolation(e))
            {
                db.Entry(enrolment).State = EntityState.Detached;
                if (
                    await db.LectureEnrolments.AnyAsync(
                        x =>
                            x.CourseId == course.Id
                            && (
                                x.MemberId != null && x.MemberId == enrolment.MemberId
                                || x.RecruitId != null && x.RecruitId == enrolment.RecruitId
                            ),
                        ct
                    )
                )
                    throw new RuleException(AlreadyEnrolled);
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is DbException inner
        && inner
            is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
                or Npgsql.PostgresException { SqlState: "23505" };

    /// <summary>Records one attended session (once) and completion when the course's threshold is reached; the
    /// caller has checked who may (the member by QR code, or an administrator of the enrolment).</summary>
    public async Task<bool> AttendAsync(
        LectureEnrolment enrolment,
        LectureSession session,
        CheckInMethod method,
        CancellationToken ct
    )
    {
        if (await db.LectureAttendance.AnyAsync(a => a.EnrolmentId == enrolment.Id && a.SessionId == session.Id, ct))
            return false;
        db.LectureAttendance.Add(
            new LectureAttendance
            {
                EnrolmentId = enrolment.Id,
                SessionId = session.Id,
                At = clock.GetUtcNow().UtcDateTime,
                Method = method,
            }
        );
        var attended = await db.LectureAttendance.CountAsync(a => a.EnrolmentId == enrolment.Id, ct) + 1;
        var threshold = await db
            .LectureCourses.Where(c => c.Id == enrolment.CourseId)
            .Select(c => c.CompletionSessions)
            .FirstAsync(ct);
        if (enrolment.CompletedOn is null && attended >= threshold)
            enrolment.CompletedOn = clock.TodayInChina();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return false;
        } // a second scan at the same moment
        return true;
    }
}
