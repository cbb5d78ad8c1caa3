using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Domain;
using Hongling.Web.Features.Study;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Study.StudyFixture;

namespace Hongling.Tests.Features.Study;

/// <summary>The crediting rule (StudyRules), driven through the heartbeat API in fake time.</summary>
public sealed class StudyCreditTests(TestApp app) : IClassFixture<TestApp>
{
    private void Tick(int seconds = StudyRules.BeatSeconds) => app.Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Moves the clock to the start of the next wall-clock minute plus some seconds.</summary>
    private void ToNextMinute(int plusSeconds)
    {
        var now = app.Clock.GetUtcNow();
        var next = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero)
            .AddMinutes(1)
            .AddSeconds(plusSeconds);
        app.Clock.Advance(next - now);
    }

    private Task<(int Study, int Online, int Credited, int MinutesMarked)> TotalsAsync(int memberId, int materialId) =>
        app.WithDbAsync(async db =>
            (
                await db.StudyDays.Where(d => d.MemberId == memberId).SumAsync(d => d.StudyMinutes),
                await db.StudyDays.Where(d => d.MemberId == memberId).SumAsync(d => d.OnlineMinutes),
                await db
                    .MaterialProgress.Where(p => p.MemberId == memberId && p.MaterialId == materialId)
                    .Select(p => p.CreditedMinutes)
                    .SingleAsync(),
                await db.ActiveMinutes.CountAsync(a => a.MemberId == memberId && a.MaterialId == materialId)
            )
        );

    [Fact]
    public async Task ThreeTabs_BeatingForFiveMinutes_CreditAtMostFive()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "三页镇", estimatedMinutes: 30);
        var client = await app.SignedInClientAsync(card);
        ToNextMinute(10);
        var tabs = new[]
        {
            await OpenAsync(client, material.Id),
            await OpenAsync(client, material.Id),
            await OpenAsync(client, material.Id),
        };
        for (var seq = 1; seq <= 21; seq++) // beats at 0 s, 15 s, …, 300 s
        {
            foreach (var tab in tabs)
                Assert.Equal(HttpStatusCode.OK, (await BeatAsync(client, tab, seq)).StatusCode);
            Tick();
        }
        var (study, online, credited, marked) = await TotalsAsync(member.Id, material.Id);
        Assert.Equal(5, study);
        Assert.Equal(5, credited);
        Assert.Equal(5, marked);
        Assert.Equal(6, online); // the sixth minute saw one beat: online, not study
    }

    [Fact]
    public async Task ReplayedBeat_IsRefused_AndCreditsOnce()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "重放镇");
        var client = await app.SignedInClientAsync(card);
        ToNextMinute(5);
        var session = await OpenAsync(client, material.Id);
        for (var seq = 1; seq <= 4; seq++)
        {
            Assert.Equal(HttpStatusCode.OK, (await BeatAsync(client, session, seq)).StatusCode);
            Tick();
        }
        var first = await BeatAsync(client, session, 5); // a minute after the first beat
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("credited").GetBoolean());
        ToNextMinute(5);
        foreach (var seq in new[] { 5, 1, 5 })
        {
            var replay = await BeatAsync(client, session, seq);
            Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
            Assert.Contains("已经收到过", await replay.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, (await TotalsAsync(member.Id, material.Id)).Credited);
    }

    [Fact]
    public async Task BeatsAfterClose_CreditNothing_AndSomeoneElsesSession_IsNotFound()
    {
        var (_, branch, member, card, material) = await ReaderAsync(app, "关闭镇");
        var client = await app.SignedInClientAsync(card);
        var other = await app.AddMemberAsync(branch, "旁人");
        var intruder = await app.SignInAsMemberAsync(other);

        ToNextMinute(5);
        var session = await OpenAsync(client, material.Id);
        await BeatAsync(client, session, 1);
        Tick();
        // Another member's beat on this session: not found, nothing changes.
        Assert.Equal(HttpStatusCode.NotFound, (await BeatAsync(intruder, session, 2)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await intruder.PostAsync($"/api/study/sessions/{session}/close", null)).StatusCode
        );
        Assert.Equal(0, (await TotalsAsync(member.Id, material.Id)).Credited);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.PostAsync($"/api/study/sessions/{session}/close", null)).StatusCode
        );
        var late = await BeatAsync(client, session, 2);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已经结束", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, (await TotalsAsync(member.Id, material.Id)).Credited);
    }

    [Fact]
    public async Task Credit_StopsAtThreeTimesTheEstimate_AndCompletionComesWhenTheEstimateIsReached()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "上限镇", estimatedMinutes: 2);
        var client = await app.SignedInClientAsync(card);
        ToNextMinute(0);
        var session = await OpenAsync(client, material.Id);
        var seq = 0;
        DateTime? completedWhen = null;
        for (var minute = 0; minute < 9; minute++)
        {
            for (var beat = 0; beat < 4; beat++)
            {
                var body = await (await BeatAsync(client, session, ++seq)).Content.ReadFromJsonAsync<JsonElement>();
                if (completedWhen is null && body.GetProperty("completed").GetBoolean())
                {
                    completedWhen = app.Clock.GetUtcNow().UtcDateTime;
                    Assert.Equal(2, body.GetProperty("creditedMinutes").GetInt32());
                }
                Tick();
            }
        }
        var (study, _, credited, _) = await TotalsAsync(member.Id, material.Id);
        Assert.Equal(6, credited); // 3 × 2 minutes, though nine minutes were beaten
        Assert.Equal(6, study);
        var progress = await app.WithDbAsync(db => db.MaterialProgress.SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(completedWhen, progress.CompletedAt);
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.StudyDays.Where(d => d.MemberId == member.Id).SumAsync(d => d.MaterialsCompleted)
            )
        );
    }

    [Fact]
    public async Task MediaEnd_CompletesOnlyAfterHalfTheEstimate()
    {
        var (_, _, member, card, material) = await ReaderAsync(
            app,
            "视频镇",
            estimatedMinutes: 4,
            kind: MaterialKind.Video
        );
        var client = await app.SignedInClientAsync(card);
        ToNextMinute(0);
        var session = await OpenAsync(client, material.Id);
        await BeatAsync(client, session, 1);
        Tick();
        // Seeking to the end at once completes nothing.
        var early = await (await BeatAsync(client, session, 2, ended: true)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(early.GetProperty("completed").GetBoolean());
        for (var seq = 3; seq <= 8; seq++)
        {
            Tick();
            await BeatAsync(client, session, seq);
        }
        Tick();
        var late = await (await BeatAsync(client, session, 9, ended: true)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, late.GetProperty("creditedMinutes").GetInt32());
        Assert.True(late.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task StudyDays_FollowChinaStandardTime()
    {
        // 15:59 UTC is 23:59 in China; a minute later it is the next day there. Reading from 15:58 credits
        // 15:59 (a minute after the first beat) and 16:00.
        var now = app.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(15).AddMinutes(58), TimeSpan.Zero);
        app.Clock.Advance(target - now);
        var (_, _, member, card, material) = await ReaderAsync(app, "时区镇");
        var client = await app.SignedInClientAsync(card);
        var session = await OpenAsync(client, material.Id);
        for (var seq = 1; seq <= 9; seq++)
        {
            await BeatAsync(client, session, seq);
            Tick();
        }
        var days = await app.WithDbAsync(db =>
            db.StudyDays.Where(d => d.MemberId == member.Id).OrderBy(d => d.Day).ToListAsync()
        );
        Assert.Equal(2, days.Count);
        Assert.Equal(DateOnly.FromDateTime(target.UtcDateTime.AddHours(8)), days[0].Day);
        Assert.Equal(days[0].Day.AddDays(1), days[1].Day);
        Assert.Equal(1, days[0].StudyMinutes);
        Assert.Equal(1, days[1].StudyMinutes);
    }

    [Fact]
    public async Task BadBeats_GetChineseProblems_AndCreditNothing()
    {
        var (_, _, member, card, material) = await ReaderAsync(app, "坏心跳镇");
        var client = await app.SignedInClientAsync(card);
        var session = await OpenAsync(client, material.Id);
        foreach (
            var (body, expected) in new (string, string)[]
            {
                ("{\"sessionId\":\"" + session + "\",\"seq\":-5}", "序号无效"),
                ("{\"sessionId\":\"" + session + "\",\"seq\":99999999999}", "序号无效"),
                ("{\"seq\":3}", "缺少学习编号"),
            }
        )
        {
            var response = await client.PostAsync(
                "/api/study/heartbeat",
                new StringContent(body, System.Text.Encoding.UTF8, "application/json")
            );
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }
        var malformed = await client.PostAsync(
            "/api/study/heartbeat",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await BeatAsync(client, session, 1)).StatusCode);
        var jump = await BeatAsync(client, session, 5000);
        Assert.Equal(HttpStatusCode.BadRequest, jump.StatusCode);
        Assert.Contains("跳跃", await jump.Content.ReadAsStringAsync());
        // Unknown session id.
        Assert.Equal(HttpStatusCode.NotFound, (await BeatAsync(client, Guid.NewGuid(), 1)).StatusCode);
        Assert.Equal(0, (await TotalsAsync(member.Id, material.Id)).Credited);
    }

    [Fact]
    public async Task Beats_AreCheckedAgainstTheAccountsMemberNow_AndPresenceCountsOnlineTime()
    {
        // Heartbeats do not load the caller's scope: the writer resolves the account's member in each batch.
        var (town, _, member, card, material) = await ReaderAsync(app, "账号镇");
        var client = await app.SignedInClientAsync(card);
        ToNextMinute(5);
        var session = await OpenAsync(client, material.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/study/presence", null)).StatusCode);
        Assert.Equal(1, (await TotalsAsync(member.Id, material.Id)).Online);
        Assert.Equal(HttpStatusCode.OK, (await BeatAsync(client, session, 1)).StatusCode);

        // An administrator without a member record: refused, nothing counted.
        var admin = await app.SignInAsAdministratorOfAsync(town);
        var refused = await BeatAsync(admin, session, 2);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有党员", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/study/presence", null)).StatusCode);

        // The account loses its member record: its next beat (same cookie) is refused at once.
        await app.WithDbAsync(db =>
            db.Users.Where(a => a.UserName == card).ExecuteUpdateAsync(u => u.SetProperty(a => a.MemberId, (int?)null))
        );
        Tick();
        Assert.Equal(HttpStatusCode.Forbidden, (await BeatAsync(client, session, 2)).StatusCode);
        Assert.Equal(
            1,
            await app.WithDbAsync(db => db.StudySessions.Where(s => s.Id == session).Select(s => s.Beats).SingleAsync())
        );
        Assert.Equal(0, (await TotalsAsync(member.Id, material.Id)).Credited);
        Assert.Equal(1, (await TotalsAsync(member.Id, material.Id)).Online);
    }

    [Fact]
    public async Task MaterialOutsideTheAudience_CannotBeOpened()
    {
        var (_, _, _, card, _) = await ReaderAsync(app, "受众甲镇");
        var (otherTown, _) = await app.AddTownAsync("受众乙镇");
        var foreign = await AddMaterialAsync(app, otherTown, title: "乙镇资料");
        var client = await app.SignedInClientAsync(card);
        var response = await client.PostAsJsonAsync("/api/study/sessions", new { materialId = foreign.Id });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AFlood_FromOneAccount_IsThrottled_AndOthersStillBeat()
    {
        var (_, branch, _, card, material) = await ReaderAsync(app, "洪水镇");
        var client = await app.SignedInClientAsync(card);
        var session = await OpenAsync(client, material.Id);
        var statuses = new List<HttpStatusCode>();
        for (var seq = 1; seq <= 650; seq++)
            statuses.Add((await BeatAsync(client, session, seq)).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var limited = await BeatAsync(client, session, 651);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("请求过于频繁", await limited.Content.ReadAsStringAsync());

        var calm = await app.AddMemberAsync(branch, "平静");
        var calmClient = await app.SignInAsMemberAsync(calm);
        Assert.Equal(
            HttpStatusCode.OK,
            (await BeatAsync(calmClient, await OpenAsync(calmClient, material.Id), 1)).StatusCode
        );
    }
}
