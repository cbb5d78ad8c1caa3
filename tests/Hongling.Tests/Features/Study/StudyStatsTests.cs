using System.Net;
using AngleSharp.Dom;
using ClosedXML.Excel;
using Hongling.Tests.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Study;
using static Hongling.Tests.Features.Study.StudyMineTests;

namespace Hongling.Tests.Features.Study;

/// <summary>学习统计 on hand-built StudyDay rows: two branches of one town and a second town, February 2029.</summary>
public sealed class StudyStatsTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Month = 202902;

    private sealed record World(
        Organization Town1,
        Organization A1,
        Organization A2,
        Organization Town2,
        Organization B1,
        Member[] M,
        HttpClient TownAdmin,
        HttpClient BranchAdmin,
        HttpClient DistrictAdmin
    );

    private async Task<World> BuildAsync()
    {
        var (town1, a1) = await app.AddTownAsync("统计甲镇");
        var a2 = await app.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.FindAsync(town1.Id);
            var o = new Organization
            {
                Code = TestApp.UniqueCode("B"),
                Name = "统计甲镇第二党支部",
                Kind = OrgKind.Branch,
                Category = OrgCategory.Village,
            };
            o.PlaceUnder(parent);
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var (town2, b1) = await app.AddTownAsync("统计乙镇");
        Member[] m =
        [
            await app.AddMemberAsync(a1, "甲一"),
            await app.AddMemberAsync(a1, "甲二"),
            await app.AddMemberAsync(a1, "甲三"),
            await app.AddMemberAsync(a2, "甲四"),
            await app.AddMemberAsync(a2, "甲五"),
            await app.AddMemberAsync(b1, "乙一"),
            await app.AddMemberAsync(b1, "乙二"),
        ];
        await AddDayAsync(app, m[0], new DateOnly(2029, 2, 1), 40, opened: 1, online: 45); // the 1st counts in February
        await AddDayAsync(app, m[0], new DateOnly(2029, 2, 28), 20, opened: 1, online: 20);
        await AddDayAsync(app, m[0], new DateOnly(2029, 1, 31), 500, completed: 5); // January does not
        await AddDayAsync(app, m[1], new DateOnly(2029, 2, 3), 0, online: 3); // online only: did not study
        await AddDayAsync(app, m[2], new DateOnly(2029, 2, 10), 20, opened: 2, completed: 1, online: 40);
        await AddDayAsync(app, m[3], new DateOnly(2029, 2, 11), 30, opened: 1, completed: 1, online: 30);
        await AddDayAsync(app, m[5], new DateOnly(2029, 2, 12), 10, opened: 1, online: 10);
        var townAdmin = await app.SignInAsAdministratorOfAsync(town1);
        var branchAdmin = await app.SignInAsAdministratorOfAsync(a1);
        var root = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Single(o => o.Id == town1.ParentId)));
        var districtAdmin = await app.SignInAsAdministratorOfAsync(root);
        return new World(town1, a1, a2, town2, b1, m, townAdmin, branchAdmin, districtAdmin);
    }

    /// <summary>members, studied, share, minutes, average, completed of an organization's row in the 下级组织
    /// table.</summary>
    private static string OrgRow(IDocument page, Organization org) =>
        string.Join(" ", page.RowCells($"#children tr[data-org='{org.Id}']").Skip(1));

    [Fact]
    public async Task Stats_TownMonth_AggregatesRankingsMembersAndIdle_ExportAndScope()
    {
        var w = await BuildAsync();
        var town = w.TownAdmin;
        var response = await town.GetAsync($"/Study/Stats?org={w.Town1.Id}&month={Month}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var page = Html.Parse(html);

        Assert.Equal("5", page.TextOf("#total-members"));
        Assert.Equal("60.0%", page.TextOf("#total-share"));
        Assert.Equal("22.0", page.TextOf("#total-average"));
        Assert.Equal("2", page.TextOf("#total-completed"));
        Assert.Equal("5 3 60.0% 110 22.0 2", OrgRow(page, w.Town1));
        Assert.Equal("3 2 66.7% 80 26.7 1", OrgRow(page, w.A1));
        Assert.Equal("2 1 50.0% 30 15.0 1", OrgRow(page, w.A2));

        Assert.Equal([w.A1.Id.ToString(), w.A2.Id.ToString()], page.DataOf("#branch-ranking tr[data-org]", "org"));
        Assert.Empty(page.QuerySelectorAll($"[data-org='{w.B1.Id}']"));

        // Per member, most minutes first: 甲一 60 (score 60 + 2 opened + 6 online), 甲四 30, 甲三 20, then the rest.
        Assert.Equal(
            ["甲一", "统计甲镇第一党支部", "60", "2", "0", "65", "68"],
            page.RowCells($"#members tr[data-member='{w.M[0].Id}']")
        );
        var members = page.DataOf("#members tr[data-member]", "member");
        var order = new[] { 0, 3, 2, 1 }.Select(i => members.IndexOf(w.M[i].Id.ToString())).ToList();
        Assert.True(
            order[0] == 0 && order[0] < order[1] && order[1] < order[2] && order[2] < order[3],
            string.Join(",", order)
        );

        Assert.Contains("本月未学习的党员 共2人", page.QuerySelectorAll("h2").Select(h => h.Text()));
        var idle = page.DataOf("#idle li", "member");
        Assert.Contains(w.M[1].Id.ToString(), idle);
        Assert.Contains(w.M[4].Id.ToString(), idle);
        Assert.DoesNotContain(w.M[0].Id.ToString(), idle);

        // The trend: January 2029 (甲一's 500 minutes: 1 of 5 studied) and February (3 of 5, 110 minutes).
        var share = page.TableRows("#trend-share-table");
        var average = page.TableRows("#trend-average-table");
        Assert.Equal(12, share.Count);
        Assert.Equal(["2029年1月 20", "2029年2月 60"], share[^2..].Select(r => string.Join(" ", r)));
        Assert.Equal(["2029年1月 100", "2029年2月 22"], average[^2..].Select(r => string.Join(" ", r)));
        Assert.Equal(
            ["统计甲镇第一党支部 26.7", "统计甲镇第二党支部 15"],
            page.TableRows("#branch-ranking-chart-table").Select(r => string.Join(" ", r))
        );
        Assert.Equal("202902", page.One("select[name=month] option[selected]").GetAttribute("value"));

        // Towns, as the district sees them: 甲镇 22.0 per member before 乙镇 5.0.
        var district = await w.DistrictAdmin.GetDocumentAsync($"/Study/Stats?month={Month}");
        var towns = district.DataOf("#town-ranking tr[data-org]", "org");
        Assert.True(
            towns.IndexOf(w.Town1.Id.ToString()) >= 0
                && towns.IndexOf(w.Town1.Id.ToString()) < towns.IndexOf(w.Town2.Id.ToString())
        );
        Assert.Equal("2 1 50.0% 10 5.0 0", OrgRow(district, w.Town2));

        // The export: every member of the town, figures only.
        var export = await town.GetAsync($"/Study/Stats?handler=Export&org={w.Town1.Id}&month={Month}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using (var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync())))
        {
            var sheet = book.Worksheet(1);
            var rows = sheet.RowsUsed().Skip(1).Select(r => r.Cells(1, 7).Select(c => c.GetString()).ToList()).ToList();
            Assert.Equal(5, rows.Count);
            Assert.Equal(["甲一", "统计甲镇第一党支部", "60", "2", "0", "65", "68"], rows[0]);
            var text = string.Join("|", sheet.CellsUsed().Select(c => c.GetString()));
            Assert.DoesNotContain("13800138000", text);
            Assert.DoesNotContain("138****", text);
            Assert.DoesNotContain("身份证", text);
            Assert.DoesNotContain("手机", text);
            Assert.DoesNotMatch(@"\d{17}[\dX]", text);
        }

        // A branch administrator asking for the neighbouring branch, or the other town, gets 404.
        var branch = w.BranchAdmin;
        Assert.Equal(
            HttpStatusCode.OK,
            (await branch.GetAsync($"/Study/Stats?org={w.A1.Id}&month={Month}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await branch.GetAsync($"/Study/Stats?org={w.A2.Id}&month={Month}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await branch.GetAsync($"/Study/Stats?handler=Export&org={w.B1.Id}&month={Month}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await town.GetAsync($"/Study/Stats?org={w.B1.Id}&month={Month}")).StatusCode
        );
    }

    [Fact]
    public async Task MemberTableOrder_ReadsTheMembersIndex_NotAMemberRowEach()
    {
        // SQLite's plan, fixed by the schema: sorting full rows cost 81 ms a page at 20,000 members.
        Assert.SkipWhen(TestApp.OnPostgres, "SQLite's query plan");
        foreach (var ascending in new[] { false, true })
        {
            var lines = await app.WithDbAsync(db =>
                QueryPlan.MembersLinesAsync(db, StudyStats.RankedIds(db, "/", Month, ascending).Skip(50).Take(50))
            );
            Assert.Single(lines);
            Assert.True(QueryPlan.IndexOnly(lines[0]), lines[0]);
        }
    }
}
