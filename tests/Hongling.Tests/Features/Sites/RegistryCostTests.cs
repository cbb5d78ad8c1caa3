using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Sites;

public sealed class RegistryCostTests(TestApp app) : IClassFixture<TestApp>
{
    private static Task<HttpResponseMessage> RecordAsync(
        HttpClient client,
        int siteId,
        string date,
        string work,
        string cost
    ) =>
        TestApp.PostFormAsync(
            client,
            $"/Sites/{siteId}",
            new Dictionary<string, string>
            {
                ["Record.Date"] = date,
                ["Record.Work"] = work,
                ["Record.Cost"] = cost,
            },
            $"/Sites/{siteId}?handler=Maintenance"
        );

    [Fact]
    public async Task Maintenance_CostsAreExactDecimals_SummedPerTownForTheChosenYear()
    {
        // The district's administrator sees two towns; the figures are per town (the root's direct children).
        var (townA, branchA) = await app.AddTownAsync("经费甲镇");
        var (townB, branchB) = await app.AddTownAsync("经费乙镇");
        var root = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "ROOT"));
        var siteA1 = await app.AddSiteAsync(branchA, "甲一");
        var siteA2 = await app.AddSiteAsync(branchA, "甲二");
        var siteB = await app.AddSiteAsync(branchB, "乙一");
        var client = await app.SignInAsAdministratorOfAsync(root);

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await RecordAsync(client, siteA1.Id, "2025-03-01", "更换机顶盒电源", "0.10")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await RecordAsync(client, siteA2.Id, "2025-07-15", "调试卫星天线", "0.20")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await RecordAsync(client, siteB.Id, "2025-12-31", "维修电视机", "1234.56")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await RecordAsync(client, siteB.Id, "2024-12-31", "上一年的维修", "99")).StatusCode
        );

        var page = await client.GetDocumentAsync("/Sites/Costs?year=2025");
        var rows = page.TableRows("#costs").ToDictionary(r => r[0]);
        Assert.Equal(["经费甲镇党委", "2", "2", "0.30"], rows["经费甲镇党委"]);
        Assert.Equal(["经费乙镇党委", "1", "1", "1234.56"], rows["经费乙镇党委"]);
        Assert.Equal("1234.86", rows["合计"][3]);
        Assert.Equal(
            "99.00",
            (await client.GetDocumentAsync("/Sites/Costs?year=2024")).TableRows("#costs").Single(r => r[0] == "合计")[3]
        );
        Assert.Equal(
            0.30m,
            await app.WithDbAsync(db =>
                db.SiteMaintenance.Where(m => m.OrganizationId == branchA.Id).SumAsync(m => m.Cost)
            )
        );
        Assert.Contains("0.10", (await client.GetDocumentAsync($"/Sites/{siteA1.Id}")).TextOf("#maintenance-records"));

        // A town's administrator sees its branches as the "towns" of its own summary, and nothing of the other town.
        var townClient = await app.SignInAsAdministratorOfAsync(townA);
        var own = (await townClient.GetDocumentAsync("/Sites/Costs?year=2025")).TableRows("#costs");
        Assert.Equal(["经费甲镇第一党支部", "2", "2", "0.30"], own[0]);
        Assert.Equal("0.30", own.Single(r => r[0] == "合计")[3]);
    }

    [Theory]
    [InlineData("-1", "费用不能为负数")]
    [InlineData("12.345", "费用最多保留两位小数(元到分)")]
    [InlineData("abc", "“abc”不是有效的")]
    [InlineData("", "请填写费用(元),没有费用填0")]
    public async Task Maintenance_BadCost_IsRefusedInChinese_AndNothingIsSaved(string cost, string message)
    {
        var (town, branch) = await app.AddTownAsync("坏账镇" + cost);
        var site = await app.AddSiteAsync(branch, "坏账站点");
        var client = await app.SignInAsAdministratorOfAsync(town);

        var response = await RecordAsync(client, site.Id, "2025-01-02", "检修", cost);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, (await Html.ParseAsync(response)).TextOf("#Record_Cost + .field-error"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteMaintenance.CountAsync(m => m.SiteId == site.Id)));
    }

    [Fact]
    public async Task Maintenance_InTheFuture_IsRefused()
    {
        var (town, branch) = await app.AddTownAsync("明日镇");
        var site = await app.AddSiteAsync(branch, "明日站点");
        var client = await app.SignInAsAdministratorOfAsync(town);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd");

        var response = await RecordAsync(client, site.Id, tomorrow, "检修", "10");

        Assert.Equal("维护日期不能晚于今天", (await Html.ParseAsync(response)).TextOf("#Record_Date + .field-error"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteMaintenance.CountAsync(m => m.SiteId == site.Id)));
    }
}
