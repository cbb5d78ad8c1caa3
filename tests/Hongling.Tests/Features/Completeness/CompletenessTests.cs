using System.Globalization;
using System.Net;
using Hongling.Tests.Data;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Completeness;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Completeness;

public sealed class CompletenessTests(TestApp app) : IClassFixture<TestApp>
{
    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) =>
        new(y, m, d, h, min, 0, DateTimeKind.Utc);

    /// <summary>A town with branches A and B: one administrator on the town, only a backup administrator on B;
    /// A's profile maintained in March 2027, B's in January; four members of A whose rates are counted by
    /// hand.</summary>
    private async Task<(Organization Town, Organization A, Organization B, Member[] Members)> HandBuiltAsync()
    {
        if (app.Clock.GetUtcNow() < new DateTimeOffset(Utc(2027, 3, 15, 4)))
            app.Clock.SetUtcNow(new DateTimeOffset(Utc(2027, 3, 15, 4)));
        var (town, a) = await app.AddTownAsync("完整度镇");
        var b = await app.WithDbAsync(async db =>
        {
            var branch = new Organization
            {
                Code = TestApp.UniqueCode("CB"),
                Name = "乙支部",
                Kind = OrgKind.Branch,
            };
            branch.PlaceUnder(await db.Organizations.SingleAsync(o => o.Id == town.Id));
            db.Organizations.Add(branch);
            await db.SaveChangesAsync();
            return branch;
        });
        var backupCard = TestApp.NewCard();
        var backup = await app.AddAccountAsync(backupCard);
        var members = new[]
        {
            await app.AddMemberAsync(a, "全齐"),
            await app.AddMemberAsync(a, "全缺"),
            await app.AddMemberAsync(a, "预备五项"),
            await app.AddMemberAsync(a, "只有党费"),
        };
        await app.WithDbAsync(async db =>
        {
            db.OrgAdministrators.Add(
                new OrgAdministrator
                {
                    AccountId = backup.Id,
                    OrganizationId = b.Id,
                    IsBackup = true,
                }
            );
            (await db.Organizations.SingleAsync(o => o.Id == a.Id)).ProfileUpdatedAt = Utc(2027, 3, 2);
            (await db.Organizations.SingleAsync(o => o.Id == b.Id)).ProfileUpdatedAt = Utc(2027, 1, 20);
            var m = await db.Members.Where(x => x.OrganizationId == a.Id).OrderBy(x => x.Id).ToListAsync();
            // 7 of 7, updated this month.
            (
                m[0].NativePlace,
                m[0].Occupation,
                m[0].WorkUnit,
                m[0].HomeAddress,
                m[0].PhotoUpdatedAt,
                m[0].DuesAmount,
                m[0].FullMemberOn,
                m[0].Status,
                m[0].UpdatedAt
            ) = (
                "江津",
                "教师",
                "一中",
                "几江",
                Utc(2027, 3, 1),
                10m,
                new DateOnly(2001, 7, 1),
                MemberStatus.Full,
                Utc(2027, 3, 10)
            );
            // 0 of 7, updated in January.
            (m[1].NativePlace, m[1].DuesAmount, m[1].Status, m[1].UpdatedAt) = (
                null,
                null,
                MemberStatus.Full,
                Utc(2027, 1, 5)
            );
            // Probationary: 5 of 6 (no photo); 00:30 on 1 March in China is March.
            (
                m[2].NativePlace,
                m[2].Occupation,
                m[2].WorkUnit,
                m[2].HomeAddress,
                m[2].DuesAmount,
                m[2].Status,
                m[2].UpdatedAt
            ) = ("綦江", "农民", "村委", "支坪", 5m, MemberStatus.Probationary, Utc(2027, 2, 28, 16, 30));
            // 1 of 7; 23:59 on 28 February in China is February.
            (m[3].DuesAmount, m[3].Status, m[3].UpdatedAt) = (2m, MemberStatus.Full, Utc(2027, 2, 28, 15, 59));
            await db.SaveChangesAsync();
            return 0;
        });
        return (town, a, b, members);
    }

    [Fact]
    public async Task Rates_OnAHandBuiltTown_AreTheOnesCountedByHand()
    {
        var (town, a, b, _) = await HandBuiltAsync();
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, administers: [town]);

        var report = await app.WithDbAsync(db => CompletenessReport.ForAsync(db, town.Path, 202703));
        Assert.Equal(
            new CompletenessReport(
                Organizations: 3,
                ProfilesMaintained: 1,
                WithAdministrators: 1,
                WithBackupAdministrators: 1,
                Members: 4,
                UpdatedThisMonth: 2,
                WithDuesStandard: 3,
                WithPhoto: 1,
                FieldsFilled: 13,
                FieldsExpected: 27
            ),
            report
        );
        Assert.Equal(13 / 27.0, report.Completeness, 6);
        Assert.Equal(0.5, report.UpdateRate);

        // February: nobody maintained a profile, two members (m[1] no: January) were updated.
        var february = await app.WithDbAsync(db => CompletenessReport.ForAsync(db, town.Path, 202702));
        Assert.Equal((0, 1), (february.ProfilesMaintained, february.UpdatedThisMonth));

        // Branch B alone: no members, only a backup administrator.
        var onlyB = await app.WithDbAsync(db => CompletenessReport.ForAsync(db, b.Path, 202703));
        Assert.Equal(
            (1, 0, 0, 1, 0),
            (
                onlyB.Organizations,
                onlyB.ProfilesMaintained,
                onlyB.WithAdministrators,
                onlyB.WithBackupAdministrators,
                onlyB.Members
            )
        );
        _ = a;
    }

    [Fact]
    public async Task Dashboard_ShowsTheRates_TheChildren_AndWhoPullsThemDown()
    {
        var (town, a, b, members) = await HandBuiltAsync();
        var client = await app.SignInAsAdministratorOfAsync(town);
        var page = await client.GetDocumentAsync($"/Completeness?org={town.Id}&month=202703");
        var html = page.Body!.TextContent;
        // label, rate, part / whole
        string[] Card(string id) => [.. page.One($"#rate-{id}").Children.Select(c => c.Text())];
        Assert.Equal(["组织简介本月维护率", "33.3%", "1 / 3 个组织"], Card("profile"));
        Assert.Equal(["50.0%", "2 / 4 名党员"], Card("updated")[1..]);
        Assert.Equal("75.0%", Card("dues")[1]);
        Assert.Equal("25.0%", Card("photo")[1]);
        Assert.Equal(["48.1%", "13 / 27 项"], Card("complete")[1..]);
        Assert.Contains(a.Name, html);
        Assert.Contains("乙支部", html);
        Assert.Contains("未配备管理员", html);
        // Each child organization's completeness as a bar, with the same figure in the chart's table.
        Assert.NotNull(page.QuerySelector("svg#children-chart"));
        Assert.Equal(
            page.TableRows("#children").Select(r => double.Parse(r[^1].TrimEnd('%'), CultureInfo.InvariantCulture)),
            page.TableRows("#children-chart-table").Select(r => double.Parse(r[1], CultureInfo.InvariantCulture))
        );
        // Least complete first; the complete member updated this month is not listed.
        var lagging = page.TableRows("#lagging");
        Assert.Equal(["全缺", "只有党费", "预备五项"], lagging.Select(r => r[0]));
        Assert.Equal("籍贯、工作岗位、工作单位、家庭住址、照片、党费标准、转正日期", lagging[0][3]);
        _ = (b, members);
    }

    [Fact]
    public async Task AdminOfAnotherTown_Gets404_AndAMemberCannotOpenIt()
    {
        var (town, a, _, members) = await HandBuiltAsync();
        var (other, _) = await app.AddTownAsync("他镇");
        var client = await app.SignInAsAdministratorOfAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Completeness?org={town.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Completeness?org={a.Id}")).StatusCode);
        var own = await client.GetStringAsync("/Completeness");
        Assert.DoesNotContain("全缺", own);

        var member = await app.SignInAsMemberAsync(members[0]);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync($"/Completeness?org={a.Id}")).StatusCode);
    }

    [Fact]
    public async Task DistrictQueries_ReadTheCompletenessIndex_NotAMemberRowEach()
    {
        // SQLite's plan, fixed by the schema: a row lookup per member cost the dashboard 79 ms a page at 20,000.
        Assert.SkipWhen(TestApp.OnPostgres, "SQLite's query plan");
        var (from, to) = (Utc(2027, 2, 28, 16), Utc(2027, 3, 31, 16));
        var lines = await app.WithDbAsync(async db =>
            (await QueryPlan.MembersLinesAsync(db, CompletenessReport.SumsPerOrganization(db, "/", from, to)))
                .Concat(await QueryPlan.MembersLinesAsync(db, CompletenessReport.Lagging(db, "/", from).Take(50)))
                .ToList()
        );
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(QueryPlan.IndexOnly(l), l));
    }
}
