using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Notifications;

public sealed class OutboxTests(TestApp app) : IClassFixture<TestApp>
{
    private readonly Dictionary<int, string> _cards = [];

    /// <summary>Each test starts with an empty outbox: the class shares one app, and a pass claims the oldest due rows,
    /// so rows another test left queued (or leased) would otherwise take this test's places in a batch.</summary>
    private async Task<(Organization Branch, List<Member> Members)> MembersAsync(string name, int count)
    {
        await app.WithDbAsync(db => db.OutboxItems.ExecuteDeleteAsync());
        var (_, branch) = await app.AddTownAsync(name);
        var members = new List<Member>();
        for (var i = 0; i < count; i++)
        {
            var m = await app.AddMemberAsync(branch, $"党员{i}");
            _cards[m.Id] = TestApp.NewCard();
            await app.AddAccountAsync(_cards[m.Id], m);
            await NotificationFixture.SetAddressesAsync(app, m, $"139{i:D8}", $"m{i}@example.com");
            members.Add(m);
        }
        return (branch, members);
    }

    /// <summary>Moves the fake clock forward to the next time of day <paramref name="hour"/>:00 in China.</summary>
    private void AdvanceToChinaHour(int hour)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var china = now.ToChina();
        var target = china.Date.AddHours(hour);
        if (target <= china)
            target = target.AddDays(1);
        app.Clock.Advance(target - china);
    }

    [Fact]
    public async Task TwoClaimersInParallel_NeverClaimTheSameRow_AndTogetherTakeAll()
    {
        var (branch, members) = await MembersAsync("抢占镇", 3);
        var ids = members.Select(m => m.Id).ToList();
        for (var i = 0; i < 40; i++)
            await NotificationFixture.SendAsync(app, branch, ids, email: true);
        var claimedBy = new[] { new List<long>(), new List<long>() };
        async Task ClaimAllAsync(int who)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
            db.Scope.ServeEveryCaller();
            var empty = 0;
            while (empty < 3)
            {
                var got = await OutboxClaims.ClaimAsync(
                    db,
                    NotificationChannel.Email,
                    $"claimer{who}/{Guid.NewGuid():N}",
                    7,
                    app.Clock.GetUtcNow().UtcDateTime,
                    TimeSpan.FromMinutes(5),
                    default
                );
                if (got.Count == 0)
                {
                    empty++;
                    await Task.Delay(5);
                    continue;
                }
                claimedBy[who].AddRange(got.Select(g => g.Id));
            }
        }
        await Task.WhenAll(Task.Run(() => ClaimAllAsync(0)), Task.Run(() => ClaimAllAsync(1)));
        Assert.Empty(claimedBy[0].Intersect(claimedBy[1]));
        Assert.Equal(120, claimedBy[0].Count + claimedBy[1].Count);
        Assert.Equal(120, claimedBy[0].Concat(claimedBy[1]).Distinct().Count());
    }

    [Fact]
    public async Task Transient_RetriesWithBackoff_ThenSent_Permanent_FailsWithReason_ExpiredLeaseIsReclaimed()
    {
        var (branch, members) = await MembersAsync("重试镇", 3);
        var sender = new ScriptedSender(NotificationChannel.Email);
        sender.Script["m0@example.com"] = new([DeliveryOutcome.Transient, DeliveryOutcome.Transient]);
        sender.Script["m1@example.com"] = new([DeliveryOutcome.Permanent]);
        sender.Script["m2@example.com"] = new([
            DeliveryOutcome.Transient,
            DeliveryOutcome.Transient,
            DeliveryOutcome.Transient,
        ]);
        var n = await NotificationFixture.SendAsync(app, branch, [.. members.Select(m => m.Id)], email: true);
        var outbox = NotificationFixture.Sender(app, sender);

        await outbox.RunOnceAsync();
        var rows = (await NotificationFixture.RowsAsync(app, n.Id))
            .Where(r => r.Channel == NotificationChannel.Email)
            .ToDictionary(r => r.Address);
        Assert.Equal(OutboxState.Queued, rows["m0@example.com"].State);
        Assert.Equal("服务器暂时不可用", rows["m0@example.com"].Reason);
        Assert.Equal(OutboxState.Failed, rows["m1@example.com"].State);
        Assert.Equal("收件地址不存在", rows["m1@example.com"].Reason);

        // Not due before the backoff (60 s, then 120 s).
        await outbox.RunOnceAsync();
        Assert.Equal(3, sender.Calls.Count);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await outbox.RunOnceAsync();
        Assert.Equal(5, sender.Calls.Count);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await outbox.RunOnceAsync();
        Assert.Equal(5, sender.Calls.Count);
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await outbox.RunOnceAsync();
        rows = (await NotificationFixture.RowsAsync(app, n.Id))
            .Where(r => r.Channel == NotificationChannel.Email)
            .ToDictionary(r => r.Address);
        Assert.Equal(OutboxState.Sent, rows["m0@example.com"].State);
        Assert.Equal(3, rows["m0@example.com"].Attempts);
        Assert.StartsWith("P-hongling-outbox-", rows["m0@example.com"].ProviderId);
        Assert.Equal(OutboxState.Failed, rows["m2@example.com"].State);
        Assert.Contains("重试3次", rows["m2@example.com"].Reason);
        Assert.Equal(1, sender.Calls.Count(c => c.To == "m1@example.com"));

        // A row left mid-send by a dead instance is taken over once its lease expires, not before.
        var again = await NotificationFixture.SendAsync(app, branch, [members[0].Id], email: true);
        await app.WithDbAsync(async db =>
            await OutboxClaims.ClaimAsync(
                db,
                NotificationChannel.Email,
                "dead/1",
                10,
                app.Clock.GetUtcNow().UtcDateTime,
                TimeSpan.FromMinutes(2),
                default
            )
        );
        await outbox.RunOnceAsync();
        Assert.Equal(
            OutboxState.Sending,
            (await NotificationFixture.RowsAsync(app, again.Id))
                .Single(r => r.Channel == NotificationChannel.Email)
                .State
        );
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await outbox.RunOnceAsync();
        Assert.Equal(
            OutboxState.Sent,
            (await NotificationFixture.RowsAsync(app, again.Id))
                .Single(r => r.Channel == NotificationChannel.Email)
                .State
        );
    }

    [Fact]
    public async Task Sms_WaitsOutQuietHours_UnlessUrgent()
    {
        var (branch, members) = await MembersAsync("夜间镇", 1);
        var sms = new ScriptedSender(NotificationChannel.Sms);
        var outbox = NotificationFixture.Sender(app, sms);
        AdvanceToChinaHour(23);
        var quiet = await NotificationFixture.SendAsync(app, branch, [members[0].Id], sms: true);
        var urgent = await NotificationFixture.SendAsync(app, branch, [members[0].Id], sms: true, urgent: true);
        var row = (await NotificationFixture.RowsAsync(app, quiet.Id)).Single(r =>
            r.Channel == NotificationChannel.Sms
        );
        Assert.Equal(8, row.NextAttemptAt.ToChina().Hour);
        await outbox.RunOnceAsync();
        Assert.Equal(
            OutboxState.Sent,
            (await NotificationFixture.RowsAsync(app, urgent.Id))
                .Single(r => r.Channel == NotificationChannel.Sms)
                .State
        );
        Assert.Equal(
            OutboxState.Queued,
            (await NotificationFixture.RowsAsync(app, quiet.Id)).Single(r => r.Channel == NotificationChannel.Sms).State
        );
        AdvanceToChinaHour(7);
        await outbox.RunOnceAsync();
        Assert.Equal(
            OutboxState.Queued,
            (await NotificationFixture.RowsAsync(app, quiet.Id)).Single(r => r.Channel == NotificationChannel.Sms).State
        );
        AdvanceToChinaHour(8);
        await outbox.RunOnceAsync();
        Assert.Equal(
            OutboxState.Sent,
            (await NotificationFixture.RowsAsync(app, quiet.Id)).Single(r => r.Channel == NotificationChannel.Sms).State
        );
    }

    [Fact]
    public async Task Unsubscribed_Category_IsSkipped_ButMandatoryStillGoes()
    {
        var (branch, members) = await MembersAsync("退订镇", 1);
        AdvanceToChinaHour(10);
        var member = await app.SignedInClientAsync(_cards[members[0].Id]);
        var r = await TestApp.PostFormAsync(
            member,
            "/Notifications/Settings",
            new Dictionary<string, string> { ["Off"] = "General:Sms" }
        );
        Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode);
        var sms = new ScriptedSender(NotificationChannel.Sms);
        var outbox = NotificationFixture.Sender(app, sms);
        var optional = await NotificationFixture.SendAsync(app, branch, [members[0].Id], sms: true);
        var mandatory = await NotificationFixture.SendAsync(
            app,
            branch,
            [members[0].Id],
            sms: true,
            mandatory: true,
            category: NotificationCategory.Transfer
        );
        await outbox.RunOnceAsync();
        var skipped = (await NotificationFixture.RowsAsync(app, optional.Id)).Single(x =>
            x.Channel == NotificationChannel.Sms
        );
        Assert.Equal(OutboxState.Skipped, skipped.State);
        Assert.Equal("本人已退订此类消息", skipped.Reason);
        Assert.Equal(
            OutboxState.Sent,
            (await NotificationFixture.RowsAsync(app, mandatory.Id))
                .Single(x => x.Channel == NotificationChannel.Sms)
                .State
        );
        Assert.Single(sms.Calls);
        // The member's own settings page shows the choice; the inbox still got both.
        var settings = await member.GetDocumentAsync("/Notifications/Settings");
        Assert.True(settings.One("input[value='General:Sms']").HasAttribute("checked"));
    }
}
