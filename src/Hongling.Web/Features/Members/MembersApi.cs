using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

public static class MembersApi
{
    public sealed record MemberDto(
        int Id,
        string Name,
        string Gender,
        string Ethnicity,
        DateOnly BirthDate,
        string IdNumber,
        string Mobile,
        string Education,
        DateOnly JoinedOn,
        string Status,
        int OrganizationId,
        string Organization,
        bool IsFloating,
        string? CardNumber
    );

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/members").RequireAuthorization(OrgPolicies.Administrator).WithTags("Members");
        api.MapGet("/", (string? q, MemberStatus? status, int? page, HonglingDb db, CancellationToken ct) =>
                new MemberSearch(q, status, null, page ?? 1).RunAsync(db, ct)
            )
            .WithSummary("在管辖范围内查询党员(身份证号、手机号脱敏)");
        api.MapGet("/{id:int}", GetAsync).WithSummary("一名党员的信息;不在管辖范围内时返回404");

        app.MapGroup("/api/orgs/{orgId:int}/members")
            .RequireAuthorization(OrgPolicies.OrgInScope)
            .WithTags("Members")
            .MapGet("/", (int orgId, string? q, MemberStatus? status, int? page, HonglingDb db, CancellationToken ct) =>
                new MemberSearch(q, status, orgId, page ?? 1).RunAsync(db, ct)
            )
            .WithSummary("某组织(含下级)的党员");
        return app;
    }

    private static async Task<Results<Ok<MemberDto>, ProblemHttpResult>> GetAsync(
        int id,
        HonglingDb db,
        CancellationToken ct
    )
    {
        var m = await db
            .AdministeredMembers.Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.Gender,
                x.Ethnicity,
                x.BirthDate,
                x.IdNumberMasked,
                x.Mobile,
                x.Education,
                x.JoinedOn,
                x.Status,
                x.OrganizationId,
                Org = x.Organization.Name,
                x.IsFloating,
                x.CardNumber,
            })
            .FirstOrDefaultAsync(ct);
        if (m is null)
            return Problems.From(RuleErrors.MemberNotFound);
        return TypedResults.Ok(
            new MemberDto(
                m.Id,
                m.Name,
                Labels.Of(m.Gender),
                m.Ethnicity,
                m.BirthDate,
                m.IdNumberMasked,
                Mobile.Mask(m.Mobile),
                Labels.Of(m.Education),
                m.JoinedOn,
                Labels.Of(m.Status),
                m.OrganizationId,
                m.Org,
                m.IsFloating,
                m.CardNumber
            )
        );
    }
}
