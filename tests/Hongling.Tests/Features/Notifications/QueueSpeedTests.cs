using System.Diagnostics;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Notifications;

/// <summary>The one-off measurement of queuing 100,000 recipients (HONGLING_NOTIFY_BENCH=1 runs it; bench/notify.sh
/// is the benchmark proper). Prints the seconds; asserts only that every row is there.</summary>
public sealed class QueueSpeedTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Queue_100000Recipients_InOneSetBasedInsert()
    {
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable("HONGLING_NOTIFY_BENCH") == "1",
            "HONGLING_NOTIFY_BENCH=1 runs it"
        );
        const int count = 100_000;
        var (town, branch) = await app.AddTownAsync("十万镇");
        await app.WithDbAsync(
            async (db, sp) =>
            {
                var pii = sp.GetRequiredService<PiiProtector>();
                var members = Enumerable
                    .Range(0, count)
                    .Select(i =>
                    {
                        var m = new Member
                        {
                            Name = "党员" + i,
                            Gender = Gender.Male,
                            BirthDate = new DateOnly(1970, 1, 1),
                            Mobile = $"139{i:D8}",
                            Education = Education.Bachelor,
                            JoinedOn = new DateOnly(2010, 7, 1),
                            Status = MemberStatus.Full,
                            OrganizationId = branch.Id,
                        };
                        pii.SetIdNumber(m, TestApp.NextIdNumber());
                        return m;
                    })
                    .ToList();
                return await db.InsertManyAsync(members);
            }
        );
        // Where the time goes: reading the audience with its addresses, then all of it (rules, rows, insert).
        var read = Stopwatch.StartNew();
        var addressed = await app.WithDbAsync(db =>
            Recipients.Of(db, db.AdministeredMembers.Where(m => m.OrganizationId == branch.Id)).ToListAsync()
        );
        read.Stop();
        Assert.Equal(count, addressed.Count);
        var watch = Stopwatch.StartNew();
        var n = await app.WithDbAsync(
            (db, sp) =>
                sp.GetRequiredService<NotificationQueue>()
                    .SendAsync(
                        new NotificationDraft(town.Id, NotificationCategory.General, "十万人", "测试"),
                        db.AdministeredMembers.Where(m => m.OrganizationId == branch.Id)
                    )
        );
        watch.Stop();
        var figures =
            $"queue_seconds: {watch.Elapsed.TotalSeconds:0.00} (audience read alone "
            + $"{read.Elapsed.TotalSeconds:0.00} s; {(TestApp.OnPostgres ? "postgres" : "sqlite")})";
        TestContext.Current.SendDiagnosticMessage(figures);
        if (Environment.GetEnvironmentVariable("HONGLING_NOTIFY_BENCH_OUT") is { Length: > 0 } file)
            File.AppendAllText(file, figures + "\n");
        Assert.Equal(count, await app.WithDbAsync(db => db.OutboxItems.CountAsync(o => o.NotificationId == n.Id)));
    }
}
