using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Sites.UsageBuilders;

namespace Hongling.Tests.Features.Sites;

/// <summary>站点使用统计 for August 2029 of a small district, every figure computed by hand:
/// 甲镇 (S1 overlapping sessions and a manual one: 270 min; S2 a session crossing China midnight at month end: 120 min
/// counted, plus a late 480-minute one not counted; S3 nothing; S4 停用 with 60 min), 乙镇 (S5: 300 min, and a July
/// session ending on 1 August that August does not count), 丙镇 (no site).</summary>
public sealed class UsageReportTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Month = 202908;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record World(
        Organization District,
        Organization TownA,
        Organization TownB,
        Organization TownC,
        Site S1,
        Site S2,
        Site S3,
        Site S4,
        Site S5
    );

    private async Task<World> BuildAsync()
    {
        var district = await app.AddDistrictAsync("用时测试区委");
        var townA = await app.AddOrgAsync(district, "甲镇党委");
        var a1 = await app.AddOrgAsync(townA, "甲镇一村党支部", OrgKind.Branch);
        var a2 = await app.AddOrgAsync(townA, "甲镇二村党支部", OrgKind.Branch);
        var townB = await app.AddOrgAsync(district, "乙镇党委");
        var b1 = await app.AddOrgAsync(townB, "乙镇一村党支部", OrgKind.Branch);
        var townC = await app.AddOrgAsync(district, "丙镇党委");
        var s1 = await app.AddSiteAsync(a1, "甲一村站点");
        var s2 = await app.AddSiteAsync(a2, "甲二村站点");
        var s3 = await app.AddSiteAsync(a1, "甲一村二号站点");
        var s4 = await app.AddSiteAsync(a2, "甲二村旧站点", SiteStatus.Stopped);
        var s5 = await app.AddSiteAsync(b1, "乙一村站点");
        // S1: 09:00-11:00 and 10:00-12:00 overlap (180 min, not 240), and a manual 90 minutes: 270.
        await app.AddSessionAsync(s1, China(2029, 8, 3, 9), 120, attendees: 10);
        await app.AddSessionAsync(s1, China(2029, 8, 3, 10), 120, attendees: 5);
        await app.AddSessionAsync(s1, China(2029, 8, 10, 9), 90, manual: true);
        // S2: 31 August 22:00 to 1 September 02:00 China time: 120 minutes in August; a late record is kept, not
        // counted.
        await app.AddSessionAsync(s2, China(2029, 8, 31, 22), 240, attendees: 3);
        await app.AddSessionAsync(s2, China(2029, 8, 20, 9), 480, attendees: 30, late: true);
        await app.AddSessionAsync(s4, China(2029, 8, 5, 9), 60);
        await app.AddSessionAsync(s5, China(2029, 8, 12, 8), 300, attendees: 20);
        // A July session (China time) that ends on 1 August counts in July only.
        await app.AddSessionAsync(s5, China(2029, 7, 31, 23), 120);
        return new World(district, townA, townB, townC, s1, s2, s3, s4, s5);
    }

    private Task<SiteUsageReport> ReportAsync(Organization issuer) =>
        app.WithDbAsync(async db =>
            await SiteUsageReport.ForAsync(db, (await ScopedOrg.PickAsync(db, issuer.Id))!, Month, 240, Ct)
        );

    [Fact]
    public async Task Report_SmallDistrict_FiguresAsComputedByHand()
    {
        var w = await BuildAsync();
        var r = await ReportAsync(w.District);

        var site = r.Sites.ToDictionary(s => s.SiteId);
        Assert.Equal(
            (270, 3, 15, 1, 0, true),
            (
                site[w.S1.Id].Minutes,
                site[w.S1.Id].Sessions,
                site[w.S1.Id].Attendees,
                site[w.S1.Id].ManualSessions,
                site[w.S1.Id].LateSessions,
                site[w.S1.Id].RuleMet
            )
        );
        Assert.Equal(
            (120, 1, 3, 0, 1, false),
            (
                site[w.S2.Id].Minutes,
                site[w.S2.Id].Sessions,
                site[w.S2.Id].Attendees,
                site[w.S2.Id].ManualSessions,
                site[w.S2.Id].LateSessions,
                site[w.S2.Id].RuleMet
            )
        );
        Assert.Equal((0, 0), (site[w.S3.Id].Minutes, site[w.S3.Id].Sessions));
        Assert.Equal((60, false), (site[w.S4.Id].Minutes, site[w.S4.Id].RuleMet));
        Assert.Equal((300, 1, true), (site[w.S5.Id].Minutes, site[w.S5.Id].Sessions, site[w.S5.Id].RuleMet));

        var a = r.Units.Single(u => u.Id == w.TownA.Id);
        Assert.Equal((2, 3, 1, 1, 130.0), (a.Rank, a.Sites, a.SitesMeetingRule, a.StoppedSites, a.AverageMinutes));
        Assert.Equal(["甲一村二号站点"], a.ZeroSites.Select(z => z.Name));
        Assert.Equal((450, 5, 18, 1, 1), (a.Minutes, a.Sessions, a.Attendees, a.ManualSessions, a.LateSessions));
        var b = r.Units.Single(u => u.Id == w.TownB.Id);
        Assert.Equal((1, 1, 1, 1.0, 300.0), (b.Rank, b.Sites, b.SitesMeetingRule, b.Share, b.AverageMinutes));
        var c = r.Units.Single(u => u.Id == w.TownC.Id);
        Assert.Equal((null, 0), (c.Rank, c.Sites));
        Assert.Equal([w.TownB.Id, w.TownA.Id, w.TownC.Id], r.Units.Select(u => u.Id));

        Assert.Equal(
            (4, 2, 0.5, 172.5, 1, 1),
            (
                r.Total.Sites,
                r.Total.SitesMeetingRule,
                r.Total.Share,
                r.Total.AverageMinutes,
                r.Total.ManualSessions,
                r.Total.LateSessions
            )
        );
        Assert.Equal(["甲一村二号站点"], r.Total.ZeroSites.Select(z => z.Name));
    }

    [Fact]
    public async Task Report_TiedUnits_ShareARank()
    {
        var district = await app.AddDistrictAsync("并列测试区委");
        var t1 = await app.AddOrgAsync(district, "并列一镇");
        var t2 = await app.AddOrgAsync(district, "并列二镇");
        var t3 = await app.AddOrgAsync(district, "并列三镇");
        foreach (var (t, minutes) in new[] { (t1, 250), (t2, 250), (t3, 100) })
            await app.AddSessionAsync(await app.AddSiteAsync(t, t.Name + "站点"), China(2029, 8, 2, 9), minutes);
        var r = await ReportAsync(district);
        Assert.Equal([1, 1, 3], r.Units.Select(u => u.Rank!.Value));
    }

    [Fact]
    public async Task Api_DistrictAdministrator_GetsTheSameFigures()
    {
        var w = await BuildAsync();
        var client = await app.SignInAsAdministratorOfAsync(w.District);
        var body = await client.GetFromJsonAsync<JsonElement>(
            $"/api/sites/usage?month={Month}&orgId={w.District.Id}",
            Ct
        );
        Assert.Equal(Month, body.GetProperty("month").GetInt32());
        var total = body.GetProperty("total");
        Assert.Equal(
            (4, 2, 172.5),
            (
                total.GetProperty("sites").GetInt32(),
                total.GetProperty("sitesMeetingRule").GetInt32(),
                total.GetProperty("averageMinutes").GetDouble()
            )
        );
        Assert.Equal(5, body.GetProperty("sites").GetArrayLength());
        Assert.Equal(w.TownB.Id, body.GetProperty("units")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Api_BadMonth_AnswersAChineseProblem()
    {
        var w = await BuildAsync();
        var client = await app.SignInAsAdministratorOfAsync(w.District);
        var response = await client.GetAsync("/api/sites/usage?month=202913", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("site_usage_month_invalid", problem.GetProperty("code").GetString());
        Assert.Contains("yyyyMM", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Report_LateSessionArrivingAfterClose_LeavesTheMonthUnchanged()
    {
        var w = await BuildAsync();
        var before = await ReportAsync(w.District);
        await app.AddSessionAsync(w.S3, China(2029, 8, 15, 9), 300, attendees: 9, late: true);
        var after = await ReportAsync(w.District);
        Assert.Equal(
            (
                before.Total.Sites,
                before.Total.SitesMeetingRule,
                before.Total.Minutes,
                before.Total.Sessions,
                before.Total.Attendees
            ),
            (
                after.Total.Sites,
                after.Total.SitesMeetingRule,
                after.Total.Minutes,
                after.Total.Sessions,
                after.Total.Attendees
            )
        );
        Assert.Equal(["甲一村二号站点"], after.Total.ZeroSites.Select(z => z.Name));
        Assert.Equal(before.Total.LateSessions + 1, after.Total.LateSessions);
    }

    [Fact]
    public async Task Page_ShowsUnitsRankedWithZeroSitesNamedAndLateCount()
    {
        var w = await BuildAsync();
        var client = await app.SignInAsAdministratorOfAsync(w.District);
        var page = await client.GetDocumentAsync($"/Sites/Usage?month={Month}&orgId={w.District.Id}");
        var rows = page.TableRows("#units");
        Assert.Equal(["1", "乙镇党委", "1", "1", "100.0%", "300.0", "0", "0", "1", "20", "0", "0"], rows[0]);
        Assert.Equal(
            ["2", "甲镇党委", "3", "1", "33.3%", "130.0", "1:甲一村二号站点", "1", "5", "18", "1", "1"],
            rows[1]
        );
        Assert.Equal("—", rows[2][0]);
        Assert.Contains("甲镇党委还有站点本月使用记录为“0”分钟", page.TextOf("#summary"));
        Assert.Contains("1 场收看记录在月结之后", page.TextOf("#late"));
        Assert.Contains($"/Sites/Usage?orgId={w.TownA.Id}&month={Month}", page.LinkHrefs("#units a"));

        // The drill-down into 甲镇 lists its sites, stopped one marked, and no site of 乙镇.
        var town = await client.GetDocumentAsync($"/Sites/Usage?month={Month}&orgId={w.TownA.Id}");
        var sites = town.TableRows("#sites");
        Assert.Equal(4, sites.Count);
        Assert.Contains(sites, s => s[0] == "甲二村旧站点" && s[2] == "停用" && s[4] == "—");
        Assert.Contains(sites, s => s[0] == "甲一村站点" && s[3] == "270" && s[7] == "1(手工录入)");
        Assert.DoesNotContain("乙一村站点", town.Body!.TextContent);
        Assert.NotNull(town.QuerySelector("svg#trend-average"));

        var site = await client.GetDocumentAsync($"/Sites/UsageSite/{w.S2.Id}?month={Month}");
        Assert.Equal("120", site.TextOf("#site-minutes"));
        Assert.Contains("迟报,未计入本月", site.TextOf("#sessions"));
    }

    [Fact]
    public async Task Export_HasTheTitleHeadingsAndARowPerUnit()
    {
        var w = await BuildAsync();
        var client = await app.SignInAsAdministratorOfAsync(w.District);
        var response = await client.GetAsync($"/Sites/Usage?handler=Export&month={Month}&orgId={w.District.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet(1);
        Assert.Equal("2029年8月镇街远程教育使用情况统计表", sheet.Cell(1, 1).GetString());
        Assert.Equal(
            SiteUsageExport.Headers,
            Enumerable.Range(1, SiteUsageExport.Headers.Length).Select(c => sheet.Cell(3, c).GetString())
        );
        Assert.Equal(["2", "甲镇党委", "3", "1"], Enumerable.Range(1, 4).Select(c => sheet.Cell(5, c).GetString()));
        Assert.Equal("甲一村二号站点", sheet.Cell(5, 8).GetString());
        Assert.Equal(["合计", "4", "2"], Enumerable.Range(2, 3).Select(c => sheet.Cell(7, c).GetString()));
        Assert.Equal(5, book.Worksheet(2).RowsUsed().Count() - 1);
    }

    [Fact]
    public async Task Scope_TownAdministrator_SeesNothingOfAnotherTown()
    {
        var w = await BuildAsync();
        var client = await app.SignInAsAdministratorOfAsync(w.TownA);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/Sites/Usage?month={Month}&orgId={w.TownB.Id}", Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/Sites/Usage?month={Month}&orgId={w.District.Id}", Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/Sites/Usage?handler=Export&month={Month}&orgId={w.TownB.Id}", Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/Sites/UsageSite/{w.S5.Id}?month={Month}", Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/api/sites/usage?month={Month}&orgId={w.TownB.Id}", Ct)).StatusCode
        );

        // Its own page and the API without an org show 甲镇 alone.
        var page = await client.GetDocumentAsync($"/Sites/Usage?month={Month}");
        Assert.DoesNotContain("乙一村站点", page.Body!.TextContent);
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/sites/usage?month={Month}", Ct);
        Assert.Equal(w.TownA.Id, body.GetProperty("issuerId").GetInt32());
        Assert.Equal(4, body.GetProperty("sites").GetArrayLength());

        // A member (not an administrator) gets nothing.
        var (_, member) = await app.SignInAsMemberAsync(
            await app.AddOrgAsync(w.TownA, "甲镇三村党支部", OrgKind.Branch)
        );
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync($"/api/sites/usage?month={Month}", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync($"/Sites/Usage?month={Month}", Ct)).StatusCode);
    }
}
