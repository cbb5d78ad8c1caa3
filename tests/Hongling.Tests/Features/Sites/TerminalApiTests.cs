using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Sites.TerminalFixture;

namespace Hongling.Tests.Features.Sites;

/// <summary>The terminal API: device-key authentication, the batch's rules (all or nothing), idempotency by client id,
/// the hash chain's verification, overlap and late flags.</summary>
public sealed class TerminalApiTests : IClassFixture<TestApp>
{
    private readonly TestApp app;

    /// <summary>Mid-month (20 January 2027, noon in China), so that "a few days ago" is in an open month.</summary>
    public static readonly DateTimeOffset MidMonth = new(2027, 1, 20, 4, 0, 0, TimeSpan.Zero);

    public TerminalApiTests(TestApp app)
    {
        this.app = app;
        if (app.Clock.GetUtcNow() < MidMonth)
            app.Clock.SetUtcNow(MidMonth);
    }

    private DateTime Now => SessionHash.ToSecond(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<(Site Site, Terminal Terminal, HttpClient Client)> NewTerminalAsync()
    {
        var (_, branch) = await app.AddTownAsync("终端镇");
        var site = await app.AddSiteAsync(branch);
        var (terminal, key) = await app.AddTerminalAsync(site);
        return (site, terminal, app.TerminalClient(key));
    }

    private Task<List<ViewingSession>> SessionsAsync(int siteId) =>
        app.WithDbAsync(db =>
            db.ViewingSessions.AsNoTracking().Where(s => s.SiteId == siteId).OrderBy(s => s.ChainSeq).ToListAsync()
        );

    [Fact]
    public async Task Ping_WithKey_RecordsLastPingWithoutAuditEntry()
    {
        var (_, terminal, client) = await NewTerminalAsync();
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var response = await client.PostAsync("/api/terminal/ping", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("活动室电脑", body.GetProperty("terminal").GetString());
        Assert.Equal(0, body.GetProperty("chainSeq").GetInt64());
        var row = await app.WithDbAsync(db => db.Terminals.AsNoTracking().SingleAsync(t => t.Id == terminal.Id));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, row.LastPingAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(audits, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Requests_WithoutValidKey_Answer401Problem()
    {
        var (_, _, _) = await NewTerminalAsync();
        var none = app.NewClient();
        var wrong = app.TerminalClient("not-a-key");
        foreach (var client in new[] { none, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/terminal/ping", null)).StatusCode);
            var report = await client.ReportAsync(Chain(1, Now.AddHours(-3)));
            Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
            Assert.Equal("terminal_key_invalid", await CodeAsync(report));
        }
        // A signed-in administrator's cookie is not a terminal key.
        var (town, _) = await app.AddTownAsync("管理员镇");
        var admin = await app.SignInAsAdministratorOfAsync(town);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.PostAsync("/api/terminal/ping", null)).StatusCode);
    }

    [Fact]
    public async Task Report_ChainedBatch_IsStoredWithMonthAndNoFlags()
    {
        var (site, terminal, client) = await NewTerminalAsync();
        var records = Chain(3, Now.AddDays(-5));
        var response = await client.ReportAsync(records);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("received").GetInt32());
        Assert.All(body.GetProperty("records").EnumerateArray(), r =>
            Assert.Equal(JsonValueKind.Null, r.GetProperty("chainBreak").ValueKind)
        );

        var stored = await SessionsAsync(site.Id);
        Assert.Equal(records.Select(r => r.ClientId), stored.Select(s => s.ClientId));
        Assert.All(stored, s => Assert.Null(s.ChainBreak));
        Assert.All(stored, s => Assert.False(s.Overlapping || s.Late || s.Manual));
        var first = stored[0];
        Assert.Equal(SessionRules.MonthOf(records[0].StartedAt), first.Month);
        Assert.Equal(12, first.AttendeeCount);
        var head = await app.WithDbAsync(db => db.Terminals.AsNoTracking().SingleAsync(t => t.Id == terminal.Id));
        Assert.Equal((3L, records[2].Hash), (head.ChainSeq, head.ChainHead));
        Assert.NotNull(head.LastReportAt);
    }

    [Fact]
    public async Task Report_SameBatchTwice_ChangesNothingAndAnswersTheSame()
    {
        var (site, _, client) = await NewTerminalAsync();
        var records = Chain(4, Now.AddDays(-6));
        var first = await (await client.ReportAsync(records)).Content.ReadAsStringAsync();
        var again = await client.ReportAsync(records);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, await again.Content.ReadAsStringAsync());
        Assert.Equal(4, (await SessionsAsync(site.Id)).Count);
        // A batch that repeats two kept records and adds one keeps only the new one.
        var more = Chain(1, Now.AddDays(-2), records[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.ReportAsync([records[2], records[3], .. more])).StatusCode);
        var stored = await SessionsAsync(site.Id);
        Assert.Equal(5, stored.Count);
        Assert.All(stored, s => Assert.Null(s.ChainBreak));
    }

    [Fact]
    public async Task Report_SameClientIdWithOtherContent_409AndNothingSaved()
    {
        var (site, _, client) = await NewTerminalAsync();
        var records = Chain(2, Now.AddDays(-4));
        await client.ReportAsync(records);
        var edited = Rehash(records[1] with { EndedAt = records[1].EndedAt.AddHours(2) });
        var fresh = Chain(1, Now.AddDays(-1), records[1]);
        var response = await client.ReportAsync([.. fresh, edited]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("terminal_client_id_conflict", await CodeAsync(response));
        var stored = await SessionsAsync(site.Id);
        Assert.Equal(2, stored.Count);
        Assert.Equal(records[1].EndedAt, stored[1].EndedAt);
    }

    public static TheoryData<string, string> BadRecords =>
        new()
        {
            { "ends_before_start", "session_ends_before_start" },
            { "too_long", "session_too_long" },
            { "future", "session_in_future" },
            { "no_courseware", "session_courseware_required" },
            { "bad_hash", "terminal_hash_malformed" },
            { "seq_zero", "terminal_seq_invalid" },
            { "repeated_id", "terminal_client_id_repeated" },
        };

    [Theory, MemberData(nameof(BadRecords))]
    public async Task Report_OneBadRecord_RejectsTheWholeBatch(string kind, string code)
    {
        var (site, _, client) = await NewTerminalAsync();
        var records = Chain(3, Now.AddDays(-4));
        var r = records[2];
        records[2] = kind switch
        {
            "ends_before_start" => Rehash(r with { EndedAt = r.StartedAt.AddMinutes(-1) }),
            "too_long" => Rehash(r with { EndedAt = r.StartedAt.AddHours(12).AddMinutes(1) }),
            "future" => Rehash(r with { StartedAt = Now.AddMinutes(2), EndedAt = Now.AddMinutes(30) }),
            "no_courseware" => Rehash(r with { Courseware = " " }),
            "bad_hash" => r with { Hash = "XYZ" },
            "seq_zero" => r with { Seq = 0 },
            _ => r with { ClientId = records[0].ClientId },
        };
        var response = await client.ReportAsync(records);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("第3条记录", detail);
        Assert.Empty(await SessionsAsync(site.Id));
    }

    [Fact]
    public async Task Report_ClockSkewWithinFiveMinutes_IsAccepted()
    {
        var (_, _, client) = await NewTerminalAsync();
        var r = Make("skew", 1, "", Now.AddMinutes(-30), Now.AddMinutes(4), "课件");
        Assert.Equal(HttpStatusCode.OK, (await client.ReportAsync([r])).StatusCode);
    }

    [Fact]
    public async Task Report_OverLimitEmptyOrMalformed_400()
    {
        var (site, _, client) = await NewTerminalAsync();
        var big = Chain(SessionIngest.MaxBatch + 1, Now.AddDays(-40).AddSeconds(0))
            .Select(
                (r, i) =>
                    r with
                    {
                        StartedAt = Now.AddHours(-2000 + i),
                        EndedAt = Now.AddHours(-2000 + i).AddMinutes(30),
                    }
            )
            .ToList();
        Assert.Equal("terminal_batch_too_large", await CodeAsync(await client.ReportAsync(big)));
        Assert.Equal("terminal_batch_empty", await CodeAsync(await client.ReportAsync([])));
        var malformed = await client.PostAsync(
            "/api/terminal/sessions",
            new StringContent("{\"sessions\":[{\"clientId\":", Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("terminal_json_malformed", await CodeAsync(malformed));
        var wrongType = await client.PostAsync(
            "/api/terminal/sessions",
            new StringContent("{\"sessions\":[{\"seq\":\"one\"}]}", Encoding.UTF8, "application/json")
        );
        Assert.Equal("terminal_json_malformed", await CodeAsync(wrongType));
        Assert.Empty(await SessionsAsync(site.Id));
    }

    [Fact]
    public async Task Report_DeletedRecord_FlagsTheGapAndKeepsEverything()
    {
        var (site, _, client) = await NewTerminalAsync();
        var records = Chain(5, Now.AddDays(-7));
        records.RemoveAt(2); // seq 3 deleted on the terminal before upload
        Assert.Equal(HttpStatusCode.OK, (await client.ReportAsync(records)).StatusCode);
        var stored = await SessionsAsync(site.Id);
        Assert.Equal(4, stored.Count);
        var broken = Assert.Single(stored, s => s.ChainBreak is not null);
        Assert.Equal(4, broken.ChainSeq);
        Assert.Contains("缺少序号3", broken.ChainBreak);
    }

    [Fact]
    public async Task Report_EditedEarlierRecordRehashed_FlagsTheNextRecord()
    {
        var (site, _, client) = await NewTerminalAsync();
        var records = Chain(2, Now.AddDays(-7));
        await client.ReportAsync(records);
        // The terminal's copy of record 2 is edited after upload and rehashed; record 3 links to the edited copy.
        var edited = Rehash(records[1] with { EndedAt = records[1].EndedAt.AddHours(3) });
        var next = Chain(1, Now.AddDays(-3), edited);
        Assert.Equal(HttpStatusCode.OK, (await client.ReportAsync(next)).StatusCode);
        var third = (await SessionsAsync(site.Id)).Single(s => s.ChainSeq == 3);
        Assert.Contains("前序哈希与已收到的序号2的记录不符", third.ChainBreak);
    }

    [Fact]
    public async Task Report_RecordWhoseHashDoesNotMatchItsContent_IsKeptAndFlagged()
    {
        var (site, _, client) = await NewTerminalAsync();
        var records = Chain(2, Now.AddDays(-7));
        records[1] = records[1] with { AttendeeCount = 80 }; // edited, hash left as it was
        Assert.Equal(HttpStatusCode.OK, (await client.ReportAsync(records)).StatusCode);
        var stored = await SessionsAsync(site.Id);
        Assert.Null(stored[0].ChainBreak);
        Assert.Contains("内容与其哈希不符", stored[1].ChainBreak);
        Assert.Equal(80, stored[1].AttendeeCount);
    }

    [Fact]
    public async Task Report_OverlappingSessions_AreKeptAndBothFlagged()
    {
        var (site, _, client) = await NewTerminalAsync();
        var start = Now.AddDays(-3);
        var one = Make("o1", 1, "", start, start.AddMinutes(60), "课件甲");
        await client.ReportAsync([one]);
        var two = Make("o2", 2, one.Hash, start.AddMinutes(30), start.AddMinutes(90), "课件乙");
        var three = Make("o3", 3, two.Hash, start.AddMinutes(120), start.AddMinutes(150), "课件丙");
        await client.ReportAsync([two, three]);
        var stored = await SessionsAsync(site.Id);
        Assert.Equal([true, true, false], stored.Select(s => s.Overlapping));
    }

    [Fact]
    public async Task Report_AfterTheMonthClosed_IsKeptAndMarkedLate()
    {
        var (site, _, client) = await NewTerminalAsync();
        // A session of last month: late once the 5th of this month (China time) has begun.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var thisMonth = SessionRules.MonthOf(now);
        var (monthStart, _) = Hongling.Web.Infrastructure.ChinaTime.MonthBounds(thisMonth);
        var lastMonthStart = monthStart.AddDays(-10);
        var record = Make("late1", 1, "", lastMonthStart, lastMonthStart.AddHours(1), "课件");
        await client.ReportAsync([record]);
        var stored = Assert.Single(await SessionsAsync(site.Id));
        Assert.True(stored.Late);
        Assert.Equal(SessionRules.MonthOf(lastMonthStart), stored.Month);
        // This month's sessions are not late.
        var current = Make("late2", 2, record.Hash, now.AddDays(-1), now.AddDays(-1).AddHours(1), "课件");
        await client.ReportAsync([current]);
        Assert.False((await SessionsAsync(site.Id)).Single(s => s.ClientId == "late2").Late);
    }

    [Fact]
    public void MonthCloses_AtChinaMidnightStartingTheConfiguredDay()
    {
        // November 2026 closes at 2026-12-05 00:00 China time = 2026-12-04 16:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 4, 16, 0, 0, DateTimeKind.Utc), SessionRules.ClosesAt(202611, 5));
        Assert.False(SessionRules.IsLate(202611, new DateTime(2026, 12, 4, 15, 59, 59, DateTimeKind.Utc), 5));
        Assert.True(SessionRules.IsLate(202611, new DateTime(2026, 12, 4, 16, 0, 0, DateTimeKind.Utc), 5));
        // A session's month is its start's month in China time.
        Assert.Equal(202612, SessionRules.MonthOf(new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task OpenApi_DescribesTheTerminalOperationsAndTheirKey()
    {
        var doc = await app.NewClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var post = doc.GetProperty("paths").GetProperty("/api/terminal/sessions").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(post.TryGetProperty("requestBody", out _));
        Assert.Equal(TerminalApi.Scheme, post.GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.Equal(
            "bearer",
            doc.GetProperty("components")
                .GetProperty("securitySchemes")
                .GetProperty(TerminalApi.Scheme)
                .GetProperty("scheme")
                .GetString()
        );
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/terminal/ping", out _));
    }
}
