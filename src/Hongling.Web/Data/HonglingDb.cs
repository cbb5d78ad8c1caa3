using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>The one database. Provider-specific subclasses exist only to carry their own migrations.</summary>
public abstract partial class HonglingDb(DbContextOptions options, OrgScope scope) : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<OrgAdministrator> OrgAdministrators => Set<OrgAdministrator>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public OrgScope Scope => scope;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HonglingDb).Assembly);
        ApplyScopeFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAndEnforceScopeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await StampAndEnforceScopeAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

public sealed class SqliteHonglingDb(DbContextOptions<SqliteHonglingDb> options, OrgScope scope) : HonglingDb(options, scope);

public sealed class PostgresHonglingDb(DbContextOptions<PostgresHonglingDb> options, OrgScope scope) : HonglingDb(options, scope)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Paths compare byte by byte (the subtree ranges rely on it) and "C" lets LIKE 'x%' use the index too.
        builder.Entity<Organization>().Property(o => o.Path).UseCollation("C");
        foreach (var type in OrgOwnedTypes(builder)) builder.Entity(type).Property(nameof(IOrgOwned.OrgPath)).UseCollation("C");
    }
}
