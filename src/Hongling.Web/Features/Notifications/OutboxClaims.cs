using System.Data.Common;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>The outbox's lease, in the database: one conditional UPDATE claims due rows for one sender, and every
/// later write of a row is conditional on still holding its lease. Two instances racing for the same rows: the
/// UPDATE re-checks each row's state when it gets the row (PostgreSQL re-evaluates the condition on the version the
/// other claimer committed; SQLite runs one writer at a time), so each row goes to one claimer. A row whose lease has
/// expired (its instance died mid-send) is due again.</summary>
public static class OutboxClaims
{
    public sealed record Claimed(
        long Id,
        int MemberId,
        string Address,
        int Attempts,
        int NotificationId,
        string Title,
        string Text,
        string? Link,
        NotificationCategory Category,
        bool Mandatory,
        bool Urgent
    );

    private static IQueryable<OutboxItem> Due(HonglingDb db, NotificationChannel channel, DateTime now)
    {
        var quiet = channel == NotificationChannel.Sms && QuietHours.IsQuiet(now);
        return db.OutboxItems.Where(o =>
            o.Channel == channel
            && (
                (o.State == OutboxState.Queued && o.NextAttemptAt <= now)
                || (o.State == OutboxState.Sending && o.LeaseUntil < now)
            )
            && (!quiet || o.Notification!.Urgent)
        );
    }

    /// <summary>Claims up to <paramref name="limit"/> due rows of the channel for <paramref name="lease"/>; returns
    /// them with what sending needs. <paramref name="owner"/> names this claim alone (instance and a fresh id). A lost
    /// race (a PostgreSQL deadlock between claimers) claims nothing this time.</summary>
    public static async Task<IReadOnlyList<Claimed>> ClaimAsync(
        HonglingDb db,
        NotificationChannel channel,
        string owner,
        int limit,
        DateTime now,
        TimeSpan lease,
        CancellationToken ct
    )
    {
        var until = now + lease;
        var pick = Due(db, channel, now).OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id).Take(limit).Select(o => o.Id);
        try
        {
            var count = await Due(db, channel, now)
                .Where(o => pick.Contains(o.Id))
                .ExecuteUpdateAsync(
                    u =>
                        u.SetProperty(o => o.State, OutboxState.Sending)
                            .SetProperty(o => o.LeaseOwner, owner)
                            .SetProperty(o => o.LeaseUntil, until)
                            .SetProperty(o => o.Attempts, o => o.Attempts + 1),
                    ct
                );
            if (count == 0)
                return [];
        }
        catch (DbException e) when (e.SqlState is "40P01" or "40001")
        {
            return [];
        }
        return await db
            .OutboxItems.Where(o => o.LeaseOwner == owner && o.State == OutboxState.Sending)
            .Select(o => new Claimed(
                o.Id,
                o.MemberId,
                o.Address,
                o.Attempts,
                o.NotificationId,
                o.Notification!.Title,
                o.Notification.Text,
                o.Notification.Link,
                o.Notification.Category,
                o.Notification.Mandatory,
                o.Notification.Urgent
            ))
            .ToListAsync(ct);
    }

    /// <summary>Records the end of one claimed row, if this claim still holds it.</summary>
    public static Task<int> FinishAsync(
        HonglingDb db,
        long id,
        string owner,
        OutboxState state,
        DateTime now,
        string? providerId = null,
        string? reason = null,
        DateTime? retryAt = null,
        CancellationToken ct = default
    )
    {
        var cut = reason is { Length: > 300 } ? reason[..300] : reason;
        var sentAt = state == OutboxState.Sent ? now : (DateTime?)null;
        var next = retryAt ?? now;
        return db
            .OutboxItems.Where(o => o.Id == id && o.LeaseOwner == owner && o.State == OutboxState.Sending)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(o => o.State, state)
                        .SetProperty(o => o.LeaseOwner, (string?)null)
                        .SetProperty(o => o.LeaseUntil, (DateTime?)null)
                        .SetProperty(o => o.ProviderId, providerId)
                        .SetProperty(o => o.Reason, cut)
                        .SetProperty(o => o.SentAt, sentAt)
                        .SetProperty(o => o.NextAttemptAt, next),
                ct
            );
    }

    /// <summary>Delivers the inbox rows whose time has come (scheduled messages): the inbox is this database.</summary>
    public static Task<int> DeliverInboxAsync(HonglingDb db, DateTime now, CancellationToken ct) =>
        db
            .OutboxItems.Where(o =>
                o.Channel == NotificationChannel.Inbox && o.State == OutboxState.Queued && o.NextAttemptAt <= now
            )
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.State, OutboxState.Sent).SetProperty(o => o.SentAt, now), ct);
}
