using Microsoft.AspNetCore.Authorization;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>Registers the whole org-scope mechanism: the per-request scope, the two policies and their handlers,
/// and the 404 answer for an organization outside the scope. The query filters and the save check come with
/// HonglingDb itself (HonglingDb.Scope.cs, in this folder); the middleware is <see cref="UseOrgScoping"/>.</summary>
public static class OrgScopingSetup
{
    public static IServiceCollection AddOrgScoping(this IServiceCollection services)
    {
        services.AddScoped<OrgScope>();
        services.AddSingleton<OrgScopeCache>();
        services.AddScoped<IAuthorizationHandler, AdministratorHandler>();
        services.AddScoped<IAuthorizationHandler, OrgInScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, OrgScopeResultHandler>();
        services
            .AddAuthorizationBuilder()
            .AddPolicy(OrgPolicies.Administrator, p =>
                p.RequireAuthenticatedUser().AddRequirements(new AdministratorRequirement())
            )
            .AddPolicy(OrgPolicies.OrgInScope, p =>
                p.RequireAuthenticatedUser().AddRequirements(new OrgInScopeRequirement())
            );
        return services;
    }

    /// <summary>Loads the caller's scope after authentication (endpoints marked WithoutOrgScope skip it).</summary>
    public static IApplicationBuilder UseOrgScoping(this IApplicationBuilder app) =>
        app.UseMiddleware<OrgScopeMiddleware>();
}
