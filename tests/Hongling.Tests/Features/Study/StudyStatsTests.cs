using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Hongling.Web.Domain;
using static Hongling.Tests.Features.Study.StudyMineTests;

namespace Hongling.Tests.Features.Study;

/// <summary>学习统计 on hand-built StudyDay rows: two branches of one town and a second town, February 2029.</summary>
public sealed class StudyStatsTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Month = 202902;

    private sealed record World(Organization Town1, Organization A1, Organization A2, Organization Town2, Organization B1, Member[] M, string TownAdmin, string BranchAdmin, string DistrictAdmin);

    private async Task<World> BuildAsync()
    {
        var (town1, a1) = await app.AddTownAsync("统计甲镇");
        var a2 = await app.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.FindAsync(town1.Id);
            var o = new Organization { Code = TestApp.UniqueCode("B"), Name = "统计甲镇第二党支部", Kind = OrgKind.Branch, Category = OrgCategory.Village };
            o.PlaceUnder(parent);
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var (town2, b1) = await app.AddTownAsync("统计乙镇");
        Member[] m =
        [
            await app.AddMemberAsync(a1, "甲一"), await app.AddMemberAsync(a1, "甲二"), await app.AddMemberAsync(a1, "甲三"),
            await app.AddMemberAsync(a2, "甲四"), await app.AddMemberAsync(a2, "甲五"),
            await app.AddMemberAsync(b1, "乙一"), await app.AddMemberAsync(b1, "乙二"),
        ];
        await AddDayAsync(app, m[0], new DateOnly(2029, 2, 1), 40, opened: 1, online: 45);      // the 1st counts in February
        await AddDayAsync(app, m[0], new DateOnly(2029, 2, 28), 20, opened: 1, online: 20);
        await AddDayAsync(app, m[0], new DateOnly(2029, 1, 31), 500, completed: 5);                // January does not
        await AddDayAsync(app, m[1], new DateOnly(2029, 2, 3), 0, online: 3);                      // online only: did not study
        await AddDayAsync(app, m[2], new DateOnly(2029, 2, 10), 20, opened: 2, completed: 1, online: 40);
        await AddDayAsync(app, m[3], new DateOnly(2029, 2, 11), 30, opened: 1, completed: 1, online: 30);
        await AddDayAsync(app, m[5], new DateOnly(2029, 2, 12), 10, opened: 1, online: 10);
        var (townAdmin, branchAdmin, districtAdmin) = (TestApp.NewCard(), TestApp.NewCard(), TestApp.NewCard());
        await app.AddAccountAsync(townAdmin, administers: [town1]);
        await app.AddAccountAsync(branchAdmin, administers: [a1]);
        var root = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Single(o => o.Id == town1.ParentId)));
        await app.AddAccountAsync(districtAdmin, administers: [root]);
        return new World(town1, a1, a2, town2, b1, m, townAdmin, branchAdmin, districtAdmin);
    }

    /// <summary>members, studied, share, minutes, average, completed of an organization's first row.</summary>
    private static string OrgRow(string html, Organization org) =>
        string.Join(" ", Regex.Match(html, $"data-org=\"{org.Id}\">\\s*<td>.*?</td>\\s*<td>(\\d+)</td><td>(\\d+)</td><td>([\\d.]+%)</td><td>(\\d+)</td><td>([\\d.]+)</td><td>(\\d+)</td>")
            .Groups.Values.Skip(1).Select(g => g.Value));

    private static string Section(string html, string id) => html[html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)..];

    [Fact]
    public async Task Stats_TownMonth_AggregatesRankingsMembersAndIdle_ExportAndScope()
    {
        var w = await BuildAsync();
        var town = await app.SignedInClientAsync(w.TownAdmin);
        var response = await town.GetAsync($"/Study/Stats?org={w.Town1.Id}&month={Month}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);

        Assert.Contains("id=\"total-members\">5<", html);
        Assert.Contains("id=\"total-share\">60.0%<", html);
        Assert.Contains("id=\"total-average\">22.0<", html);
        Assert.Contains("id=\"total-completed\">2<", html);
        Assert.Equal("5 3 60.0% 110 22.0 2", OrgRow(html, w.Town1));
        Assert.Equal("3 2 66.7% 80 26.7 1", OrgRow(html, w.A1));
        Assert.Equal("2 1 50.0% 30 15.0 1", OrgRow(html, w.A2));

        var ranking = Section(html, "branch-ranking");
        Assert.True(ranking.IndexOf($"data-org=\"{w.A1.Id}\"") < ranking.IndexOf($"data-org=\"{w.A2.Id}\""));
        Assert.DoesNotContain($"data-org=\"{w.B1.Id}\"", html);

        // Per member, most minutes first: 甲一 60 (score 60 + 2 opened + 6 online), 甲四 30, 甲三 20, then the rest.
        var members = Section(html, "members");
        Assert.Matches($"data-member=\"{w.M[0].Id}\"><td>甲一</td><td>统计甲镇第一党支部</td><td>60</td><td>2</td><td>0</td><td>65</td><td>68</td>", members);
        var order = new[] { 0, 3, 2 }.Select(i => members.IndexOf($"data-member=\"{w.M[i].Id}\"")).ToList();
        Assert.True(order[0] < order[1] && order[1] < order[2] && order[2] < members.IndexOf($"data-member=\"{w.M[1].Id}\""));

        var idle = Section(html, "idle");
        Assert.Contains("本月未学习的党员 <small class=\"text-muted fs-6\">共2人", html);
        Assert.Contains($"data-member=\"{w.M[1].Id}\"", idle);
        Assert.Contains($"data-member=\"{w.M[4].Id}\"", idle);
        Assert.DoesNotContain($"data-member=\"{w.M[0].Id}\"", idle);

        // Towns, as the district sees them: 甲镇 22.0 per member before 乙镇 5.0.
        var district = await (await app.SignedInClientAsync(w.DistrictAdmin)).GetStringAsync($"/Study/Stats?month={Month}");
        var towns = Section(district, "town-ranking");
        Assert.True(towns.IndexOf($"data-org=\"{w.Town1.Id}\"") >= 0 && towns.IndexOf($"data-org=\"{w.Town1.Id}\"") < towns.IndexOf($"data-org=\"{w.Town2.Id}\""));
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
        var branch = await app.SignedInClientAsync(w.BranchAdmin);
        Assert.Equal(HttpStatusCode.OK, (await branch.GetAsync($"/Study/Stats?org={w.A1.Id}&month={Month}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await branch.GetAsync($"/Study/Stats?org={w.A2.Id}&month={Month}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await branch.GetAsync($"/Study/Stats?handler=Export&org={w.B1.Id}&month={Month}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/Study/Stats?org={w.B1.Id}&month={Month}")).StatusCode);
    }
}
