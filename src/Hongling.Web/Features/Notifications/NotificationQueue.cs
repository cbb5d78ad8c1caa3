using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>The one way into the outbox: every feature and the compose page send through
/// <see cref="SendAsync"/>. The notification and all its rows (member × channel) are written in one transaction, the
/// rows in bulk by the provider's fast path (<see cref="HonglingDb.InsertUnderPathAsync{T}"/>); inbox rows due now
/// are delivered on the spot, the rest wait for <see cref="OutboxSender"/>.</summary>
public sealed class NotificationQueue(HonglingDb db, TimeProvider clock)
{
    public sealed record BadAddress(int MemberId, string Name, string Channel, string Value, string Reason);

    /// <summary>What a send would reach, per channel, before anything is written.</summary>
    public sealed record Preview(
        int Members,
        int Email,
        int EmailMissing,
        int Sms,
        int SmsMissing,
        int SmsSegments,
        int MalformedCount,
        IReadOnlyList<BadAddress> Malformed
    );

    public const int MalformedShown = 200;

    /// <summary>Checks the draft's own rules (title, text, SMS length, schedule); throws a <see
    /// cref="RuleException"/>.</summary>
    public void Validate(NotificationDraft d)
    {
        if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Trim().Length > NotificationDraft.MaxTitle)
            throw new RuleException(RuleErrors.NotificationTitleRequired, "Input.Title");
        if (string.IsNullOrWhiteSpace(d.Text) || d.Text.Trim().Length > NotificationDraft.MaxText)
            throw new RuleException(RuleErrors.NotificationTextRequired, "Input.Text");
        if (d.BySms && SmsText.Segments(d.Text.Trim()) is var n and > NotificationDraft.MaxSmsSegments)
            throw new RuleException(
                RuleErrors.NotificationSmsTooLong(n, NotificationDraft.MaxSmsSegments),
                "Input.Text"
            );
        if (d.At is { } at && at < clock.GetUtcNow().UtcDateTime)
            throw new RuleException(RuleErrors.NotificationScheduleInPast, "Input.At");
    }

    public async Task<Preview> PreviewAsync(NotificationDraft d, IQueryable<Member> members, CancellationToken ct)
    {
        var rows = await Recipients.Of(db, members).ToListAsync(ct);
        int email = 0,
            emailMissing = 0,
            sms = 0,
            smsMissing = 0;
        var bad = new List<(Recipients.Addressed Row, NotificationChannel Channel, string Reason)>();
        foreach (var r in rows)
        foreach (var channel in Channels(d).Skip(1))
        {
            var (_, skip) = Recipients.For(channel, r);
            if (skip is null)
            {
                if (channel == NotificationChannel.Email)
                    email++;
                else
                    sms++;
            }
            else if (Recipients.IsMissing(skip))
            {
                if (channel == NotificationChannel.Email)
                    emailMissing++;
                else
                    smsMissing++;
            }
            else
                bad.Add((r, channel, skip));
        }
        var shown = bad.Take(MalformedShown).ToList();
        var ids = shown.Select(b => b.Row.MemberId).Distinct().ToList();
        var names = await members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return new Preview(
            rows.Count,
            email,
            emailMissing,
            sms,
            smsMissing,
            d.BySms ? SmsText.Segments(d.Text.Trim()) : 0,
            bad.Count,
            [
                .. shown.Select(b => new BadAddress(
                    b.Row.MemberId,
                    names.GetValueOrDefault(b.Row.MemberId, ""),
                    NotificationLabels.Of(b.Channel),
                    Masked(b.Channel, b.Channel == NotificationChannel.Email ? b.Row.Email : b.Row.Mobile),
                    b.Reason
                )),
            ]
        );
    }

    /// <summary>Queues the draft for every member of <paramref name="members"/> (a query inside the caller's scope) on
    /// the inbox and the chosen channels. An empty audience is refused.</summary>
    public async Task<Notification> SendAsync(
        NotificationDraft d,
        IQueryable<Member> members,
        CancellationToken ct = default
    )
    {
        Validate(d);
        var rows = await Recipients.Of(db, members).ToListAsync(ct);
        if (rows.Count == 0)
            throw new RuleException(RuleErrors.NotificationAudienceEmpty, "Input.Orgs");
        var now = clock.GetUtcNow().UtcDateTime;
        var at = d.At ?? now;
        var n = new Notification
        {
            OrganizationId = d.OrganizationId,
            Title = d.Title.Trim(),
            Text = d.Text.Trim(),
            Category = d.Category,
            Mandatory = d.Mandatory,
            Urgent = d.Urgent,
            ByEmail = d.ByEmail,
            BySms = d.BySms,
            ScheduledAt = at,
            AudienceDescription = Cut(d.AudienceDescription, 500),
            RecipientCount = rows.Count,
            Link = d.Link,
            CreatedAt = now,
            CreatedBy = db.Scope.ActorName,
            OnceKey = d.OnceKey,
        };
        // Inside a feature's own transaction (a bulletin's publication) the rows commit with it.
        await using var tx = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct)
            : null;
        db.Notifications.Add(n);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var items = new List<OutboxItem>(rows.Count * Channels(d).Count);
        foreach (var channel in Channels(d))
        foreach (var r in rows)
            items.Add(Item(n, channel, r, now));
        // The rows carry the notification's path, checked by the scope as the notification was saved above.
        await db.InsertUnderPathAsync(n.OrgPath, items, ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return n;
    }

    /// <summary>For features: sends like <see cref="SendAsync"/>, but an audience without members sends nothing
    /// (returns null) instead of being refused. Call it last in the feature's change: it saves pending changes and
    /// clears the change tracker.</summary>
    public async Task<Notification?> NotifyAsync(
        NotificationDraft d,
        IQueryable<Member> members,
        CancellationToken ct = default
    ) => await members.AnyAsync(ct) ? await SendAsync(d, members, ct) : null;

    /// <summary>For jobs: sends like <see cref="NotifyAsync"/>, but only once per
    /// <see cref="NotificationDraft.OnceKey"/> ever. A key already used, by this instance or another one at the same
    /// moment (the key is unique), sends nothing and returns null. Not inside a transaction of the caller's: a lost
    /// race ends the transaction.</summary>
    public async Task<Notification?> SendOnceAsync(
        NotificationDraft d,
        IQueryable<Member> members,
        CancellationToken ct = default
    )
    {
        var key = d.OnceKey ?? throw new ArgumentException("A once-only message needs its key.", nameof(d));
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("SendOnceAsync runs in a transaction of its own.");
        if (await db.Notifications.AnyAsync(n => n.OnceKey == key, ct))
            return null;
        try
        {
            return await NotifyAsync(d, members, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Notifications.AnyAsync(n => n.OnceKey == key, ct))
                return null;
            throw;
        }
    }

    private static OutboxItem Item(Notification n, NotificationChannel channel, Recipients.Addressed r, DateTime now)
    {
        var item = new OutboxItem
        {
            NotificationId = n.Id,
            MemberId = r.MemberId,
            OrgPath = n.OrgPath,
            Channel = channel,
            State = OutboxState.Queued,
            NextAttemptAt = n.ScheduledAt,
        };
        if (channel == NotificationChannel.Inbox)
        {
            // The inbox is this database: a message due now is delivered as it is queued.
            if (n.ScheduledAt <= now)
                (item.State, item.SentAt) = (OutboxState.Sent, now);
            return item;
        }
        var (address, skip) = Recipients.For(channel, r);
        if (skip is not null)
            (item.State, item.Reason) = (OutboxState.Skipped, skip);
        item.Address = address;
        if (channel == NotificationChannel.Sms)
            item.NextAttemptAt = QuietHours.NextAllowed(n.ScheduledAt, n.Urgent);
        return item;
    }

    private static List<NotificationChannel> Channels(NotificationDraft d)
    {
        List<NotificationChannel> list = [NotificationChannel.Inbox];
        if (d.ByEmail)
            list.Add(NotificationChannel.Email);
        if (d.BySms)
            list.Add(NotificationChannel.Sms);
        return list;
    }

    public static string Masked(NotificationChannel channel, string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : channel == NotificationChannel.Email ? Email.Mask(value)
        : Mobile.Mask(value);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
