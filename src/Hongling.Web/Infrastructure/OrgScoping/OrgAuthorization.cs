using Hongling.Web.Data;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure.OrgScoping;

public static class OrgPolicies
{
    /// <summary>Administers at least one subtree (or the whole tree).</summary>
    public const string Administrator = "Administrator";

    /// <summary>The route's {orgId} lies inside the caller's administered subtrees; fails closed without it.</summary>
    public const string OrgInScope = "OrgInScope";
}

public sealed class AdministratorRequirement : IAuthorizationRequirement;

public sealed class OrgInScopeRequirement : IAuthorizationRequirement;

public sealed class AdministratorHandler(OrgScope scope) : AuthorizationHandler<AdministratorRequirement>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        AdministratorRequirement requirement
    )
    {
        if (scope.IsAdministrator)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Every registered handler is built for every authorization, whatever the policy, so this one takes
/// the database context from the request only when it has an organization to look up: built with it, it
/// cost every signed-in request (an exam start, an autosave) a DbContext it never used.</summary>
public sealed class OrgInScopeHandler(OrgScope scope, IHttpContextAccessor http)
    : AuthorizationHandler<OrgInScopeRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        OrgInScopeRequirement requirement
    )
    {
        var raw = http.HttpContext?.GetRouteValue("orgId") as string;
        // Not succeeding leaves the requirement failed; without an orgId it can never succeed (fails closed).
        if (!int.TryParse(raw, out var orgId))
            return;
        var db = http.HttpContext!.RequestServices.GetRequiredService<HonglingDb>();
        var path = await db
            .Organizations.IgnoreQueryFilters()
            .Where(o => o.Id == orgId)
            .Select(o => o.Path)
            .FirstOrDefaultAsync();
        if (path is not null && scope.Administers(path))
            context.Succeed(requirement);
    }
}

/// <summary>An organization outside the caller's scope does not exist for them: 404, not 403,
/// so an id cannot be probed. Under /api the 404 is the org_not_found problem, the same for an organization
/// that does not exist at all; pages get the error page.</summary>
public sealed class OrgScopeResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult result
    )
    {
        if (
            result.Forbidden
            && result.AuthorizationFailure?.FailedRequirements.OfType<OrgInScopeRequirement>().Any() == true
        )
        {
            if (ErrorHandling.IsApi(context))
                return Problems.WriteAsync(context, RuleErrors.OrgNotFound);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, result);
    }
}
