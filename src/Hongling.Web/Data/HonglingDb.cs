using System.Linq.Expressions;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>The one database. Provider-specific subclasses exist only to carry their own migrations.</summary>
public abstract class HonglingDb(DbContextOptions options, OrgScope scope) : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<OrgAdministrator> OrgAdministrators => Set<OrgAdministrator>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public OrgScope Scope => scope;

    /// <summary>Only what the caller administers, without the read-only view a member has of their own
    /// branch, its parents and their own record.</summary>
    public IQueryable<Organization> AdministeredOrganizations => Organizations.Where(o => ScopePaths.Any(p => o.Path.StartsWith(p)));

    /// <inheritdoc cref="AdministeredOrganizations"/>
    public IQueryable<Member> AdministeredMembers => Members.Where(m => ScopePaths.Any(p => m.Organization.Path.StartsWith(p)));

    // Read by the query filters; EF turns these context members into query parameters.
    private string[] ScopePaths => [.. scope.AdminPaths];
    private int? ScopeMemberId => scope.MemberId;
    private string? ScopeMemberOrgPath => scope.MemberOrgPath;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HonglingDb).Assembly);

        // An organization is visible to those who administer it or an ancestor, and, read-only,
        // to members of a branch beneath it (their own branch and its parents).
        builder.Entity<Organization>().HasQueryFilter(o =>
            ScopePaths.Any(p => o.Path.StartsWith(p)) || (ScopeMemberOrgPath != null && ScopeMemberOrgPath.StartsWith(o.Path)));
        // A member sees their own record.
        builder.Entity<Member>().HasQueryFilter(m => ScopePaths.Any(p => m.Organization.Path.StartsWith(p)) || m.Id == ScopeMemberId);

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType)
                     .Where(t => typeof(IOrgOwned).IsAssignableFrom(t) && t != typeof(Member)))
            typeof(HonglingDb).GetMethod(nameof(ApplyOrgFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [builder]);
    }

    private void ApplyOrgFilter<T>(ModelBuilder builder) where T : class, IOrgOwned
    {
        Expression<Func<T, bool>> filter = e => ScopePaths.Any(p => e.Organization.Path.StartsWith(p));
        builder.Entity<T>().HasQueryFilter(filter);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceScopeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await EnforceScopeAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

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

public sealed class SqliteHonglingDb(DbContextOptions<SqliteHonglingDb> options, OrgScope scope) : HonglingDb(options, scope);

public sealed class PostgresHonglingDb(DbContextOptions<PostgresHonglingDb> options, OrgScope scope) : HonglingDb(options, scope)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // "C" collation lets PostgreSQL use the b-tree index for path-prefix (LIKE 'x%') queries.
        builder.Entity<Organization>().Property(o => o.Path).UseCollation("C");
    }
}
