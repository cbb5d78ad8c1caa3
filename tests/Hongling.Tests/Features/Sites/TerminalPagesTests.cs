using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Sites.TerminalFixture;

namespace Hongling.Tests.Features.Sites;

/// <summary>The Terminals and Sessions pages: a key shown once and stored only as its hash, rotation and revocation
/// taking effect at once, the audit log, manual entry with its rules, and the flags on the sessions list.</summary>
public sealed class TerminalPagesTests : IClassFixture<TestApp>
{
    private readonly TestApp app;

    public TerminalPagesTests(TestApp app)
    {
        this.app = app;
        if (app.Clock.GetUtcNow() < TerminalApiTests.MidMonth)
            app.Clock.SetUtcNow(TerminalApiTests.MidMonth);
    }

    private async Task<(Organization Town, Site Site, HttpClient Admin)> NewSiteAsync()
    {
        var (town, branch) = await app.AddTownAsync("页面镇");
        var site = await app.AddSiteAsync(branch);
        return (town, site, await app.SignInAsAdministratorOfAsync(town));
    }

    private static async Task<string> IssuedKeyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        return (await Html.ParseAsync(response)).TextOf("#key");
    }

    [Fact]
    public async Task Register_ShowsTheKeyOnce_StoresOnlyItsHash_AndTheKeyWorks()
    {
        var (_, site, admin) = await NewSiteAsync();
        var url = $"/Sites/{site.Id}/Terminals";
        var key = await IssuedKeyAsync(
            await TestApp.PostFormAsync(
                admin,
                url,
                new Dictionary<string, string> { ["Input.Name"] = "活动室电脑" },
                url + "?handler=Register"
            )
        );
        Assert.Equal(43, key.Length);

        var terminal = await app.WithDbAsync(db => db.Terminals.AsNoTracking().SingleAsync(t => t.SiteId == site.Id));
        Assert.Equal(TerminalKeys.HashOf(key), terminal.KeyHash);
        Assert.Equal(key[^TerminalKeys.HintLength..], terminal.KeyHint);
        Assert.DoesNotContain(key, await admin.GetStringAsync(url));
        Assert.Equal(
            HttpStatusCode.OK,
            (await app.TerminalClient(key).PostAsync("/api/terminal/ping", null)).StatusCode
        );
        // The registration is in the audit log, and the key itself is nowhere in it.
        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Terminal) && a.EntityId == terminal.Id.ToString())
                .ToListAsync()
        );
        Assert.Equal(AuditAction.Created, Assert.Single(audit).Action);
        Assert.DoesNotContain(key, audit[0].Changes);
    }

    [Fact]
    public async Task Rotate_StopsTheOldKeyAtOnce_Revoke_StopsTheTerminal()
    {
        var (_, site, admin) = await NewSiteAsync();
        var (terminal, oldKey) = await app.AddTerminalAsync(site);
        var url = $"/Sites/{site.Id}/Terminals";
        var newKey = await IssuedKeyAsync(
            await TestApp.PostFormAsync(
                admin,
                url,
                new Dictionary<string, string>(),
                $"{url}?handler=Rotate&terminalId={terminal.Id}"
            )
        );
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await app.TerminalClient(oldKey).PostAsync("/api/terminal/ping", null)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await app.TerminalClient(newKey).PostAsync("/api/terminal/ping", null)).StatusCode
        );

        var revoked = await TestApp.PostFormAsync(
            admin,
            url,
            new Dictionary<string, string>(),
            $"{url}?handler=Revoke&terminalId={terminal.Id}"
        );
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await app.TerminalClient(newKey).PostAsync("/api/terminal/ping", null)).StatusCode
        );
        var audits = await app.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a =>
                    a.EntityType == nameof(Terminal)
                    && a.EntityId == terminal.Id.ToString()
                    && a.Action == AuditAction.Updated
                )
                .CountAsync()
        );
        Assert.Equal(2, audits);
    }

    [Fact]
    public async Task Register_WithoutName_ShowsChineseErrorAndSavesNothing()
    {
        var (_, site, admin) = await NewSiteAsync();
        var url = $"/Sites/{site.Id}/Terminals";
        var response = await TestApp.PostFormAsync(
            admin,
            url,
            new Dictionary<string, string> { ["Input.Name"] = "  " },
            url + "?handler=Register"
        );
        Assert.Contains("请填写终端名称", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Terminals.AnyAsync(t => t.SiteId == site.Id)));
    }

    private static Dictionary<string, string> Manual(
        DateOnly date,
        string start,
        string end,
        string courseware = "学习十九大精神",
        string attendees = "15"
    ) =>
        new()
        {
            ["Input.Date"] = date.ToString("yyyy-MM-dd"),
            ["Input.Start"] = start,
            ["Input.End"] = end,
            ["Input.Courseware"] = courseware,
            ["Input.AttendeeCount"] = attendees,
        };

    [Fact]
    public async Task ManualEntry_IsSavedAsManualWithWhoEnteredIt_AndShownSo()
    {
        var (_, site, admin) = await NewSiteAsync();
        var url = $"/Sites/{site.Id}/Sessions";
        var day = new DateOnly(2027, 1, 18);
        var response = await TestApp.PostFormAsync(admin, url, Manual(day, "19:00", "20:30"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("已录入", page.TextOf("#status"));
        var session = await app.WithDbAsync(db =>
            db.ViewingSessions.AsNoTracking().SingleAsync(s => s.SiteId == site.Id)
        );
        Assert.True(session.Manual);
        Assert.Null(session.TerminalId);
        Assert.Null(session.Hash);
        Assert.Equal("管理员", session.EnteredBy![..3]);
        Assert.Equal(new DateTime(2027, 1, 18, 11, 0, 0, DateTimeKind.Utc), session.StartedAt);
        Assert.Equal(202701, session.Month);
        Assert.False(session.Late);
        var list = await admin.GetDocumentAsync(url + "?month=202701");
        Assert.Contains("手工录入", list.One($"#sessions [data-session='{session.Id}']").Text());
    }

    [Theory]
    [InlineData("20:00", "19:00", "结束时间必须晚于开始时间")]
    [InlineData("19:00", "19:00", "结束时间必须晚于开始时间")]
    public async Task ManualEntry_BrokenRule_ShowsChineseMessageAndSavesNothing(
        string start,
        string end,
        string message
    )
    {
        var (_, site, admin) = await NewSiteAsync();
        var url = $"/Sites/{site.Id}/Sessions";
        var response = await TestApp.PostFormAsync(admin, url, Manual(new DateOnly(2027, 1, 18), start, end));
        Assert.Contains(message, (await Html.ParseAsync(response)).TextOf("#errors"));
        Assert.False(await app.WithDbAsync(db => db.ViewingSessions.AnyAsync(s => s.SiteId == site.Id)));
    }

    [Fact]
    public async Task ManualEntry_InTheFuture_OrOfAClosedMonth()
    {
        var (_, site, admin) = await NewSiteAsync();
        var url = $"/Sites/{site.Id}/Sessions";
        var future = await TestApp.PostFormAsync(admin, url, Manual(new DateOnly(2027, 1, 25), "19:00", "20:00"));
        Assert.Contains("收看时间不能晚于当前时间", (await Html.ParseAsync(future)).TextOf("#errors"));
        Assert.False(await app.WithDbAsync(db => db.ViewingSessions.AnyAsync(s => s.SiteId == site.Id)));
        // December closed on 5 January: a December session entered now is kept and marked late.
        await TestApp.PostFormAsync(admin, url, Manual(new DateOnly(2026, 12, 20), "19:00", "20:00"));
        var late = await app.WithDbAsync(db => db.ViewingSessions.AsNoTracking().SingleAsync(s => s.SiteId == site.Id));
        Assert.True(late.Late);
        Assert.Contains(
            "迟报",
            (await admin.GetDocumentAsync(url + "?month=202612")).One($"[data-session='{late.Id}']").Text()
        );
    }

    [Fact]
    public async Task SessionsPage_ShowsChainBreakWithReasonAndOverlap()
    {
        var (_, site, admin) = await NewSiteAsync();
        var (_, key) = await app.AddTerminalAsync(site);
        var start = new DateTime(2027, 1, 10, 11, 0, 0, DateTimeKind.Utc);
        var records = Chain(4, start);
        records.RemoveAt(1);
        await app.TerminalClient(key).ReportAsync(records);
        var page = await admin.GetDocumentAsync($"/Sites/{site.Id}/Sessions?month=202701");
        Assert.Contains("1 条链断裂", page.TextOf("#chain-breaks"));
        var broken = Assert.Single(page.QuerySelectorAll(".chain-break"));
        Assert.Contains("缺少序号2的记录", broken.Text());
        Assert.Contains("第 3 条", broken.ParentElement!.Text());
    }
}
