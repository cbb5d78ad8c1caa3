using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Features.Study;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Study.StudyFixture;

namespace Hongling.Tests.Features.Study;

/// <summary>Credited study never exceeds the time a member's pages were open and beating, whatever the beat
/// timings: bursts across minute boundaries, many tabs, several devices.</summary>
public sealed class StudyCreditBoundTests(TestApp app) : IClassFixture<TestApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private void Advance(double seconds) => app.Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Moves the clock to the next wall-clock minute's start plus <paramref name="seconds"/> (may be
    /// negative).</summary>
    private void ToMinuteBoundary(double seconds)
    {
        var now = app.Clock.GetUtcNow();
        var boundary = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);
        var target = boundary.AddSeconds(seconds);
        if (target <= now)
            target = target.AddMinutes(1);
        app.Clock.Advance(target - now);
    }

    private static async Task<(bool Credited, bool Completed)> BeatOkAsync(HttpClient client, Guid session, long seq)
    {
        var response = await BeatAsync(client, session, seq);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("credited").GetBoolean(), body.GetProperty("completed").GetBoolean());
    }

    private Task<int> StudyMinutesAsync(int memberId) =>
        app.WithDbAsync(db => db.StudyDays.Where(d => d.MemberId == memberId).SumAsync(d => d.StudyMinutes));

    [Fact]
    public async Task BurstsAcrossMinuteBoundaries_CreditNothing_AndCompleteNothing()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "突发镇", estimatedMinutes: 1);
        var client = await app.SignedInClientAsync(card);
        var tabs = new[] { await OpenAsync(client, material.Id), await OpenAsync(client, material.Id) };
        var seq = 0;
        for (var boundary = 0; boundary < 4; boundary++)
        {
            // Two beats milliseconds apart just before the minute ends, two more just after it begins.
            ToMinuteBoundary(-0.3);
            foreach (var step in new[] { 0.0, 0.05, 0.3, 0.05 })
            {
                Advance(step);
                foreach (var tab in tabs)
                {
                    var (credited, completed) = await BeatOkAsync(client, tab, ++seq);
                    Assert.False(credited);
                    Assert.False(completed);
                }
            }
        }
        Assert.Equal(0, await StudyMinutesAsync(member.Id));
        Assert.Null(
            await app.WithDbAsync(db =>
                db.MaterialProgress.Where(p => p.MemberId == member.Id).Select(p => p.CompletedAt).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task OnePage_BeatingForTenMinutes_EarnsTen_AndNoMinuteBeforeAMinuteHasPassed()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "十分镇", estimatedMinutes: 30);
        var client = await app.SignedInClientAsync(card);
        var tab = await OpenAsync(client, material.Id);
        ToMinuteBoundary(50); // the first beat late in a minute: the next minute is not credited from 10 s of it
        var start = Now;
        var credits = new List<double>();
        for (var seq = 1; seq <= 41; seq++)
        {
            if ((await BeatOkAsync(client, tab, seq)).Credited)
                credits.Add((Now - start).TotalSeconds);
            Advance(StudyRules.BeatSeconds);
        }
        Assert.Equal(10, credits.Count);
        Assert.Equal(60, credits[0]);
        Assert.Equal(10, await StudyMinutesAsync(member.Id));
    }

    /// <summary>Random schedules over two devices and four pages on two materials: from the first beat, the
    /// credited minutes never exceed the whole minutes elapsed; between any two moments they never exceed the
    /// minutes begun in between (a minute counted before the first moment may complete inside it).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AnyBeatSchedule_CreditsNoMoreMinutesThanHavePassed(int seed)
    {
        var (town, _, member, card, first) = await ReaderAsync(app, "随机镇" + seed, estimatedMinutes: 60);
        var second = await AddMaterialAsync(app, town, estimatedMinutes: 60, title: "学习条例");
        var devices = new[] { await app.SignedInClientAsync(card), await app.SignedInClientAsync(card) };
        var pages = new List<(HttpClient Device, Guid Session, long Seq)>();
        foreach (var device in devices)
        foreach (var material in new[] { first, second })
            pages.Add((device, await OpenAsync(device, material.Id), 0));

        var random = new Random(seed);
        var times = new List<DateTime>();
        var totals = new List<int>();
        var total = 0;
        var p = 0;
        for (var i = 0; i < 160; i++)
        {
            var roll = random.NextDouble();
            if (roll < 0.4)
                Advance(random.NextDouble() * 2); // a burst
            else if (roll < 0.6)
                ToMinuteBoundary(random.NextDouble() * 0.6 - 0.3); // right at a minute's edge
            else
                Advance(5 + random.NextDouble() * 65); // a page's pace, or slower
            if (random.NextDouble() < 0.3)
                p = random.Next(pages.Count); // mostly the same page again
            var page = pages[p];
            pages[p] = page with { Seq = page.Seq + 1 };
            if ((await BeatOkAsync(page.Device, page.Session, page.Seq + 1)).Credited)
                total++;
            times.Add(Now);
            totals.Add(total);
        }

        Assert.Equal(total, await StudyMinutesAsync(member.Id));
        Assert.True(total > 0, "a schedule this long reads for some minutes");
        for (var j = 0; j < times.Count; j++)
        {
            Assert.True(
                totals[j] <= (int)((times[j] - times[0]).TotalSeconds / 60),
                $"{totals[j]} minutes by {times[j] - times[0]}"
            );
            for (var i = 0; i < j; i++)
                Assert.True(
                    totals[j] - totals[i] <= (int)Math.Ceiling((times[j] - times[i]).TotalSeconds / 60),
                    $"{totals[j] - totals[i]} minutes between {times[i]:HH:mm:ss.fff} and {times[j]:HH:mm:ss.fff}"
                );
        }
    }
}
