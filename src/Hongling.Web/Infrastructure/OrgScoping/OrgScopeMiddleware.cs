using System.Security.Claims;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>Sets up the signed-in caller's scope for every request, so a change of administrators or a moved
/// subtree takes effect on the next request on every instance. The session row's read (the one query every
/// signed-in request makes) also returns the caller's member record and the scope version
/// (<see cref="SignedInCaller"/>); the administered subtrees come from <see cref="OrgScopeCache"/> while that
/// version stands, else from the database. An endpoint marked <see cref="OrgScopeEndpoints.WithoutOrgScope"/>
/// skips this: its scope stays empty (it sees nothing and may write nothing), and it must resolve what it
/// needs from the account id itself.</summary>
public sealed class OrgScopeMiddleware(RequestDelegate next, OrgScopeCache cache)
{
    public async Task InvokeAsync(HttpContext context, OrgScope scope)
    {
        var accountId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (accountId is not null && context.GetEndpoint()?.Metadata.GetMetadata<WithoutOrgScopeMetadata>() is null)
        {
            var caller = SignedInCaller.Of(context);
            var version = caller?.AccountId == accountId ? caller.ScopeVersion : null;
            if (version is { } v && cache.Find(accountId, v) is { } paths)
                scope.Load(paths, caller!.MemberId, caller.MemberOrgPath, accountId, caller.ActorName);
            else
            {
                // Loaded after the version was read, so the subtrees are at least as new as it says.
                await LoadAsync(
                    scope,
                    context.RequestServices.GetRequiredService<HonglingDb>(),
                    accountId,
                    context.RequestAborted
                );
                if (version is { } read)
                    cache.Keep(accountId, read, scope.AdminPaths);
            }
        }
        await next(context);
    }

    public static async Task LoadAsync(OrgScope scope, HonglingDb db, string accountId, CancellationToken ct)
    {
        // The scope is what the filters read, so reading it must bypass them (the one place that does for requests).
        // Runs when the cache cannot answer: the stamped OrgPath copies answer it without joining organizations.
        var account = await db
            .Users.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                a.MemberId,
                a.DisplayName,
                a.UserName,
                MemberOrgPath = db
                    .Members.IgnoreQueryFilters()
                    .Where(m => m.Id == a.MemberId)
                    .Select(m => m.OrgPath)
                    .FirstOrDefault(),
                IsSystemAdmin = db.UserRoles.Any(ur =>
                    ur.UserId == a.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SystemAdmin)
                ),
            })
            .FirstOrDefaultAsync(ct);
        if (account is null)
            return;
        var paths = account.IsSystemAdmin
            ? ["/"]
            : await db
                .OrgAdministrators.IgnoreQueryFilters()
                .Where(x => x.AccountId == accountId)
                .Select(x => x.OrgPath)
                .ToListAsync(ct);
        scope.Load(
            paths,
            account.MemberId,
            account.MemberOrgPath,
            accountId,
            $"{account.DisplayName}({account.UserName})"
        );
    }
}

/// <summary>Marks an endpoint whose request does not load the caller's scope (see <see
/// cref="OrgScopeMiddleware"/>).</summary>
public sealed class WithoutOrgScopeMetadata;

public static class OrgScopeEndpoints
{
    /// <summary>For hot endpoints that touch the database only through a writer or a query that checks the
    /// caller's rights itself (the study heartbeat, exam autosaves and starts): saves setting up the scope. The
    /// request's scope stays empty, so a query made by mistake sees nothing and a save is refused.</summary>
    public static TBuilder WithoutOrgScope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new WithoutOrgScopeMetadata());
}
