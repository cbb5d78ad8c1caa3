namespace Hongling.Web.Features.Health;

/// <summary>Whether this instance has applied the migrations at start. Until then /health/ready answers 503,
/// so a load balancer sends nothing to an instance still migrating (or one whose migration failed).</summary>
public sealed class Readiness
{
    private volatile bool _migrated;
    public bool Migrated => _migrated;

    public void MarkMigrated() => _migrated = true;
}
