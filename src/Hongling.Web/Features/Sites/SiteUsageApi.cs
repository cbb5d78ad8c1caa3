using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Sites;

/// <summary>GET /api/sites/usage: the monthly figures (<see cref="SiteUsageReport"/>) as JSON, for administrators,
/// of an organization they administer (404 otherwise) or of their first administered root.</summary>
public static class SiteUsageApi
{
    public static IEndpointRouteBuilder MapSiteUsageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sites/usage", GetAsync)
            .RequireAuthorization(OrgPolicies.Administrator)
            .WithTags("Sites")
            .DocumentsProblems(404)
            .WithSummary("远程教育站点月度使用统计(month 为 yyyyMM,默认上月;orgId 默认管辖范围的顶层组织)");
        return app;
    }

    private static async Task<Results<Ok<SiteUsageReport>, ProblemHttpResult>> GetAsync(
        int? month,
        int? orgId,
        HonglingDb db,
        TimeProvider clock,
        IOptions<SitesOptions> options,
        CancellationToken ct
    )
    {
        var shown = month ?? SiteUsageReport.LastMonth(clock);
        if (!ChinaTime.IsMonth(shown))
            return Problems.From(RuleErrors.SiteUsageMonthInvalid);
        if (await ScopedOrg.PickAsync(db, orgId) is not { } issuer)
            return Problems.From(RuleErrors.OrgNotFound);
        return TypedResults.Ok(await SiteUsageReport.ForAsync(db, issuer, shown, options.Value.RuleMinutes, ct));
    }
}
