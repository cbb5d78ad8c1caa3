using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>The member's volunteer service JSON API: projects open to their branch (with their own sign-up),
/// signing up and withdrawing. The rules are <see cref="VolunteerDesk"/>'s; a project not published to the caller's
/// branch answers 404.</summary>
public static class VolunteeringApi
{
    public sealed record Answer(int ProjectId, string Title, bool SignedUp);

    public static IEndpointRouteBuilder MapVolunteeringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/volunteering").RequireAuthorization().WithTags("Volunteering");
        api.MapGet("/projects", ProjectsAsync).WithSummary("面向本人所在组织、尚未结束的志愿服务项目");
        api.MapPost("/projects/{id:int}/signup", async (int id, VolunteerDesk desk, CancellationToken ct) =>
                TypedResults.Ok(new Answer(id, (await desk.SignUpMemberAsync(id, ct)).Title, true))
            )
            .DocumentsProblems(409)
            .WithSummary("报名参加志愿服务项目(名额由数据库保证不超)");
        api.MapPost("/projects/{id:int}/withdraw", async (int id, VolunteerDesk desk, CancellationToken ct) =>
                TypedResults.Ok(new Answer(id, (await desk.WithdrawMemberAsync(id, ct)).Title, false))
            )
            .DocumentsProblems(409)
            .WithSummary("项目开始前退出报名");
        return app;
    }

    private static async Task<Ok<List<ProjectsModel.Row>>> ProjectsAsync(
        HonglingDb db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        TypedResults.Ok(
            db.Scope is { MemberId: { } me, MemberOrgPath: { } branch }
                ? await ProjectsModel.OpenTo(db, me, branch, clock.GetUtcNow().UtcDateTime).ToListAsync(ct)
                : []
        );
}
