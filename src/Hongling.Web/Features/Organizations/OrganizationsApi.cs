using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Organizations;

public static class OrganizationsApi
{
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orgs", (HonglingDb db, CancellationToken ct) =>
                OrgTree.Nodes(db, OrgTree.Roots(db)).ToListAsync(ct)
            )
            .RequireAuthorization(OrgPolicies.Administrator)
            .WithTags("Organizations")
            .WithSummary("管辖范围内的顶层组织");

        var org = app.MapGroup("/api/orgs/{orgId:int}")
            .RequireAuthorization(OrgPolicies.OrgInScope)
            .WithTags("Organizations");
        org.MapGet("/", GetAsync).WithSummary("一个组织;不在管辖范围内时返回404");
        org.MapGet("/children", (int orgId, HonglingDb db, CancellationToken ct) =>
                OrgTree.Nodes(db, OrgTree.Children(db, orgId)).ToListAsync(ct)
            )
            .WithSummary("下级组织及各自的党员人数");
        return app;
    }

    private static async Task<Results<Ok<OrgNode>, ProblemHttpResult>> GetAsync(
        int orgId,
        HonglingDb db,
        CancellationToken ct
    ) =>
        await OrgTree.Nodes(db, db.AdministeredOrganizations.Where(o => o.Id == orgId)).FirstOrDefaultAsync(ct)
            is { } node
            ? TypedResults.Ok(node)
            : Problems.From(RuleErrors.OrgNotFound);
}
