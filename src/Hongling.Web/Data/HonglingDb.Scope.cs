using System.Linq.Expressions;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Hongling.Web.Data;

/// <summary>The org scope inside the database layer: query filters on every organization-owned type and
/// the save-changes check. See Infrastructure/OrgScoping/README.md.</summary>
public abstract partial class HonglingDb
{
    // The first administered subtrees become path ranges [From, To) that the Path index answers (a path
    // ends in '/', and '0' is the next character, so [P, P[..^1] + "0") holds exactly the paths starting
    // with P). EF sniffs null parameters, so unused slots vanish from the SQL. Rare further subtrees
    // spill into a list matched by prefix.
    private string? From0 => Slot(0); private string? To0 => SlotEnd(0);
    private string? From1 => Slot(1); private string? To1 => SlotEnd(1);
    private string? From2 => Slot(2); private string? To2 => SlotEnd(2);
    private string[] More => [.. scope.AdminPaths.Skip(3)];
    private int? ScopeMemberId => scope.MemberId;
    private string? ScopeMemberOrgPath => scope.MemberOrgPath;

    private string? Slot(int i) => i < scope.AdminPaths.Count ? scope.AdminPaths[i] : null;
    private string? SlotEnd(int i) => Slot(i) is { } p ? p[..^1] + "0" : null;

    private Expression<Func<string, bool>> Administered => path =>
        (From0 != null && string.Compare(path, From0) >= 0 && string.Compare(path, To0) < 0)
        || (From1 != null && string.Compare(path, From1) >= 0 && string.Compare(path, To1) < 0)
        || (From2 != null && string.Compare(path, From2) >= 0 && string.Compare(path, To2) < 0)
        || More.Any(p => path.StartsWith(p));

    /// <summary>Only what the caller administers, without the read-only view a member has of their own
    /// branch, its parents and their own record.</summary>
    public IQueryable<Organization> AdministeredOrganizations => Organizations.Where(Within<Organization>(o => o.Path));

    /// <inheritdoc cref="AdministeredOrganizations"/>
    public IQueryable<Member> AdministeredMembers => Members.Where(Within<Member>(m => m.Organization.Path));

    /// <summary>entity => Administered(pathOf(entity)) [|| orElse(entity)].</summary>
    private Expression<Func<T, bool>> Within<T>(Expression<Func<T, string>> pathOf, Expression<Func<T, bool>>? orElse = null)
    {
        var entity = pathOf.Parameters[0];
        var administered = Administered;
        var body = ReplacingExpressionVisitor.Replace(administered.Parameters[0], pathOf.Body, administered.Body);
        if (orElse is not null) body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(orElse.Parameters[0], entity, orElse.Body));
        return Expression.Lambda<Func<T, bool>>(body, entity);
    }

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        // An organization is visible to those who administer it or an ancestor, and, read-only,
        // to a member of a branch beneath it (their own branch and its parents).
        builder.Entity<Organization>().HasQueryFilter(Within<Organization>(o => o.Path,
            o => ScopeMemberOrgPath != null && ScopeMemberOrgPath.StartsWith(o.Path)));
        // A member sees their own record.
        builder.Entity<Member>().HasQueryFilter(Within<Member>(m => m.Organization.Path, m => m.Id == ScopeMemberId));

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType)
                     .Where(t => typeof(IOrgOwned).IsAssignableFrom(t) && t != typeof(Member)))
            typeof(HonglingDb).GetMethod(nameof(ApplyOrgFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [builder]);
    }

    private void ApplyOrgFilter<T>(ModelBuilder builder) where T : class, IOrgOwned =>
        builder.Entity<T>().HasQueryFilter(Within<T>(e => e.Organization.Path));

    /// <summary>Refuses any write that touches an organization, or organization-owned data, outside the
    /// caller's administered subtrees, before and after the change (so nothing can be moved out either).</summary>
    private async Task EnforceScopeAsync(CancellationToken ct)
    {
        if (scope.IsSystem) return;
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var paths = new List<string?>();
            if (entry.Entity is Organization org)
            {
                paths.Add(org.Path);
                if (entry.State != EntityState.Added) paths.Add((string?)entry.OriginalValues[nameof(Organization.Path)]);
            }
            else if (entry.Entity is IOrgOwned owned)
            {
                var nav = entry.Reference(nameof(IOrgOwned.Organization)).CurrentValue as Organization;
                paths.Add(nav is not null && (owned.OrganizationId == 0 || nav.Id == owned.OrganizationId)
                    ? nav.Path : await PathOfAsync(owned.OrganizationId, ct));
                if (entry.State != EntityState.Added)
                    paths.Add(await PathOfAsync((int)entry.OriginalValues[nameof(IOrgOwned.OrganizationId)]!, ct));
            }
            else continue;

            if (paths.Any(p => p is null || !scope.Covers(p)))
                throw new OrgScopeViolationException($"Write to {entry.Metadata.ClrType.Name} outside the caller's organization scope.");
        }
    }

    private async Task<string?> PathOfAsync(int orgId, CancellationToken ct) =>
        ChangeTracker.Entries<Organization>().FirstOrDefault(e => e.Entity.Id == orgId)?.Entity.Path
        ?? await Organizations.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
}
