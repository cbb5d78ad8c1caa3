using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Data;

public sealed class DemoDistrictTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Generate_BuildsABelievableDistrict_WithValidIdsAndWorkingDemoSignIns()
    {
        var result = await app.WithDbAsync((db, sp) => sp.GetRequiredService<DemoDistrict>().GenerateAsync(600));
        Assert.Equal(600, result.Members);

        await app.WithDbAsync(
            async (db, sp) =>
            {
                var pii = sp.GetRequiredService<PiiProtector>();
                var towns = await db.Organizations.CountAsync(o => o.Parent!.Code == "D" && o.Code.StartsWith("T"));
                Assert.Equal(10, towns);
                Assert.True(
                    await db.Organizations.AnyAsync(o =>
                        o.Category == OrgCategory.NonPublic && o.Kind == OrgKind.Branch
                    )
                );
                Assert.True(
                    await db.Organizations.AnyAsync(o => o.Category == OrgCategory.Organ && o.Kind == OrgKind.Branch)
                );
                Assert.True(await db.Organizations.AnyAsync(o => o.Category == OrgCategory.Village));
                Assert.True(await db.Organizations.AnyAsync(o => o.Category == OrgCategory.Community));
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                foreach (var m in await db.Members.OrderBy(m => m.Id).Take(200).ToListAsync())
                {
                    var id = pii.Decrypt(m.IdNumberCipher);
                    Assert.Null(IdNumber.Validate(id, today));
                    Assert.Equal(m.BirthDate, IdNumber.BirthDate(id));
                    Assert.Null(Mobile.Validate(m.Mobile));
                    Assert.InRange(m.Name.Length, 2, 3);
                }
                Assert.Equal(
                    await db.Members.CountAsync(),
                    await db.Members.Select(m => m.IdNumberHash).Distinct().CountAsync()
                );
                Assert.True(await db.Members.AllAsync(m => m.Organization.Kind == OrgKind.Branch));
                // A few recruits per branch, each with its history, dated as the development rules allow.
                var recruits = await db.Recruits.Include(r => r.Steps).ToListAsync();
                Assert.InRange(recruits.Count, 50, 400);
                Assert.True(await db.Recruits.AllAsync(r => r.Organization.Kind == OrgKind.Branch));
                foreach (var r in recruits)
                {
                    Assert.Equal((int)r.Stage, r.Steps.Count);
                    Assert.True(r.ActivistOn is null || r.AppliedOn <= r.ActivistOn);
                    Assert.True(r.CandidateOn is null || r.ActivistOn!.Value.AddYears(1) <= r.CandidateOn);
                    // China's today may be UTC's tomorrow
                    Assert.True((r.CandidateOn ?? r.ActivistOn ?? r.AppliedOn) <= today.AddDays(1));
                    Assert.Null(Mobile.Validate(r.Mobile));
                }
                // Organization life: past activities with attendance, and one to come per chosen branch; a year of
                // history.
                var now = app.Clock.GetUtcNow().UtcDateTime;
                Assert.InRange(await db.Activities.CountAsync(a => a.StartsAt > now), 20, 40);
                Assert.InRange(await db.Activities.CountAsync(), 200, 3000);
                Assert.True(await db.ActivityParticipants.AnyAsync(p => p.CheckedInAt != null));
                Assert.True(await db.ActivityParticipants.AllAsync(p => p.OrgPath == p.Activity.OrgPath));
                // Member services: bookings ahead, funds whose balance is the sum of their rows, applications in every
                // state, a lecture with attendance and volunteer hours confirmed.
                Assert.True(await db.Bookings.CountAsync(b => b.StartsAt > DateTime.UtcNow) >= 9);
                var funds = await db
                    .Funds.Select(f => new
                    {
                        f.Balance,
                        Sum = db.FundEntries.Where(e => e.FundId == f.Id).Sum(e => e.Amount),
                    })
                    .ToListAsync();
                Assert.Equal(2, funds.Count);
                foreach (var f in funds)
                    Assert.Equal(f.Balance, f.Sum);
                Assert.Equal(
                    [AidStatus.InReview, AidStatus.Returned, AidStatus.Paid],
                    (await db.AidApplications.Select(a => a.Status).ToListAsync()).Order()
                );
                Assert.True(await db.LectureAttendance.AnyAsync());
                Assert.True(await db.VolunteerSignUps.AnyAsync(v => v.Hours != null));
                return 0;
            }
        );

        foreach (var (card, _) in DemoDistrict.Accounts)
        {
            var client = app.NewClient();
            var response = await TestApp.SignInAsync(client, card, DemoDistrict.Password);
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }
        var town = await app.SignedInClientAsync(DemoDistrict.Accounts[1].Card, DemoDistrict.Password);
        var tree = await town.GetStringAsync("/Organizations");
        Assert.Contains("东城街道党工委", tree);
        Assert.DoesNotContain("西城街道", tree);
        var west = await app.SignedInClientAsync(DemoDistrict.Accounts[4].Card, DemoDistrict.Password);
        var westTree = await west.GetStringAsync("/Organizations");
        Assert.Contains("西城街道党工委", westTree);
        Assert.DoesNotContain("东城街道", westTree);
        var westBranch = await app.SignedInClientAsync(DemoDistrict.Accounts[5].Card, DemoDistrict.Password);
        Assert.Contains("西城街道第一社区党支部", await westBranch.GetStringAsync("/Organizations"));
        await AssertDemoSitesAsync();
        await AssertUnitsDifferAsync();
    }

    /// <summary>The year of history makes units differ: 学习统计's town ranking this month and the bulletin's units last
    /// month (their composite and activity rates) are not all one value, let alone all zero.</summary>
    private async Task AssertUnitsDifferAsync()
    {
        var district = await app.SignedInClientAsync(DemoDistrict.Accounts[0].Card, DemoDistrict.Password);
        var ranking = (await district.GetDocumentAsync("/Study/Stats")).TableRows("#town-ranking");
        var averages = ranking.Select(r => r[2]).ToList();
        Assert.True(averages.Count >= 10, $"{averages.Count} towns ranked");
        Assert.True(averages.Distinct().Count() >= averages.Count / 2, string.Join(", ", averages));
        Assert.DoesNotContain("0.0", averages.Take(3));

        var month = ChinaTime.PreviousMonth(app.Clock.MonthInChina());
        var figures = await app.WithDbAsync(
            async (db, sp) =>
            {
                var root = await db.Organizations.SingleAsync(o => o.ParentId == null);
                var issuer = (await ScopedOrg.PickAsync(db, root.Id))!;
                var bulletin = await sp.GetRequiredService<BulletinGenerator>()
                    .GenerateAsync(issuer, month, automatic: false, default);
                return BulletinContent
                    .FromJson(bulletin!.Content)
                    .Figures()
                    .Where(f => f.UnitId != null && f.UnitId != root.Id)
                    .ToList();
            }
        );
        foreach (var key in new[] { "platform.composite_rate", "platform.activity_rate", "platform.member_usage_rate" })
        {
            var values = figures.Where(f => f.Key == key).Select(f => f.Value).ToList();
            Assert.True(values.Distinct().Count() >= 3, $"{key}: {string.Join(", ", values)}");
        }
    }

    /// <summary>About 120 remote-education sites of Xingning's kinds, each with a set-top box, a modem and a
    /// television,
    /// a few pieces in 故障 with their history, maintenance in yuan, two sites 停用; last month's 站点使用统计 shows
    /// sites meeting the 240-minute rule, sites short of it and "0"-minute sites named by town.</summary>
    private async Task AssertDemoSitesAsync()
    {
        await app.WithDbAsync(async db =>
        {
            var sites = await db
                .Sites.Select(s => new
                {
                    s.Id,
                    s.Kind,
                    s.Status,
                    s.Batch,
                    s.AdministratorId,
                    s.OperatorId,
                    Kinds = s.Equipment.Select(e => e.Kind).ToList(),
                })
                .ToListAsync();
            Assert.InRange(sites.Count, 110, 130);
            Assert.Equal(
                [
                    SiteKind.District,
                    SiteKind.Town,
                    SiteKind.Village,
                    SiteKind.TownCommunity,
                    SiteKind.UrbanCommunity,
                    SiteKind.BusMembersHome,
                    SiteKind.Organ,
                ],
                sites.Select(s => s.Kind).Distinct().Order()
            );
            Assert.All(sites, s =>
                Assert.Superset(
                    new HashSet<EquipmentKind>
                    {
                        EquipmentKind.SetTopBox,
                        EquipmentKind.Modem,
                        EquipmentKind.Television,
                    },
                    s.Kinds.ToHashSet()
                )
            );
            Assert.Equal([1, 2, 3, 4], sites.Select(s => s.Batch!.Value).Distinct().Order());
            Assert.Equal(2, sites.Count(s => s.Status == SiteStatus.Stopped));
            Assert.True(
                sites.Count(s =>
                    s.AdministratorId is not null && s.OperatorId is not null && s.AdministratorId != s.OperatorId
                ) > 90
            );
            var faulty = await db
                .Equipment.Where(e => e.State != EquipmentState.Normal)
                .Select(e => e.History.OrderBy(h => h.ChangedAt).Select(h => h.To).ToList())
                .ToListAsync();
            Assert.InRange(faulty.Count, 3, 15);
            Assert.All(faulty, h => Assert.Equal([EquipmentState.Normal, EquipmentState.Faulty], h.Take(2)));
            Assert.Equal(
                await db.Equipment.CountAsync(),
                await db.EquipmentStateChanges.Where(h => h.From == null).CountAsync()
            );
            var costs = await db.SiteMaintenance.Select(m => m.Cost).ToListAsync();
            Assert.InRange(costs.Count, 5, 40);
            Assert.Contains(costs, c => decimal.Truncate(c) != c);
            return 0;
        });
        var district = await app.SignedInClientAsync(DemoDistrict.Accounts[0].Card, DemoDistrict.Password);
        var page = Html.Parse(await district.GetStringAsync("/Sites/Usage"));
        var met = int.Parse(
            page.QuerySelector("#total-met")!.TextContent,
            System.Globalization.CultureInfo.InvariantCulture
        );
        var inUse = int.Parse(
            page.QuerySelector("#total-sites")!.TextContent,
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.InRange(inUse, 110, 130);
        Assert.InRange(met, inUse * 3 / 4, inUse - 5);
        Assert.InRange(
            int.Parse(
                page.QuerySelector("#total-zero")!.TextContent,
                System.Globalization.CultureInfo.InvariantCulture
            ),
            2,
            6
        );
        Assert.Matches("(街道|镇).*还有站点本月使用记录为“0”分钟", page.QuerySelector("#summary")!.TextContent);
        var minutes = page.QuerySelectorAll("#sites tbody tr").Select(r => r.Children[3].TextContent.Trim()).ToList();
        Assert.Contains("0", minutes);
        Assert.Contains(minutes, m => int.TryParse(m, out var n) && n is > 0 and < 240);
        // One site's month looks chased on every count (月末突击, 定时空播, 超长收看, 循环播放).
        var signals = page.QuerySelectorAll("#signals details")
            .GroupBy(d => d.GetAttribute("data-site"), d => d.GetAttribute("data-signal"))
            .ToList();
        Assert.Single(signals, g => g.Order().SequenceEqual(["LastDays", "LongSession", "Loop", "SameMinute"]));
    }

    [Fact]
    public async Task Generate_IsDeterministic()
    {
        static async Task<List<string>> NamesAsync(int members)
        {
            await using var other = new TestApp();
            await other.InitializeAsync();
            await other.WithDbAsync((db, sp) => sp.GetRequiredService<DemoDistrict>().GenerateAsync(members));
            return await other.WithDbAsync(db =>
                db.Members.OrderBy(m => m.Id)
                    .Take(50)
                    .Select(m => m.Name + m.IdNumberMasked + m.Organization.Code)
                    .ToListAsync()
            );
        }
        Assert.Equal(await NamesAsync(300), await NamesAsync(300));
    }
}
