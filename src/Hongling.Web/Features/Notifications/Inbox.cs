using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>A member's inbox (我的消息): their delivered inbox rows, newest first, the unread count the navigation
/// shows, and read state. Reads and writes go through the scope: a member reaches only their own rows and sets only
/// the read time.</summary>
public sealed class Inbox(HonglingDb db, TimeProvider clock)
{
    public sealed record Entry(
        int NotificationId,
        string Title,
        string Category,
        string From,
        DateTime SentAt,
        DateTime? ReadAt
    );

    private IQueryable<OutboxItem> Mine(int memberId) =>
        db.OutboxItems.Where(o =>
            o.MemberId == memberId && o.Channel == NotificationChannel.Inbox && o.State == OutboxState.Sent
        );

    public Task<int> UnreadAsync(int memberId, CancellationToken ct = default) =>
        Mine(memberId).CountAsync(o => o.ReadAt == null, ct);

    public async Task<IReadOnlyList<Entry>> ListAsync(int memberId, int skip, int take, CancellationToken ct = default)
    {
        var rows = await Mine(memberId)
            .OrderByDescending(o => o.SentAt)
            .ThenByDescending(o => o.Id)
            .Skip(skip)
            .Take(take)
            .Select(o => new
            {
                o.NotificationId,
                o.Notification!.Title,
                o.Notification.Category,
                From = o.Notification.Organization.Name,
                o.SentAt,
                o.ReadAt,
            })
            .ToListAsync(ct);
        return
        [
            .. rows.Select(r => new Entry(
                r.NotificationId,
                r.Title,
                NotificationLabels.Of(r.Category),
                r.From,
                r.SentAt!.Value,
                r.ReadAt
            )),
        ];
    }

    public Task<int> CountAsync(int memberId, CancellationToken ct = default) => Mine(memberId).CountAsync(ct);

    /// <summary>The member's copy of one notification, marked read on opening; null when it was not sent to
    /// them.</summary>
    public async Task<Notification?> OpenAsync(int memberId, int notificationId, CancellationToken ct = default)
    {
        var row = await Mine(memberId).FirstOrDefaultAsync(o => o.NotificationId == notificationId, ct);
        if (row is null)
            return null;
        if (row.ReadAt is null)
        {
            row.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return await db.Notifications.Include(n => n.Organization).FirstOrDefaultAsync(n => n.Id == notificationId, ct);
    }

    /// <summary>Marks every unread row read, through the change tracker so the scope's member-write rule checks
    /// it.</summary>
    public async Task<int> MarkAllReadAsync(int memberId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await Mine(memberId).Where(o => o.ReadAt == null).Take(5000).ToListAsync(ct);
        foreach (var row in unread)
            row.ReadAt = now;
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
