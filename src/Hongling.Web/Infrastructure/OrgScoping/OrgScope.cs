namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>Who the caller is, in terms of the organization tree: the subtrees they administer
/// (as path prefixes) and, if they are a member, their own member id and branch path.
/// A new scope sees nothing: it fails closed until <see cref="OrgScopeMiddleware"/> loads it.</summary>
public sealed class OrgScope
{
    private static readonly string[] Everything = ["/"];

    public IReadOnlyList<string> AdminPaths { get; private set; } = [];
    public string? AccountId { get; private set; }
    /// <summary>The caller's display name, as the audit log records it.</summary>
    public string ActorName { get; private set; } = "系统";
    public int? MemberId { get; private set; }
    public string? MemberOrgPath { get; private set; }
    public bool IsSystem { get; private set; }

    public bool IsAdministrator => AdminPaths.Count > 0;

    public bool Covers(string orgPath) => AdminPaths.Any(p => orgPath.StartsWith(p, StringComparison.Ordinal));

    public void Load(IReadOnlyList<string> adminPaths, int? memberId, string? memberOrgPath, string? accountId = null, string? actorName = null)
    {
        AccountId = accountId;
        ActorName = actorName ?? ActorName;
        // Keep only the outermost subtrees: nested prefixes add nothing to the filter.
        AdminPaths = [.. adminPaths.Order(StringComparer.Ordinal).Aggregate(new List<string>(), (kept, p) =>
        {
            if (!kept.Any(k => p.StartsWith(k, StringComparison.Ordinal))) kept.Add(p);
            return kept;
        })];
        MemberId = memberId;
        MemberOrgPath = memberOrgPath;
    }

    public bool IsElevated { get; private set; }

    /// <summary>Lets the caller's next writes reach outside their subtrees, for one operation whose rule
    /// has already been checked (accepting a transfer moves a member out of the sender's subtree). Reads
    /// stay scoped and the writes are still audited under the caller's name. Dispose to end it.</summary>
    public IDisposable Elevate()
    {
        IsElevated = true;
        return new EndElevation(this);
    }

    private sealed class EndElevation(OrgScope scope) : IDisposable
    {
        public void Dispose() => scope.IsElevated = false;
    }

    /// <summary>For start-up seeding, command-line tools and background jobs that must see the whole
    /// tree. Call sites are the visible opt-outs of the scope.</summary>
    public void BecomeSystem()
    {
        AdminPaths = Everything;
        IsSystem = true;
    }
}

public sealed class OrgScopeViolationException(string message) : Exception(message);
