using System.Collections.Concurrent;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>What the session row's read tells about the signed-in caller (Features/Account/SessionReader reads it
/// with the session, in the same statement): their account and member record as they are now, and the scope
/// version the administered subtrees cached under it must carry.</summary>
public sealed record SignedInCaller(
    string AccountId,
    int? MemberId,
    string? MemberOrgPath,
    string DisplayName,
    string? UserName,
    long? ScopeVersion
)
{
    private static readonly object Key = new();

    /// <summary>The caller as read with this request's session row (null when the request was not authenticated by
    /// one).</summary>
    public static SignedInCaller? Of(HttpContext context) => context.Items[Key] as SignedInCaller;

    public void KeepFor(HttpContext context) => context.Items[Key] = this;

    public string ActorName => $"{DisplayName}({UserName})";
}

/// <summary>Each account's administered subtrees on this instance, valid for one scope version (see
/// <see cref="Domain.ScopeVersion"/>). Every change to administrator posts, roles or organization paths raises the
/// version in its own transaction, and every request reads the version with its session row before it reads
/// anything else; so subtrees cached under the version a request read were loaded after every change that request
/// could know of, on any instance. A newer version drops the whole cache; a request that read an older one (it
/// raced a change) neither uses nor fills it. The member's own record and names are not cached: the session read
/// returns them fresh.</summary>
public sealed class OrgScopeCache
{
    /// <summary>Accounts kept per version, at most: past this a request loads its subtrees without caching
    /// them.</summary>
    public const int MaxAccounts = 100_000;

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<string, IReadOnlyList<string>> Paths { get; } = new(StringComparer.Ordinal);
    }

    private Generation _current = new(long.MinValue);

    public IReadOnlyList<string>? Find(string accountId, long version)
    {
        var current = Volatile.Read(ref _current);
        return current.Version == version && current.Paths.TryGetValue(accountId, out var paths) ? paths : null;
    }

    /// <summary>Keeps <paramref name="paths"/>, loaded after the request read <paramref name="version"/>.</summary>
    public void Keep(string accountId, long version, IReadOnlyList<string> paths)
    {
        var current = Volatile.Read(ref _current);
        while (current.Version < version)
        {
            var next = new Generation(version);
            var seen = Interlocked.CompareExchange(ref _current, next, current);
            current = ReferenceEquals(seen, current) ? next : seen;
        }
        if (current.Version == version && current.Paths.Count < MaxAccounts)
            current.Paths[accountId] = paths;
    }
}
