using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>通报设置与下月目标 (/Bulletins/Settings): the issuer's settings and a month's targets saved from the form,
/// refused whole with Chinese errors, shown as the schedule will act, kept inside the caller's subtree, and read by the
/// bulletin of the month before.</summary>
public sealed class BulletinSettingsTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Url(Organization org, string? handler = null) =>
        $"/Bulletins/Settings?org={org.Id}" + (handler is null ? "" : $"&handler={handler}");

    private int NextMonth => ChinaTime.NextMonth(app.Clock.MonthInChina());

    private static Dictionary<string, string> SettingsForm(string weights = "1") =>
        new()
        {
            ["Settings.RatesFromMonth"] = "3",
            ["Settings.SubmissionMonths"] = "2",
            ["Settings.Automatic"] = "false",
            ["Settings.Weights.Profiles"] = "2",
            ["Settings.Weights.Administrators"] = weights,
            ["Settings.Weights.MemberInfo"] = weights,
            ["Settings.Weights.Activities"] = weights,
            ["Settings.Weights.WorkUpdates"] = weights,
            ["Settings.Weights.Notices"] = weights,
            ["Settings.Weights.AlbumPhotos"] = weights,
            ["Settings.Weights.AdministratorSignIns"] = weights,
            ["Settings.Weights.MemberUsage"] = "0.5",
            ["Settings.Weights.DuesStandards"] = weights,
            ["Settings.Weights.MemberPhotos"] = "0",
        };

    private Dictionary<string, string> TargetsForm(int month) =>
        new()
        {
            ["Targets.Month"] = TargetsInput.MonthValue(month),
            ["Targets.ActivitiesPerBranch"] = "2",
            ["Targets.AlbumPhotosPerBranch"] = "3",
            ["Targets.WorkUpdatesPerBranch"] = "1",
            ["Targets.NoticesPerBranch"] = "4",
            ["Targets.ThoughtReportsPerProbationary"] = "2",
            ["Targets.OrganSignInRate"] = "100",
            ["Targets.OverallSignInRate"] = "45.5",
            ["Targets.AdminSignInRate"] = "90",
            ["Targets.CompletenessRate"] = "100",
            ["Targets.DuesRate"] = "80",
            ["Targets.CatchUpBy"] = $"{month / 100:D4}-{month % 100:D2}-10",
        };

    private static Dictionary<string, string> With(
        Dictionary<string, string> form,
        params (string Key, string Value)[] changes
    )
    {
        foreach (var (key, value) in changes)
            form[key] = value;
        return form;
    }

    [Fact]
    public async Task SavingSettings_StoresThemWithTheWeightsAsJson_AndAudits()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        var answer = await TestApp.PostFormAsync(client, Url(d.Root), SettingsForm(), Url(d.Root, "Settings"));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var row = await app.WithDbAsync(db => db.BulletinSettings.SingleAsync(s => s.OrganizationId == d.Root.Id));
        Assert.Equal(
            (3, 2, false, d.Root.Path),
            (row.RatesFromMonth, row.SubmissionMonths, row.Automatic, row.OrgPath)
        );
        Assert.Equal(
            new CompositeWeights(Profiles: 2, MemberUsage: 0.5m, MemberPhotos: 0),
            CompositeWeights.Parse(row.CompositeWeights)
        );
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a =>
                    a.EntityType == nameof(BulletinSettings)
                    && a.EntityId == row.Id.ToString()
                    && a.Action == AuditAction.Created
                )
            )
        );

        // The page shows what was saved; the schedule now follows the row (automatic off for this root).
        var page = await client.GetDocumentAsync(Url(d.Root));
        Assert.Contains("已保存", page.TextOf("#status"));
        Assert.Null(page.One("#Settings_Automatic").GetAttribute("checked"));
        Assert.Equal("3", page.One("#Settings_RatesFromMonth option[selected]").GetAttribute("value"));
        Assert.Equal("0.5", page.One("#Settings_Weights_MemberUsage").GetAttribute("value"));
        Assert.DoesNotContain(await app.WithDbAsync(db => BulletinSchedule.IssuersAsync(db, default)), o =>
            o.Id == d.Root.Id
        );

        // Saving again changes the same row (one per organization) and is audited as a change.
        await TestApp.PostFormAsync(
            client,
            Url(d.Root),
            With(SettingsForm(), ("Settings.Automatic", "true")),
            Url(d.Root, "Settings")
        );
        Assert.True(
            await app.WithDbAsync(db =>
                db.BulletinSettings.Where(s => s.OrganizationId == d.Root.Id).Select(s => s.Automatic).SingleAsync()
            )
        );
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a =>
                    a.EntityType == nameof(BulletinSettings)
                    && a.EntityId == row.Id.ToString()
                    && a.Action == AuditAction.Updated
                )
            )
        );
    }

    [Fact]
    public async Task TheAutomaticBox_ShowsWhatTheScheduleDoes_CheckedForARootWithoutSettings_UncheckedForATown()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        var root = await client.GetDocumentAsync(Url(d.Root));
        Assert.NotNull(root.One("#Settings_Automatic").GetAttribute("checked"));
        Assert.Contains("自动生成", root.TextOf("#settings-default"));
        Assert.Contains(await app.WithDbAsync(db => BulletinSchedule.IssuersAsync(db, default)), o =>
            o.Id == d.Root.Id
        );

        var town = await client.GetDocumentAsync(Url(d.East));
        Assert.Null(town.One("#Settings_Automatic").GetAttribute("checked"));

        // Without ?org= the page works on the caller's first administered organization that is not a branch.
        var townClient = await app.SignInAsAdministratorOfAsync(d.East1, d.West);
        Assert.Contains("西镇党委", (await townClient.GetDocumentAsync("/Bulletins/Settings")).TextOf("h1"));
        // The bulletins page links here.
        Assert.Contains(
            "/Bulletins/Settings",
            (await client.GetDocumentAsync("/Bulletins")).LinkHrefs("#settings-link")
        );
    }

    [Fact]
    public async Task SavingTargets_StoresRatesAsFractions_PreviewsTheWording_AndTheBulletinOfTheMonthBeforePrintsThem()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        // The form opens on next month, with the seed's defaults.
        var blank = await client.GetDocumentAsync(Url(d.Root));
        Assert.Equal(
            ("month", TargetsInput.MonthValue(NextMonth)),
            (blank.One("#month").GetAttribute("type"), blank.One("#month").GetAttribute("value"))
        );
        Assert.Equal(TargetsInput.MonthValue(NextMonth), blank.One("#Targets_Month").GetAttribute("value"));
        Assert.Equal("40", blank.One("#Targets_OverallSignInRate").GetAttribute("value"));
        Assert.Empty(blank.QuerySelectorAll("#targets-preview"));

        var answer = await TestApp.PostFormAsync(client, Url(d.Root), TargetsForm(NextMonth), Url(d.Root, "Targets"));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var row = await app.WithDbAsync(db => db.BulletinTargets.SingleAsync(t => t.OrganizationId == d.Root.Id));
        Assert.Equal(
            (NextMonth, 2, 3, 1, 4, 2),
            (
                row.Month,
                row.ActivitiesPerBranch,
                row.AlbumPhotosPerBranch,
                row.WorkUpdatesPerBranch,
                row.NoticesPerBranch,
                row.ThoughtReportsPerProbationary
            )
        );
        Assert.Equal(
            (1m, 0.455m, 0.9m, 1m, 0.8m),
            (row.OrganSignInRate, row.OverallSignInRate, row.AdminSignInRate, row.CompletenessRate, row.DuesRate)
        );
        Assert.Equal(new DateOnly(NextMonth / 100, NextMonth % 100, 10), row.CatchUpBy);
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a =>
                    a.EntityType == nameof(BulletinTargets) && a.EntityId == row.Id.ToString()
                )
            )
        );

        var saved = await client.GetDocumentAsync(answer.Headers.Location!.OriginalString);
        Assert.Equal("45.5", saved.One("#Targets_OverallSignInRate").GetAttribute("value"));
        var preview = saved.TextOf("#targets-preview");
        Assert.Contains("每个支部至少发起组织活动2次", preview);
        Assert.Contains("全体党员登录率达到45.5%以上", preview);
        Assert.Contains($"在{NextMonth % 100}月10日前完成", preview);

        // The bulletin of this month (the month before) says next month's targets are these.
        var bulletin = await app.WithDbAsync(
            async (db, sp) =>
                (
                    await sp.GetRequiredService<BulletinGenerator>()
                        .GenerateAsync(
                            (await ScopedOrg.PickAsync(db, d.Root.Id))!,
                            app.Clock.MonthInChina(),
                            automatic: false,
                            default
                        )
                )!
        );
        var next = BulletinContent.FromJson(bulletin.Content).Targets;
        Assert.Equal(
            (NextMonth, true, 2, 0.455m),
            (next.NextMonth, next.Next.SetByIssuer, next.Next.ActivitiesPerBranch, next.Next.OverallSignInRate)
        );
        var printed = (await client.GetDocumentAsync($"/Bulletins/{bulletin.Id}")).TextOf("#section-targets");
        Assert.Contains("每个支部至少发起组织活动2次", printed);
        Assert.Contains("全体党员登录率达到45.5%以上", printed);
    }

    [Fact]
    public async Task BadSettings_AreRefusedWithChineseErrorsNextToTheFields_AndNothingIsSaved()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        var answer = await TestApp.PostFormAsync(
            client,
            Url(d.Root),
            With(
                SettingsForm(),
                ("Settings.RatesFromMonth", "13"),
                ("Settings.SubmissionMonths", ""),
                ("Settings.Weights.Profiles", "-1"),
                ("Settings.Weights.Notices", "很多"),
                ("Settings.Weights.MemberUsage", "0.125")
            ),
            Url(d.Root, "Settings")
        );
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await Html.ParseAsync(answer);
        string Error(string field) => page.TextOf($"[data-valmsg-for='{field}']");
        Assert.Equal("“截止月底”比率自几月起算应为1到12月", Error("Settings.RatesFromMonth"));
        Assert.Equal("请选择信息报送统计月数", Error("Settings.SubmissionMonths"));
        Assert.Equal(CompositeWeights.InvalidMessage, Error("Settings.Weights.Profiles"));
        Assert.Equal("“很多”不是有效的组织公告发布率", Error("Settings.Weights.Notices"));
        Assert.Equal("权重最多保留两位小数", Error("Settings.Weights.MemberUsage"));
        Assert.Equal("很多", page.One("#Settings_Weights_Notices").GetAttribute("value"));

        // All weights zero: the composite has nothing to weigh.
        var zero = await TestApp.PostFormAsync(
            client,
            Url(d.Root),
            With(SettingsForm("0"), ("Settings.Weights.Profiles", "0"), ("Settings.Weights.MemberUsage", "0")),
            Url(d.Root, "Settings")
        );
        Assert.Equal(
            CompositeWeights.InvalidMessage,
            (await Html.ParseAsync(zero)).TextOf("[data-valmsg-for='Settings.Weights']")
        );

        Assert.Equal(
            0,
            await app.WithDbAsync(db => db.BulletinSettings.CountAsync(s => s.OrganizationId == d.Root.Id))
        );
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a => a.EntityType == nameof(BulletinSettings) && a.OrgPath == d.Root.Path)
            )
        );
    }

    [Fact]
    public async Task BadTargets_AreRefusedWithChineseErrorsNextToTheFields_AndNothingIsSaved()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);
        var lastMonth = ChinaTime.PreviousMonth(app.Clock.MonthInChina());

        var answer = await TestApp.PostFormAsync(
            client,
            Url(d.Root),
            With(
                TargetsForm(NextMonth),
                ("Targets.ActivitiesPerBranch", "101"),
                ("Targets.AlbumPhotosPerBranch", "1.5"),
                ("Targets.NoticesPerBranch", ""),
                ("Targets.OverallSignInRate", "120"),
                ("Targets.DuesRate", "33.333"),
                ("Targets.CatchUpBy", "2001-01-10")
            ),
            Url(d.Root, "Targets")
        );
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await Html.ParseAsync(answer);
        string Error(string field) => page.TextOf($"[data-valmsg-for='{field}']");
        Assert.Equal("每个支部发起组织活动(次)应为0到100之间的整数", Error("Targets.ActivitiesPerBranch"));
        Assert.Equal("“1.5”不是有效的每个支部上传相册照片(张)", Error("Targets.AlbumPhotosPerBranch"));
        Assert.Equal("请填写每个支部发布组织公告(次)", Error("Targets.NoticesPerBranch"));
        Assert.Equal("请填写0到100之间的百分数", Error("Targets.OverallSignInRate"));
        Assert.Equal("百分数最多保留两位小数", Error("Targets.DuesRate"));
        Assert.StartsWith("完成期限应在", Error("Targets.CatchUpBy"));
        Assert.Equal("", Error("Targets.OrganSignInRate"));

        // A month that has passed, and a month typed as a number instead of chosen, are refused too.
        var past = await TestApp.PostFormAsync(client, Url(d.Root), TargetsForm(lastMonth), Url(d.Root, "Targets"));
        Assert.Equal(
            "只能为本月或以后的月份设定目标",
            (await Html.ParseAsync(past)).TextOf("[data-valmsg-for='Targets.Month']")
        );
        var typed = await TestApp.PostFormAsync(
            client,
            Url(d.Root),
            With(TargetsForm(NextMonth), ("Targets.Month", NextMonth.ToString())),
            Url(d.Root, "Targets")
        );
        Assert.Equal("请选择目标月份", (await Html.ParseAsync(typed)).TextOf("[data-valmsg-for='Targets.Month']"));

        Assert.Equal(0, await app.WithDbAsync(db => db.BulletinTargets.CountAsync(t => t.OrganizationId == d.Root.Id)));
    }

    [Fact]
    public async Task AnOrganizationOutsideTheCallersSubtree_OrABranch_Answers404_ForGetAndPost()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var other = await BulletinDistrict.BuildAsync(app);
        var outsider = await app.SignInAsAdministratorOfAsync(other.Root);
        var town = await app.SignInAsAdministratorOfAsync(d.East);

        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync("/Bulletins/Settings")).StatusCode);
        foreach (
            var (client, org) in new[]
            {
                (outsider, d.Root),
                (outsider, d.East),
                (town, d.Root),
                (town, d.West),
                (town, d.East1),
            }
        )
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(org))).StatusCode);
            // The token comes from the caller's own page; the post names the other organization.
            var settings = await TestApp.PostFormAsync(
                client,
                "/Bulletins/Settings",
                SettingsForm(),
                Url(org, "Settings")
            );
            Assert.Equal(HttpStatusCode.NotFound, settings.StatusCode);
            var targets = await TestApp.PostFormAsync(
                client,
                "/Bulletins/Settings",
                TargetsForm(NextMonth),
                Url(org, "Targets")
            );
            Assert.Equal(HttpStatusCode.NotFound, targets.StatusCode);
        }
        Assert.Equal(
            0,
            await app.WithDbAsync(db => db.BulletinSettings.CountAsync(s => s.OrgPath.StartsWith(d.Root.Path)))
        );
        Assert.Equal(
            0,
            await app.WithDbAsync(db => db.BulletinTargets.CountAsync(t => t.OrgPath.StartsWith(d.Root.Path)))
        );

        // A member who administers nothing has no page here at all.
        var (_, member) = await app.SignInAsMemberAsync(d.East1);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/Bulletins/Settings")).StatusCode);
    }
}
