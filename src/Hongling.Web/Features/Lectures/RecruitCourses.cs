using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>The lecture-hall courses of a recruit (an activist's or candidate's training), and of their member record
/// after admission: shown on the development record.</summary>
public static class RecruitCourses
{
    public sealed record Row(
        int EnrolmentId,
        string Title,
        LectureTarget Target,
        int Attended,
        int Needed,
        DateOnly? CompletedOn
    );

    public static Task<List<Row>> ForAsync(HonglingDb db, Recruit recruit) =>
        db
            .LectureEnrolments.Where(e =>
                e.RecruitId == recruit.Id || (recruit.MemberId != null && e.MemberId == recruit.MemberId)
            )
            .OrderBy(e => e.EnrolledAt)
            .Take(100)
            .Select(e => new Row(
                e.Id,
                e.Course.Title,
                e.Course.Target,
                e.Attendance.Count,
                e.Course.CompletionSessions,
                e.CompletedOn
            ))
            .ToListAsync();
}
