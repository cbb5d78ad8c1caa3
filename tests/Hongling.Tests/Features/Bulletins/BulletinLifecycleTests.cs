using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>The bulletin's life: generated and frozen, versions and 第N期, exactly one automatic bulletin per month,
/// the scope (drafts for the issuer only, published ones for its subtree), publishing as an announcement, the
/// editor's text, and the documents.</summary>
public sealed class BulletinLifecycleTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly DateTime InOctober = new(2026, 10, 15, 2, 0, 0, DateTimeKind.Utc);

    private Task<Bulletin> GenerateAsync(Organization issuer, int month, bool automatic = false) =>
        app.WithDbAsync(
            async (db, sp) =>
            {
                var org = (await ScopedOrg.PickAsync(db, issuer.Id))!;
                return (
                    await sp.GetRequiredService<BulletinGenerator>().GenerateAsync(org, month, automatic, default)
                )!;
            }
        );

    private static Activity ActivityOf(Organization o, DateTime at) =>
        new()
        {
            OrganizationId = o.Id,
            AudiencePath = o.Path,
            Topic = "主题党日",
            Place = "活动室",
            StartsAt = at,
            EndsAt = at.AddHours(1),
            CreatedAt = at,
        };

    [Fact]
    public async Task Generating_FreezesTheFigures_AndRegeneratingAddsAVersionUnderTheSameNumber()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        await app.WithDbAsync(db =>
        {
            db.Activities.Add(ActivityOf(d.West1, InOctober));
            return db.SaveChangesAsync();
        });

        var first = await GenerateAsync(d.Root, 202610);
        Assert.Equal((1, 1, true), (first.Number, first.Version, first.IsCurrent));
        decimal WestActivities(Bulletin b) =>
            BulletinContent
                .FromJson(b.Content)
                .Figures()
                .Single(f => f.Key == "targets.met.activities" && f.UnitId == d.West.Id)
                .Value;
        Assert.Equal(1, WestActivities(first));

        // New rows do not change a stored bulletin: its figures are frozen.
        await app.WithDbAsync(db =>
        {
            db.Activities.RemoveRange(db.Activities.Where(a => a.OrganizationId == d.West1.Id));
            return db.SaveChangesAsync();
        });
        var stored = await app.WithDbAsync(db => db.Bulletins.SingleAsync(b => b.Id == first.Id));
        Assert.Equal(1, WestActivities(stored));

        // Regenerating makes version 2 of 第1期 and keeps version 1.
        var second = await GenerateAsync(d.Root, 202610);
        Assert.Equal((1, 2, 0m), (second.Number, second.Version, WestActivities(second)));
        var versions = await app.WithDbAsync(db =>
            db.Bulletins.Where(b => b.OrganizationId == d.Root.Id)
                .OrderBy(b => b.Version)
                .Select(b => new { b.Version, b.IsCurrent })
                .ToListAsync()
        );
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.IsCurrent)));

        // Numbered per issuer and year: November is 第2期, January of the next year 第1期 again.
        Assert.Equal(2, (await GenerateAsync(d.Root, 202611)).Number);
        Assert.Equal(1, (await GenerateAsync(d.Root, 202701)).Number);
        // Another issuer numbers on its own.
        Assert.Equal(1, (await GenerateAsync(d.East, 202610)).Number);
    }

    [Fact]
    public async Task TheSchedule_MakesOneAutomaticBulletinPerIssuerAndMonth_EvenWithTwoInstances()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var saved = app.Clock.GetUtcNow();
        try
        {
            // 1 November, 07:59 China time: too early.
            app.Clock.AdjustTime(new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero));
            await app.Services.GetRequiredService<BulletinSchedule>().RunOnceAsync();
            Assert.Equal(0, await app.WithDbAsync(db => db.Bulletins.CountAsync(b => b.OrganizationId == d.Root.Id)));

            // 08:01: both instances run their pass at once; the district gets one bulletin for October.
            app.Clock.AdjustTime(new DateTimeOffset(2026, 11, 1, 0, 1, 0, TimeSpan.Zero));
            using var second = app.SecondInstance();
            await Task.WhenAll(
                app.Services.GetRequiredService<BulletinSchedule>().RunOnceAsync(),
                second.Services.GetRequiredService<BulletinSchedule>().RunOnceAsync()
            );
            var made = await app.WithDbAsync(db =>
                db.Bulletins.Where(b => b.OrganizationId == d.Root.Id).ToListAsync()
            );
            Assert.Equal((202610, true, 1), (made.Single().Month, made.Single().Automatic, made.Single().Version));
            // A town is not made automatically unless its settings ask for it.
            Assert.Equal(0, await app.WithDbAsync(db => db.Bulletins.CountAsync(b => b.OrganizationId == d.East.Id)));

            // The unique key holds even when a writer got past the check: a second version 1 is refused, and the
            // generator, asked for an automatic bulletin of a month that has one, makes none.
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                app.WithDbAsync(db =>
                {
                    db.Bulletins.Add(
                        new Bulletin
                        {
                            OrganizationId = d.Root.Id,
                            AudiencePath = d.Root.Path,
                            Month = 202610,
                            FirstMonth = 202610,
                            Number = 1,
                            Version = 1,
                            Content = made[0].Content,
                            GeneratedAt = DateTime.UtcNow,
                        }
                    );
                    return db.SaveChangesAsync();
                })
            );
            Assert.Null(
                await app.WithDbAsync(
                    async (db, sp) =>
                        await sp.GetRequiredService<BulletinGenerator>()
                            .GenerateAsync(
                                (await ScopedOrg.PickAsync(db, d.Root.Id))!,
                                202610,
                                automatic: true,
                                default
                            )
                )
            );
        }
        finally
        {
            app.Clock.AdjustTime(saved);
        }
    }

    [Fact]
    public async Task ADraft_IsTheIssuers_APublishedBulletin_ReachesItsUnits_AndNothingCrossesToAnotherDistrict()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var other = await BulletinDistrict.BuildAsync(app);
        var bulletin = await GenerateAsync(d.Root, 202610);
        var district = await app.SignInAsAdministratorOfAsync(d.Root);
        var town = await app.SignInAsAdministratorOfAsync(d.East);
        var outsider = await app.SignInAsAdministratorOfAsync(other.Root);
        var (_, member) = await app.SignInAsMemberAsync(d.East1);
        var url = $"/Bulletins/{bulletin.Id}";

        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync(url)).StatusCode);
        foreach (
            var path in new[]
            {
                url,
                $"/Bulletins/Print/{bulletin.Id}",
                $"{url}?handler=Docx",
                $"{url}?handler=Xlsx",
                $"/api/bulletins/{bulletin.Id}/figures",
            }
        )
        {
            Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync(path)).StatusCode);
            if (!path.StartsWith("/api/", StringComparison.Ordinal))
                Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).StatusCode);
        }
        // Nobody but the issuer's administrators may publish, regenerate or edit.
        foreach (var handler in new[] { "Publish", "Regenerate", "Text" })
        {
            var answer = await TestApp.PostFormAsync(
                outsider,
                "/Bulletins",
                new Dictionary<string, string>(),
                $"{url}?handler={handler}"
            );
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        // Publishing: the units read it, and it arrives as an announcement from the district to its subtree.
        var published = await TestApp.PostFormAsync(
            district,
            url,
            new Dictionary<string, string>(),
            $"{url}?handler=Publish"
        );
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var row = await app.WithDbAsync(db => db.Bulletins.SingleAsync(b => b.Id == bulletin.Id));
        Assert.NotNull(row.PublishedAt);
        var notice = await app.WithDbAsync(db => db.Notices.SingleAsync(n => n.Id == row.NoticeId));
        Assert.Equal((d.Root.Id, true), (notice.OrganizationId, notice.AudienceIncludesSubtree));
        Assert.Contains(url, notice.Body);
        Assert.Contains($"{url}?handler=Docx", notice.Body);

        var page = await town.GetDocumentAsync(url);
        Assert.Contains("工作情况通报", page.TextOf("#masthead"));
        Assert.Empty(page.QuerySelectorAll("#publish, #regenerate, #text-form"));
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync($"/api/bulletins/{bulletin.Id}/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        // A member of the subtree follows the announcement's link and reads it, and its documents, but changes nothing.
        Assert.Contains("工作情况通报", (await member.GetDocumentAsync(url)).TextOf("#masthead"));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{url}?handler=Docx")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(member, url, new Dictionary<string, string>(), $"{url}?handler=Text")
            ).StatusCode
        );
        // A unit's administrator still cannot change it.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(town, url, new Dictionary<string, string>(), $"{url}?handler=Regenerate")
            ).StatusCode
        );
    }

    [Fact]
    public async Task TheEditor_ChangesTheTextUntilPublished_NeverTheFigures()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var bulletin = await GenerateAsync(d.Root, 202610);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);
        var url = $"/Bulletins/{bulletin.Id}";

        var tooLong = await TestApp.PostFormAsync(
            client,
            url,
            new Dictionary<string, string>
            {
                ["Text.Opening"] = "导语",
                ["Text.SubmissionsNote"] = new string('字', DetailModel.TextLimit + 1),
            },
            $"{url}?handler=Text"
        );
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("每段文字不超过2000字", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(
            "",
            (await app.WithDbAsync(db => db.Bulletins.SingleAsync(b => b.Id == bulletin.Id))).Text.Opening
        );

        var saved = await TestApp.PostFormAsync(
            client,
            url,
            new Dictionary<string, string>
            {
                ["Text.Opening"] = "全区各级党组织积极利用平台。",
                ["Text.SubmissionsNote"] = "党建电视栏目《信念》播出节目8期。",
                ["Text.SitesComment"] = "",
                ["Text.PlatformComment"] = "",
                ["Text.NextMonth"] = "", // blank, as a browser posts them
                ["Content"] = "{}",
                ["Number"] = "99",
            },
            $"{url}?handler=Text"
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await app.WithDbAsync(db => db.Bulletins.SingleAsync(b => b.Id == bulletin.Id));
        Assert.Equal(
            ("全区各级党组织积极利用平台。", "党建电视栏目《信念》播出节目8期。"),
            (row.Text.Opening, row.Text.SubmissionsNote)
        );
        Assert.Equal((bulletin.Content, 1), (row.Content, row.Number));
        var page = await client.GetDocumentAsync(url);
        Assert.Contains("全区各级党组织积极利用平台。", page.TextOf("#bulletin"));

        await TestApp.PostFormAsync(client, url, new Dictionary<string, string>(), $"{url}?handler=Publish");
        var late = await TestApp.PostFormAsync(
            client,
            url,
            new Dictionary<string, string> { ["Text.Opening"] = "改" },
            $"{url}?handler=Text"
        );
        Assert.Contains("通报已发布,不能再修改文字", await late.Content.ReadAsStringAsync());
        Assert.Equal(
            "全区各级党组织积极利用平台。",
            (await app.WithDbAsync(db => db.Bulletins.SingleAsync(b => b.Id == bulletin.Id))).Text.Opening
        );
    }

    [Fact]
    public async Task TheDocuments_AValidDocx_AndAWorkbookWithTheThreeAttachments()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var bulletin = await GenerateAsync(d.Root, 202610);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        var docx = await client.GetAsync($"/Bulletins/{bulletin.Id}?handler=Docx");
        Assert.Equal(BulletinDocx.ContentType, docx.Content.Headers.ContentType?.MediaType);
        using (
            var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false)
        )
        {
            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.StartsWith("工作情况通报第1期", text);
            Assert.Contains("2026年10月通报区委工作情况通报", text);
            Assert.Contains("附件1", text);
        }

        var xlsx = await client.GetAsync($"/Bulletins/{bulletin.Id}?handler=Xlsx");
        using var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["附件1", "附件2", "附件3"], book.Worksheets.Select(s => s.Name));
    }

    [Fact]
    public async Task TheFiguresApi_GivesEveryFigureByKeyAndUnit_WithLastMonthsValue()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        await app.WithDbAsync(db =>
        {
            db.Activities.Add(ActivityOf(d.West1, InOctober));
            return db.SaveChangesAsync();
        });
        await GenerateAsync(d.Root, 202609);
        var october = await GenerateAsync(d.Root, 202610);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        var answer = await client.GetFromJsonAsync<BulletinsApi.FiguresAnswer>($"/api/bulletins/{october.Id}/figures");
        Assert.Equal((202610, 202609), (answer!.Month, answer.PreviousMonth));
        Assert.Equal(["东镇党委", "西镇党委", "空镇党委"], answer.Units.Select(u => u.Name));
        var west = answer.Figures.Single(f => f.Key == "targets.met.activities" && f.UnitId == d.West.Id);
        Assert.Equal((1m, 0m), (west.Value, west.Previous));
        // 空镇 has no branch: the per-branch targets do not apply to it, so no figure is given.
        Assert.DoesNotContain(answer.Figures, f => f.UnitId == d.Empty.Id && f.Key == "targets.met.activities");
    }

    [Fact]
    public async Task TheComparison_ShowsEachRatesChange_AndEachUnitsRankMove()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        await app.WithDbAsync(db =>
        {
            db.Activities.Add(ActivityOf(d.East1, InOctober.AddMonths(-1)));
            db.Activities.Add(ActivityOf(d.East2, InOctober.AddMonths(-1)));
            db.Activities.Add(ActivityOf(d.West1, InOctober));
            return db.SaveChangesAsync();
        });
        var september = await GenerateAsync(d.Root, 202609);
        var october = await GenerateAsync(d.Root, 202610);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        Assert.Contains(
            "没有上月通报",
            (await client.GetDocumentAsync($"/Bulletins/{september.Id}")).TextOf("#bulletin-comparison")
        );
        var page = await client.GetDocumentAsync($"/Bulletins/{october.Id}");
        // Branches that initiated an activity: 2 of 3 in September, 1 of 3 in October.
        var rate = page.QuerySelector("#comparison-rates tr[data-key='platform.activity_rate']")!;
        Assert.Equal(
            ["支部发起组织活动比例", "33.3%", "66.7%", "较上月-33.3个百分点"],
            rate.Children.Select(c => c.TextContent.Trim())
        );
        // 东镇 led the activities in September, 西镇 in October.
        string Rank(Organization unit) =>
            page.TextOf($"#comparison-ranks tr[data-unit='{unit.Id}'] td[data-key='platform.activities_rank']");
        Assert.Equal("第1名 ↑1", Rank(d.West));
        Assert.Equal("第2名 ↓1", Rank(d.East));
        // Each unit's composite usage rate with its change: 东镇's branches initiated nothing in October.
        Assert.Contains(
            "较上月-",
            page.TextOf($"#comparison-ranks tr[data-unit='{d.East.Id}'] td[data-key='platform.composite_rate']")
        );
    }
}
