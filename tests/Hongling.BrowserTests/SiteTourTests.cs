using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Hongling.Tests.Features.Sites;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>Remote-education sites end to end: a street's administrator registers a site and a terminal in the browser,
/// the real terminal agent (hongling-terminal, as a process) records sessions while the platform is unreachable and
/// syncs them once pointed at it, 站点使用统计 shows the site's minutes for the month, 在线监测 shows the terminal online,
/// and a record edited in the agent's queue shows on the site's pages as the record where the chain breaks.</summary>
public sealed class SiteTourTests(BrowserApp app) : IDisposable
{
    private readonly string _agentData = Directory.CreateTempSubdirectory("hongling-agent-").FullName;

    [Fact]
    public Task StreetAdmin_RegistersSiteAndTerminal_AgentSyncsAfterOffline_UsageShowsMinutes_EditShowsChainBreak() =>
        app.RunAsync(
            nameof(StreetAdmin_RegistersSiteAndTerminal_AgentSyncsAfterOffline_UsageShowsMinutes_EditShowsChainBreak),
            "1000000002",
            async page =>
            {
                // 站点台账: register the site for the street's first community branch, staffed by two of its members (by
                // card).
                await page.GotoAsync("/Sites");
                await page.GetByRole(AriaRole.Link, new() { Name = "登记站点" }).ClickAsync();
                await page.GetByLabel("站点名称").FillAsync("浏览器演示远教站点");
                await page.GetByLabel("站点编码").FillAsync("BR-E2E-1");
                await page.GetByLabel("服务的党组织")
                    .SelectOptionAsync(new SelectOptionValue { Label = "东城街道第一社区党支部" });
                await page.GetByLabel("站点类型").SelectOptionAsync(new SelectOptionValue { Label = "城市社区" });
                await page.GetByLabel("宽带").SelectOptionAsync(new SelectOptionValue { Label = "光纤" });
                await page.GetByLabel("站点管理员(红色身份证卡号或姓名)").FillAsync("1000000003");
                await page.GetByLabel("操作员(红色身份证卡号或姓名)").FillAsync("1000000004");
                await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("已登记站点 浏览器演示远教站点");
                var siteId = int.Parse(
                    Regex.Match(new Uri(page.Url).AbsolutePath, @"^/Sites/(\d+)$").Groups[1].Value,
                    CultureInfo.InvariantCulture
                );

                // 终端管理: register a terminal; its key is shown once.
                await page.GotoAsync($"/Sites/{siteId}/Terminals");
                await page.GetByLabel("终端名称").FillAsync("活动室电脑");
                await page.GetByRole(AriaRole.Button, new() { Name = "登记并生成密钥" }).ClickAsync();
                var key = (await page.Locator("#issued-key #key").TextContentAsync())!.Trim();
                Assert.Matches("^[A-Za-z0-9_-]{43}$", key);
                await page.GotoAsync($"/Sites/{siteId}/Terminals");
                await Expect(page.Locator("#issued-key")).ToHaveCountAsync(0);
                await Expect(page.Locator("#terminals li")).ToContainTextAsync("密钥尾号 …" + key[^6..]);

                // The agent on the site's PC, the platform out of reach: four sessions of 70 minutes are queued, sync
                // keeps them.
                var closed = ClosedPortUrl();
                Assert.Equal(0, (await AgentAsync("configure", "--server", closed, "--key", key)).Code);
                var (anchor, month) = Anchor(DateTime.UtcNow);
                for (var i = 0; i < 4; i++)
                {
                    var start = anchor.AddMinutes(80 * i);
                    var recorded = await AgentAsync(
                        "record",
                        "--start",
                        Iso(start),
                        "--end",
                        Iso(start.AddMinutes(70)),
                        "--courseware",
                        $"党的二十大精神解读(第{i + 1}讲)",
                        "--attendees",
                        "12"
                    );
                    Assert.Equal(0, recorded.Code);
                }
                var offline = await AgentAsync("sync", "--attempts", "2");
                Assert.Equal(1, offline.Code);
                Assert.Contains("queued: 4", (await AgentAsync("status")).Output);

                // The platform is reachable now: the same queue goes up, the sync pings first.
                Assert.Equal(
                    0,
                    (await AgentAsync("configure", "--server", app.BaseUrl.TrimEnd('/'), "--key", key)).Code
                );
                var sync = await AgentAsync("sync");
                Assert.True(sync.Code == 0, sync.Output);
                Assert.Contains("已上报 4 条", sync.Output);
                Assert.Contains("queued: 0", (await AgentAsync("status")).Output);

                // 站点使用统计 for that month: the street's table, then the branch's, where the site shows 280 minutes, met.
                await page.GotoAsync("/Sites/Usage");
                await page.GetByLabel("月份").SelectOptionAsync(month.ToString(CultureInfo.InvariantCulture));
                await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
                await page.Locator("#units")
                    .GetByRole(AriaRole.Link, new() { Name = "东城街道第一社区党支部" })
                    .ClickAsync();
                var row = page.Locator("#sites tbody tr", new() { HasText = "浏览器演示远教站点" });
                await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("280");
                await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("达标");
                await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("4");
                await Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("48");

                // 在线监测: the terminal pinged during the sync, so it shows online.
                await page.GotoAsync("/Sites/Monitoring");
                var terminal = page.Locator("#terminals tbody tr", new() { HasText = "浏览器演示远教站点" });
                await Expect(terminal.Locator("td").First).ToHaveTextAsync("在线");
                await Expect(terminal.Locator("td").Nth(1)).ToHaveTextAsync("活动室电脑");

                // A fifth session is queued, then edited in the agent's own file before it goes up (its hash no longer
                // fits).
                var fifth = anchor.AddMinutes(320);
                Assert.Equal(
                    0,
                    (
                        await AgentAsync(
                            "record",
                            "--start",
                            Iso(fifth),
                            "--end",
                            Iso(fifth.AddMinutes(20)),
                            "--courseware",
                            "红色故事汇"
                        )
                    ).Code
                );
                await using (
                    var file = new SqliteConnection($"Data Source={Path.Combine(_agentData, "queue.db")};Pooling=false")
                )
                {
                    await file.OpenAsync();
                    var edit = file.CreateCommand();
                    edit.CommandText = "UPDATE records SET courseware = '红色故事汇(已改)' WHERE seq = 5";
                    Assert.Equal(1, await edit.ExecuteNonQueryAsync());
                }
                Assert.Equal(0, (await AgentAsync("sync")).Code);

                // 收看记录: the record is kept, and the site's page names it as where the chain breaks, and why.
                await page.GotoAsync($"/Sites/{siteId}/Sessions?month={month}");
                await Expect(page.Locator("#chain-breaks")).ToContainTextAsync("其中 1 条链断裂");
                var broken = page.Locator("#sessions li", new() { HasText = "链断裂原因" });
                await Expect(broken).ToHaveCountAsync(1);
                await Expect(broken).ToContainTextAsync("红色故事汇(已改)");
                await Expect(broken).ToContainTextAsync("第 5 条");
                await Expect(broken.Locator(".chain-break")).ToContainTextAsync("本条记录的内容与其哈希不符");
                await page.GotoAsync($"/Sites/UsageSite/{siteId}?month={month}");
                await Expect(page.Locator("#sessions tbody tr", new() { HasText = "红色故事汇(已改)" }))
                    .ToContainTextAsync("链断裂:本条记录的内容与其哈希不符");
                await Expect(page.Locator("#sessions tbody tr", new() { HasText = "链断裂" })).ToHaveCountAsync(1);
            }
        );

    /// <summary>Six hours before now, or before the China-time month began when it began less than six hours ago (that
    /// month is still open until day 5), so the sessions lie in one month and end before now; and that month
    /// (yyyyMM).</summary>
    private static (DateTime Anchor, int Month) Anchor(DateTime now)
    {
        var china = now.AddHours(8);
        var monthStart = new DateTime(china.Year, china.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var anchor = now - monthStart < TimeSpan.FromHours(6) ? monthStart.AddHours(-6) : now.AddHours(-6);
        anchor = new DateTime(anchor.Ticks - anchor.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var c = anchor.AddHours(8);
        return (anchor, c.Year * 100 + c.Month);
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string ClosedPortUrl()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}";
    }

    /// <summary>Runs hongling-terminal (the agent's program, built beside these tests) on this test's own
    /// queue.</summary>
    private Task<(int Code, string Output)> AgentAsync(params string[] args) => AgentProcess.RunAsync(_agentData, args);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_agentData, recursive: true);
        }
        catch (IOException) { }
    }
}
