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

    /// <summary>Whether the caller administers the organization at <paramref name="orgPath"/> (it lies in one of
    /// their subtrees): which side of a shared row they are on, whether a found record is theirs to show.</summary>
    public bool Administers(string orgPath) => AdminPaths.Any(p => orgPath.StartsWith(p, StringComparison.Ordinal));

    public void Load(
        IReadOnlyList<string> adminPaths,
        int? memberId,
        string? memberOrgPath,
        string? accountId = null,
        string? actorName = null
    )
    {
        AccountId = accountId;
        ActorName = actorName ?? ActorName;
        // Keep only the outermost subtrees: nested prefixes add nothing to the filter.
        AdminPaths =
        [
            .. adminPaths
                .Order(StringComparer.Ordinal)
                .Aggregate(new List<string>(), (kept, p) =>
                {
                    if (!kept.Any(k => p.StartsWith(k, StringComparison.Ordinal)))
                        kept.Add(p);
                    return kept;
                }),
        ];
        MemberId = memberId;
        MemberOrgPath = memberOrgPath;
    }

    public bool IsElevated { get; private set; }

    /// <summary>Lets the caller's next writes reach outside their subtrees, for one operation whose rule
    /// has already been checked (accepting a transfer moves a member out of the sender's subtree). Reads
    /// stay scoped and the writes are still audited under the caller's name. Dispose to end it.</summary>
    private IDisposable Elevate()
    {
        IsElevated = true;
        return new EndElevation(this);
    }

    private sealed class EndElevation(OrgScope scope) : IDisposable
    {
        public void Dispose() => scope.IsElevated = false;
    }

    /// <summary>Named escape: a hosted writer or job that serves every caller (the exam start and autosave writers,
    /// the study beat writer, the auto-submit job, the exam pools' loader). It sees and writes the whole tree; the
    /// writer itself checks each item against the account its request was authenticated with.</summary>
    public void ServeEveryCaller() => BecomeSystem();

    /// <summary>Named escape: a transfer moves a member between subtrees. The sending side writes the member's new
    /// place and ends the posts they held; the receiving side writes a member it did not administer before. The
    /// transfer's rules were checked by the transfer desk.</summary>
    public IDisposable ForTransfer() => Elevate();

    /// <summary>Named escape: a candidate registers themselves (报名) with an organization nobody made them part
    /// of.</summary>
    public IDisposable ForCandidateRegistration() => Elevate();

    /// <summary>Named escape: members and visitors leave messages for an organization they do not administer, and
    /// the writer of a message rates its reply.</summary>
    public IDisposable ForMessage() => Elevate();

    /// <summary>Named escape: a member who moved since being recruited becomes a full member with their present
    /// branch, which completes the development record the recruiting branch keeps.</summary>
    public IDisposable ForRecruitingBranchRecord() => Elevate();

    /// <summary>For start-up seeding and command-line tools that must see the whole tree.</summary>
    public void BecomeSystem()
    {
        AdminPaths = Everything;
        IsSystem = true;
    }
}

public sealed class OrgScopeViolationException(string message) : Exception(message);
