using System.Net;
using Hongling.Web.Features.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hongling.Tests.Features.Study.StudyFixture;

namespace Hongling.Tests.Features.Study;

/// <summary>Two application instances on one database (PostgreSQL in the second run of the suite), each
/// with its own group-commit writer, receive beats for the same member at the same moments.</summary>
public sealed class StudyTwoInstancesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task BeatsForOneMember_OnTwoInstances_CreditEachMinuteOnce()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "双实例镇", estimatedMinutes: 60);
        await using var second = app.SecondInstance();
        var onFirst = await app.SignedInClientAsync(card);
        var onSecond = await second.SignedInClientAsync(card);
        var tabs = new[] { await OpenAsync(onFirst, material.Id), await OpenAsync(onSecond, material.Id) };

        var start = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMinute - start.Ticks % TimeSpan.TicksPerMinute));
        // four minutes, four beats a minute, each tab's beat sent to both instances at once
        for (var seq = 1; seq <= 16; seq++)
        {
            var sends = tabs.SelectMany(tab => new[] { BeatAsync(onFirst, tab, seq), BeatAsync(onSecond, tab, seq) })
                .ToArray();
            var statuses = (await Task.WhenAll(sends)).Select(r => r.StatusCode).ToList();
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 2, string.Join(",", statuses) + " at " + seq);
            // Each (tab, seq) pair is accepted once; its twin is a replay.
            Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.Conflict));
            app.Clock.Advance(TimeSpan.FromSeconds(StudyRules.BeatSeconds));
        }

        var (study, credited, marked, online) = await app.WithDbAsync(async db =>
            (
                await db.StudyDays.Where(d => d.MemberId == member.Id).SumAsync(d => d.StudyMinutes),
                await db.MaterialProgress.Where(p => p.MemberId == member.Id).SumAsync(p => p.CreditedMinutes),
                await db.ActiveMinutes.CountAsync(a => a.MemberId == member.Id && a.MaterialId != null),
                await db.StudyDays.Where(d => d.MemberId == member.Id).SumAsync(d => d.OnlineMinutes)
            )
        );
        // Beats from 0 s to 225 s show 225 s of study: three whole minutes, each credited once.
        Assert.Equal(3, marked);
        Assert.Equal(3, study);
        Assert.Equal(3, credited);
        Assert.Equal(4, online);
        Assert.Equal(
            32,
            await app.WithDbAsync(db => db.StudySessions.Where(s => s.MemberId == member.Id).SumAsync(s => s.Beats))
        );
    }

    [Fact]
    public async Task GracefulStop_CommitsEveryAcceptedBeat()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "停机镇");
        var client = await app.SignedInClientAsync(card);
        var session = await OpenAsync(client, material.Id);
        await using var second = app.SecondInstance();
        var writer = second.Services.GetRequiredService<StudyBeatWriter>();
        var account = await app.WithDbAsync(db =>
            db.Users.Where(a => a.MemberId == member.Id).Select(a => a.Id).SingleAsync()
        );
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var pending = Enumerable
            .Range(1, 300)
            .Select(seq => writer.SubmitAsync(new Beat(account, session, seq, at)))
            .ToList();
        await writer.StopAsync(TestContext.Current.CancellationToken);
        var outcomes = await Task.WhenAll(pending);
        Assert.All(outcomes, o => Assert.True(o.Status is BeatStatus.Accepted or BeatStatus.Credited));
        Assert.Equal(
            300,
            await app.WithDbAsync(db => db.StudySessions.Where(s => s.Id == session).Select(s => s.Beats).SingleAsync())
        );
        // Stopped, the writer accepts nothing more (the host is going down).
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            writer.SubmitAsync(new Beat(account, session, 301, at))
        );
    }
}
