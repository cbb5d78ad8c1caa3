using Hongling.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Account;

/// <summary>Session limits (Sessions:*). Members keep the 8-hour sliding session they always had; an
/// administrator's session ends after 30 minutes without a request and 12 hours after signing in.</summary>
public sealed class SessionOptions
{
    public int MemberIdleHours { get; set; } = 8;
    public int AdminIdleMinutes { get; set; } = 30;
    public int AdminAbsoluteHours { get; set; } = 12;

    /// <summary>How often ended sessions are deleted (0: never; they are refused all the same).</summary>
    public int CleanupMinutes { get; set; } = 60;

    public DateTime ExpiresAt(bool administrator, DateTime createdAt, DateTime lastSeenAt) =>
        administrator
            ? Min(lastSeenAt.AddMinutes(AdminIdleMinutes), createdAt.AddHours(AdminAbsoluteHours))
            : lastSeenAt.AddHours(MemberIdleHours);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

public static class Sessions
{
    /// <summary>Ends every session of the account except <paramref name="keep"/> (the caller's own, after a
    /// password change), at once on every instance: their next request is refused.</summary>
    public static Task<int> EndSessionsAsync(
        this HonglingDb db,
        string accountId,
        string? keep = null,
        CancellationToken ct = default
    ) => db.SessionsOfAllAccounts.Where(s => s.AccountId == accountId && s.Id != keep).ExecuteDeleteAsync(ct);
}
