namespace Hongling.Web.Domain;

/// <summary>The one row that numbers the state of every account's administered subtrees: each save that appoints or
/// removes an administrator, changes a system administrator's role or moves an organization raises it in the same
/// transaction. Each instance caches an account's administered subtrees under the number it read with the
/// request's session row, so a cached scope is used only while no such change has committed
/// (Infrastructure/OrgScoping/OrgScopeCache.cs).</summary>
public sealed class ScopeVersion
{
    /// <summary>The key of the only row.</summary>
    public const int TheRow = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}
