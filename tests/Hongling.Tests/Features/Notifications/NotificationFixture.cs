using System.Collections.Concurrent;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hongling.Tests.Features.Notifications;

/// <summary>An in-process channel for the outbox's own logic (no real peer is needed to prove claiming, retries and
/// quiet hours): it answers per address from a script, Sent when the script is exhausted, and records every
/// call.</summary>
public sealed class ScriptedSender(NotificationChannel channel) : IMessageSender
{
    public NotificationChannel Channel => channel;
    public ConcurrentQueue<OutgoingMessage> Calls { get; } = new();
    public ConcurrentDictionary<string, Queue<DeliveryOutcome>> Script { get; } = new();

    public Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        Calls.Enqueue(message);
        var outcome = Script.TryGetValue(message.To, out var q) && q.Count > 0 ? q.Dequeue() : DeliveryOutcome.Sent;
        return Task.FromResult(
            outcome switch
            {
                DeliveryOutcome.Sent => new DeliveryResult(outcome, "P-" + message.IdempotencyKey),
                DeliveryOutcome.Transient => new DeliveryResult(outcome, Reason: "服务器暂时不可用"),
                _ => new DeliveryResult(outcome, Reason: "收件地址不存在"),
            }
        );
    }
}

public static class NotificationFixture
{
    public static OutboxSender Sender(TestApp app, params IMessageSender[] senders)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Notifications:MaxAttempts"] = "3",
                    ["Notifications:BackoffSeconds"] = "60",
                    ["Notifications:EmailPerSecond"] = "1000",
                    ["Notifications:SmsPerSecond"] = "1000",
                }
            )
            .Build();
        return new OutboxSender(
            app.Services.GetRequiredService<IServiceScopeFactory>(),
            senders,
            app.Clock,
            config,
            NullLogger<OutboxSender>.Instance
        );
    }

    /// <summary>Sends as the system would (a feature's call), to the given members.</summary>
    public static Task<Notification> SendAsync(
        TestApp app,
        Organization org,
        IReadOnlyList<int> memberIds,
        bool email = false,
        bool sms = false,
        bool urgent = false,
        bool mandatory = false,
        NotificationCategory category = NotificationCategory.General
    ) =>
        app.WithDbAsync(
            (db, sp) =>
                sp.GetRequiredService<NotificationQueue>()
                    .SendAsync(
                        new NotificationDraft(org.Id, category, "测试消息", "请按时参加支部活动。")
                        {
                            ByEmail = email,
                            BySms = sms,
                            Urgent = urgent,
                            Mandatory = mandatory,
                        },
                        db.Members.Where(m => memberIds.Contains(m.Id))
                    )
        );

    public static Task SetAddressesAsync(TestApp app, Member m, string mobile, string? email) =>
        app.WithDbAsync(async db =>
        {
            await db.Members.Where(x => x.Id == m.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Mobile, mobile));
            if (email is not null)
                await db
                    .Users.Where(u => u.MemberId == m.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, email));
            return 0;
        });

    public static Task<List<OutboxItem>> RowsAsync(TestApp app, int notificationId) =>
        app.WithDbAsync(db =>
            db.OutboxItems.Where(o => o.NotificationId == notificationId).OrderBy(o => o.Id).ToListAsync()
        );
}
