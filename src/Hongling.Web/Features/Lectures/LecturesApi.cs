using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hongling.Web.Features.Lectures;

/// <summary>The member's red lecture hall JSON API: their courses and those offered to them, enrolling and
/// cancelling before the course begins. The rules are <see cref="LectureDesk"/>'s; a course not offered to the
/// caller answers 404.</summary>
public static class LecturesApi
{
    public sealed record Courses(IReadOnlyList<MineModel.Taken> Enrolled, IReadOnlyList<MineModel.Offered> Offered);

    public sealed record Enrolment(int Id, int CourseId, int Seat);

    public static IEndpointRouteBuilder MapLecturesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/lectures").RequireAuthorization().WithTags("Lectures");
        api.MapGet("/", async (HonglingDb db, CancellationToken ct) =>
            {
                var (taken, offered) = db.Scope.MemberId is { } me
                    ? await MineModel.LoadForAsync(db, me, ct)
                    : (new List<MineModel.Taken>(), new List<MineModel.Offered>());
                return TypedResults.Ok(new Courses(taken, offered));
            })
            .WithSummary("红色讲坛:我已报名的课程(含出勤)与可报名的课程");
        api.MapPost("/{courseId:int}/enrolment", async (int courseId, LectureDesk desk, CancellationToken ct) =>
            {
                var e = await desk.EnrolMemberAsync(courseId, ct);
                return TypedResults.Created(
                    $"/api/lectures/{courseId}/enrolment",
                    new Enrolment(e.Id, e.CourseId, e.SeatNumber)
                );
            })
            .DocumentsProblems(409)
            .WithSummary("报名课程(名额由数据库保证不超)");
        api.MapDelete("/{courseId:int}/enrolment", async (int courseId, LectureDesk desk, CancellationToken ct) =>
            {
                await desk.CancelMemberAsync(courseId, ct);
                return TypedResults.NoContent();
            })
            .DocumentsProblems(409)
            .WithSummary("开课前取消本人的报名(已签到的不能取消),座位随即空出");
        return app;
    }
}
