using System.Net;
using System.Net.Http.Json;
using Hongling.Web.Features.Study;
using static Hongling.Tests.Features.Study.StudyFixture;

namespace Hongling.Tests.Features.Study;

/// <summary>我的学习明细: a day's credited minutes by material and the pages that beat, and the time not credited
/// and why (page hidden, page idle, the material's cap), the member's own only.</summary>
public sealed class StudyDayTests(TestApp app) : IClassFixture<TestApp>
{
    private void Tick(int seconds = StudyRules.BeatSeconds) => app.Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Moves the clock to 10 s past the next 12:00 in China, so that the test's minutes stay on one
    /// day.</summary>
    private string ToChinaNoon()
    {
        var now = app.Clock.GetUtcNow();
        var noon = new DateTimeOffset(now.UtcDateTime.Date.AddHours(4), TimeSpan.Zero).AddSeconds(10);
        if (noon <= now)
            noon = noon.AddDays(1);
        app.Clock.Advance(noon - now);
        return noon.AddHours(8).ToString("yyyy-MM-dd");
    }

    private static async Task BeatAsync(HttpClient client, Guid session, long seq, string? paused = null) =>
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await client.PostAsJsonAsync(
                    "/api/study/heartbeat",
                    new
                    {
                        sessionId = session,
                        seq,
                        paused,
                    }
                )
            ).StatusCode
        );

    [Fact]
    public async Task Day_ShowsMinutesByMaterial_AndHiddenIdleAndCappedTime_OwnSessionsOnly()
    {
        // An estimate of one minute: the cap is three credited minutes.
        var (_, branch, _, card, material) = await ReaderAsync(app, "明细镇", estimatedMinutes: 1);
        // The clock moves first: a jump of up to a day after signing in would outlast the session.
        var day = ToChinaNoon();
        var client = await app.SignedInClientAsync(card);
        var session = await OpenAsync(client, material.Id);
        long seq = 0;
        for (var i = 0; i <= 20; i++)
        {
            await BeatAsync(client, session, ++seq);
            Tick();
        } // five minutes shown
        Tick(120 - StudyRules.BeatSeconds);
        await BeatAsync(client, session, ++seq, "hidden"); // two minutes in the background
        Tick(180);
        await BeatAsync(client, session, ++seq, "idle"); // three minutes without a touch

        var page = await client.GetDocumentAsync($"/Study/Day?date={day}");
        Assert.Equal("3", page.TextOf("#credited-minutes"));
        var credited = Assert.Single(page.QuerySelectorAll("#by-material li"));
        Assert.Contains("学习党章", credited.TextContent);
        Assert.Equal("3", credited.QuerySelector(".material-minutes")!.TextContent);
        Assert.Equal("2分", page.TextOf("#hidden"));
        Assert.Equal("3分", page.TextOf("#idle"));
        Assert.Equal("2 分钟", page.TextOf("#capped"));
        var link = Assert.Single(page.QuerySelectorAll("#pages a")).GetAttribute("href");
        Assert.Equal($"/Study/Session/{session}", link);
        var detail = await client.GetDocumentAsync(link!);
        Assert.Equal(seq.ToString(), detail.TextOf("#beats"));
        Assert.Equal(3, detail.QuerySelectorAll("#minutes .badge").Length);

        // Another member of the branch: none of it, and the page itself answers 404.
        var (_, other) = await app.SignInAsMemberAsync(branch, "旁人");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        var theirs = await other.GetDocumentAsync($"/Study/Day?date={day}");
        Assert.Equal("0", theirs.TextOf("#credited-minutes"));
        Assert.Empty(theirs.QuerySelectorAll("#pages li"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Study/Session/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Day_WithABadDate_SaysSo_AndShowsToday()
    {
        var (_, _, _, card, _) = await ReaderAsync(app, "日期镇");
        var page = await (await app.SignedInClientAsync(card)).GetDocumentAsync("/Study/Day?date=2026-13-45");
        Assert.Contains("日期格式不正确", page.TextOf("#date-error"));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(8).ToString("yyyy年M月d日"), page.TextOf("#day"));
    }
}
