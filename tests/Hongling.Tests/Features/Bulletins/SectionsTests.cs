using System.Text.Json;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Features.Sites;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>Sections 一 and 二 and the data-quality note of <see cref="SectionsWorld"/>, every figure counted by hand
/// (the world's summary says what each row is).</summary>
public sealed class SectionsTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly BulletinPeriod Period = new(
        SectionsWorld.Month,
        SectionsWorld.FirstMonth,
        new DateOnly(2029, 1, 1)
    );
    private static readonly SitesOptions Rule = new() { RuleMinutes = 240 };
    private SectionsWorld? _world;

    private async Task<SectionsWorld> WorldAsync() => _world ??= await SectionsWorld.BuildAsync(app);

    /// <summary>Runs <paramref name="work"/> as the system (null) or as an administrator of <paramref
    /// name="administers"/>.</summary>
    private async Task<T> AsAsync<T>(
        Organization? administers,
        Organization issuer,
        Func<HonglingDb, ScopedOrg, Task<T>> work
    )
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        if (administers is null)
            db.Scope.BecomeSystem();
        else
            db.Scope.Load([administers.Path], null, null);
        return await work(db, (await ScopedOrg.PickAsync(db, issuer.Id))!);
    }

    private static Dictionary<(string, int?), decimal> Map(IEnumerable<BulletinFigure> figures)
    {
        var list = figures.ToList();
        Assert.Equal(list.Count, list.Select(f => (f.Key, f.UnitId)).Distinct().Count());
        return list.ToDictionary(f => (f.Key, f.UnitId), f => f.Value);
    }

    [Fact]
    public async Task Sites_SmallDistrict_EveryFigureAsCountedByHand()
    {
        var w = await WorldAsync();
        var s = await AsAsync(null, w.District, (db, issuer) => SitesSection.ForAsync(db, issuer, Period, Rule, Ct));
        Assert.True(s.HasData);
        Assert.Null(s.Sibling); // the district is a root: no parent
        var f = Map(s.Figures());
        int D = w.District.Id,
            A = w.A.Id,
            B = w.B.Id,
            C = w.C.Id;

        // Total: in use S1 S2 S3 S5 SD; met S1 (270) S5 (300); "0": S3 SD; stopped S4; minutes 270+120+0+60+300+0.
        Assert.Equal(5, f[("sites.sites", null)]);
        Assert.Equal(2, f[("sites.rule_met", null)]);
        Assert.Equal(0.4m, f[("sites.rule_share", null)]);
        Assert.Equal(2, f[("sites.zero_sites", null)]);
        Assert.Equal(1, f[("sites.stopped", null)]);
        Assert.Equal(750, f[("sites.minutes", null)]);
        Assert.Equal(138.0m, f[("sites.average_minutes", null)]); // (270+120+0+300+0)/5
        Assert.Equal(10, f[("sites.sessions", null)]); // S1 3, S2 1, S4 1, S5 5
        Assert.Equal(18, f[("sites.attendees", null)]);
        Assert.Equal(1, f[("sites.manual_sessions", null)]);
        Assert.Equal(1, f[("sites.late_sessions", null)]);
        Assert.Equal(2, f[("sites.zero_units", null)]); // 甲镇 and the district's own
        Assert.Equal(2, f[("sites.units_ranked", null)]);
        Assert.Equal(
            (2m, 2m, 2m),
            (f[("sites.signal_sites", null)], f[("sites.signals", null)], f[("sites.signal_units", null)])
        );
        Assert.Equal(
            (1m, 1m, 0m, 0m),
            (
                f[("sites.signals.last_days", null)],
                f[("sites.signals.same_minute", null)],
                f[("sites.signals.long_session", null)],
                f[("sites.signals.loop", null)]
            )
        );
        Assert.Equal((2m, 1m), (f[("sites.earlier_arrived", null)], f[("sites.earlier_late", null)]));
        Assert.Equal([202907], s.Earlier.Months);

        // 甲镇: in use S1 S2 S3, met S1, "0" S3; ranked second.
        Assert.Equal(
            (3m, 1m, 0.3333m, 1m, 1m, 450m, 130.0m),
            (
                f[("sites.sites", A)],
                f[("sites.rule_met", A)],
                f[("sites.rule_share", A)],
                f[("sites.zero_sites", A)],
                f[("sites.stopped", A)],
                f[("sites.minutes", A)],
                f[("sites.average_minutes", A)]
            )
        );
        Assert.Equal(
            (5m, 18m, 1m, 1m),
            (
                f[("sites.sessions", A)],
                f[("sites.attendees", A)],
                f[("sites.manual_sessions", A)],
                f[("sites.late_sessions", A)]
            )
        );
        Assert.Equal(
            (2m, 1m, 1m, 1m, 1m),
            (
                f[("sites.rank", A)],
                f[("sites.signal_sites", A)],
                f[("sites.signals", A)],
                f[("sites.earlier_arrived", A)],
                f[("sites.earlier_late", A)]
            )
        );
        // 乙镇: S5 alone, met; ranked first; one July record arrived after China midnight of 1 August.
        Assert.Equal(
            (1m, 1m, 1m, 0m, 300m, 300.0m, 5m),
            (
                f[("sites.sites", B)],
                f[("sites.rule_met", B)],
                f[("sites.rule_share", B)],
                f[("sites.zero_sites", B)],
                f[("sites.minutes", B)],
                f[("sites.average_minutes", B)],
                f[("sites.sessions", B)]
            )
        );
        Assert.Equal(
            (1m, 1m, 1m, 0m),
            (
                f[("sites.rank", B)],
                f[("sites.signal_sites", B)],
                f[("sites.earlier_arrived", B)],
                f[("sites.earlier_late", B)]
            )
        );
        // 丙镇: empty, unranked (no rank figure), every count 0.
        Assert.False(f.ContainsKey(("sites.rank", C)));
        Assert.Equal(
            (0m, 0m, 0m, 0m),
            (f[("sites.sites", C)], f[("sites.minutes", C)], f[("sites.signals", C)], f[("sites.earlier_arrived", C)])
        );
        // The district's own site, in its own row (本级).
        Assert.Equal((1m, 0m, 1m), (f[("sites.sites", D)], f[("sites.rule_met", D)], f[("sites.zero_sites", D)]));

        Assert.Equal([(A, "甲镇党委"), (D, "通报测试区委(本级)")], s.ZeroUnits.Select(z => (z.Id, z.Name)));
        Assert.Equal(["甲一村二号站点"], s.ZeroUnits[0].Sites);
        Assert.Equal([(B, 1, 1), (A, 1, 1)], s.SignalUnits.Select(u => (u.Id, u.Sites, u.Signals)));
        Assert.Equal("2029年8月镇街远程教育使用情况统计表", s.Title);
    }

    [Fact]
    public async Task Sites_RankAmongSiblings_OnlyWhenTheScopeCoversTheParent()
    {
        var w = await WorldAsync();
        var system = await AsAsync(null, w.A, (db, issuer) => SitesSection.ForAsync(db, issuer, Period, Rule, Ct));
        Assert.Equal(new SiblingRank(w.District.Id, "通报测试区委", 2, 2), system.Sibling);
        var f = Map(system.Figures());
        Assert.Equal((2m, 2m), (f[("sites.sibling_rank", null)], f[("sites.siblings_ranked", null)]));
        // 甲镇's own units are its branches: 甲一村 (S1 met, S3 "0": 50%) first, 甲二村 (S2: 0%) second.
        Assert.Equal((1m, 2m), (f[("sites.rank", w.A1.Id)], f[("sites.rank", w.A2.Id)]));
        Assert.Equal(0.5m, f[("sites.rule_share", w.A1.Id)]);
        Assert.Equal("2029年8月甲镇党委远程教育使用情况统计表", system.Title);

        var townAdmin = await AsAsync(w.A, w.A, (db, issuer) => SitesSection.ForAsync(db, issuer, Period, Rule, Ct));
        Assert.Null(townAdmin.Sibling);
        Assert.DoesNotContain(townAdmin.Figures(), x => x.Key.StartsWith("sites.sibling", StringComparison.Ordinal));
        Assert.Equal(f[("sites.minutes", null)], Map(townAdmin.Figures())[("sites.minutes", null)]);
    }

    [Fact]
    public async Task Sites_IssuerWithoutSites_IsAbsentNotZero()
    {
        var w = await WorldAsync();
        var s = await AsAsync(null, w.C, (db, issuer) => SitesSection.ForAsync(db, issuer, Period, Rule, Ct));
        Assert.False(s.HasData);
        Assert.Empty(s.Figures());
        var html = await RenderAsync("/Features/Bulletins/_SitesSection.cshtml", s);
        Assert.Contains("暂无数据", html);
        var q = await AsAsync(null, w.C, async (db, issuer) =>
            await DataQualityNote.ForAsync(db, issuer, Period, s, Ct)
        );
        Assert.Null(q.SiteRecords);
        var qf = Map(q.Figures());
        Assert.False(qf.ContainsKey(("quality.site_manual_sessions", null)));
        Assert.Equal(
            (1m, 1m, 1m, 0m),
            (
                qf[("quality.organizations", null)],
                qf[("quality.orgs_without_members", null)],
                qf[("quality.orgs_without_members_rate", null)],
                qf[("quality.members", null)]
            )
        );
    }

    [Fact]
    public async Task Submissions_TwoMonthPeriod_EveryFigureAsCountedByHand()
    {
        var w = await WorldAsync();
        var s = await AsAsync(null, w.District, (db, issuer) => SubmissionsSection.ForAsync(db, issuer, Period, 3, Ct));
        var f = Map(s.Figures());
        int A = w.A.Id,
            B = w.B.Id,
            C = w.C.Id;

        // Work updates in the period: A 1 Jul 00:00 and 31 Aug 23:59, a1 15 Aug (not 30 Jun 23:59, not 1 Sep 00:00).
        Assert.Equal((11m, 3m), (f[("submissions.website_items", null)], f[("submissions.website_updates", null)]));
        Assert.Equal(
            (10m, 8m, 0.8m, 6m),
            (
                f[("submissions.submitted", null)],
                f[("submissions.adopted", null)],
                f[("submissions.adoption_rate", null)],
                f[("submissions.quota", null)]
            )
        );
        Assert.Equal(
            (1m, 0.3333m, 1m),
            (
                f[("submissions.units_met", null)],
                f[("submissions.units_met_rate", null)],
                f[("submissions.units_silent", null)]
            )
        );
        Assert.Equal(
            (7m, 6m, 1m),
            (f[("submissions.submitted", A)], f[("submissions.adopted", A)], f[("submissions.quota_met", A)])
        );
        Assert.Equal(
            (3m, 2m, 0m),
            (f[("submissions.submitted", B)], f[("submissions.adopted", B)], f[("submissions.quota_met", B)])
        );
        Assert.Equal(
            (0m, 0m, 0m),
            (f[("submissions.submitted", C)], f[("submissions.adopted", C)], f[("submissions.quota_met", C)])
        );
        Assert.False(f.ContainsKey(("submissions.submitted", w.District.Id))); // the district submitted nothing itself
        Assert.Equal([A], s.UnitsMet.Select(u => u.Id));
        Assert.Equal([C], s.UnitsSilent.Select(u => u.Id));
        Assert.Equal("7-8月", s.PeriodText);
        Assert.Equal("2029年7-8月信息及栏目素材报送选用情况统计表", s.Title);

        // August alone: A submitted 4 (5, 6, 31 Aug 23:59, declined) and had 2 adopted: short of 3.
        var august = await AsAsync(null, w.District, (db, issuer) =>
            SubmissionsSection.ForAsync(db, issuer, BulletinPeriod.OfMonth(SectionsWorld.Month), 3, Ct)
        );
        var g = Map(august.Figures());
        Assert.Equal(
            (4m, 2m, 0m, 3m),
            (
                g[("submissions.submitted", A)],
                g[("submissions.adopted", A)],
                g[("submissions.quota_met", A)],
                g[("submissions.quota", null)]
            )
        );
        Assert.Empty(august.UnitsMet);

        // A town issues about its branches, which submit nothing: it is held against the quota itself.
        var town = await AsAsync(w.A, w.A, (db, issuer) => SubmissionsSection.ForAsync(db, issuer, Period, 3, Ct));
        Assert.Equal(
            [(A, true, 7, 6, true)],
            town.Units.Select(u => (u.Id, u.IsIssuerItself, u.Submitted, u.Adopted, u.Met))
        );
        Assert.Equal([A], town.UnitsMet.Select(u => u.Id));
        Assert.Equal(
            (9m, 3m),
            (
                Map(town.Figures())[("submissions.website_items", null)],
                Map(town.Figures())[("submissions.website_updates", null)]
            )
        );
    }

    [Fact]
    public async Task DataQuality_SmallDistrict_EveryFigureAsCountedByHand()
    {
        var w = await WorldAsync();
        var q = await AsAsync(null, w.District, async (db, issuer) =>
            await DataQualityNote.ForAsync(
                db,
                issuer,
                Period,
                await SitesSection.ForAsync(db, issuer, Period, Rule, Ct),
                Ct
            )
        );
        var f = Map(q.Figures());
        int A = w.A.Id,
            B = w.B.Id,
            C = w.C.Id,
            D = w.District.Id;
        // Organizations D A a1 a2 B b1 C; without members a2 (a branch) and C. Members: a1 4 (甲三 without a card; the
        // moved member counts where they are now), b1 2 (乙二 without a card); the departed member counts nowhere.
        Assert.Equal(
            (7m, 2m, 0.2857m, 1m),
            (
                f[("quality.organizations", null)],
                f[("quality.orgs_without_members", null)],
                f[("quality.orgs_without_members_rate", null)],
                f[("quality.branches_without_members", null)]
            )
        );
        Assert.Equal(
            (6m, 2m, 0.3333m),
            (
                f[("quality.members", null)],
                f[("quality.members_without_account", null)],
                f[("quality.members_without_account_rate", null)]
            )
        );
        Assert.Equal(
            (3m, 1m, 1m, 4m, 1m),
            (
                f[("quality.organizations", A)],
                f[("quality.orgs_without_members", A)],
                f[("quality.branches_without_members", A)],
                f[("quality.members", A)],
                f[("quality.members_without_account", A)]
            )
        );
        Assert.Equal(
            (2m, 0m, 2m, 1m),
            (
                f[("quality.organizations", B)],
                f[("quality.orgs_without_members", B)],
                f[("quality.members", B)],
                f[("quality.members_without_account", B)]
            )
        );
        Assert.Equal(
            (1m, 1m, 0m, 0m),
            (
                f[("quality.organizations", C)],
                f[("quality.orgs_without_members", C)],
                f[("quality.branches_without_members", C)],
                f[("quality.members", C)]
            )
        );
        Assert.Equal(
            (1m, 0m, 0m),
            (f[("quality.organizations", D)], f[("quality.orgs_without_members", D)], f[("quality.members", D)])
        );
        Assert.Equal(
            (1m, 1m, 2m, 1m),
            (
                f[("quality.site_manual_sessions", null)],
                f[("quality.site_late_sessions", null)],
                f[("quality.site_earlier_arrived", null)],
                f[("quality.site_earlier_late", null)]
            )
        );
        Assert.Equal(
            ["丙镇党委", "甲二村党支部"],
            q.EmptyOrganizations.Select(o => o.Name).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task Sections_SurviveJson_AndThePartialsWordTheFigures()
    {
        var w = await WorldAsync();
        var (sites, subs, quality) = await AsAsync(null, w.District, async (db, issuer) =>
        {
            var s = await SitesSection.ForAsync(db, issuer, Period, Rule, Ct);
            return (
                s,
                await SubmissionsSection.ForAsync(db, issuer, Period, 3, Ct),
                await DataQualityNote.ForAsync(db, issuer, Period, s, Ct)
            );
        });
        Assert.Equal(
            sites.Figures(),
            JsonSerializer.Deserialize<SitesSection>(JsonSerializer.Serialize(sites))!.Figures()
        );
        Assert.Equal(
            subs.Figures(),
            JsonSerializer.Deserialize<SubmissionsSection>(JsonSerializer.Serialize(subs))!.Figures()
        );
        Assert.Equal(
            quality.Figures(),
            JsonSerializer.Deserialize<DataQualityNote>(JsonSerializer.Serialize(quality))!.Figures()
        );

        var html = Text(await RenderAsync("/Features/Bulletins/_SitesSection.cshtml", sites));
        Assert.Contains("有2个站点学习时间达到或超过每月不少于4小时(240分钟)的规定要求,占40.0%", html);
        Assert.Contains("但甲镇党委、通报测试区委(本级)等2个镇街还有2个站点本月使用记录为“0”分钟", html);
        Assert.Contains("月末突击1处、定时空播1处", html);
        Assert.Contains("2029年8月镇街远程教育使用情况统计表", html);
        html = Text(await RenderAsync("/Features/Bulletins/_SubmissionsSection.cshtml", subs));
        Assert.Contains("7-8月,网站共发布信息11条(其中工作动态3条),报送信息10条,选用8条", html);
        Assert.Contains("甲镇党委等1个单位完成或超额完成了每月3条的报送任务", html);
        Assert.Contains("丙镇党委等1个单位本期未报送信息", html);
        html = Text(await RenderAsync("/Features/Bulletins/_DataQualityNote.cshtml", quality));
        Assert.Contains("共有党组织7个,其中2个(党支部1个)没有党员,占28.6%", html);
        Assert.Contains("共有党员6名,其中2名尚未开通红色身份证账号(33.3%)", html);
    }

    private static string Text(string html) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "")),
            @"\s+",
            ""
        );

    private Task<string> RenderAsync(string path, object model) =>
        PartialRenderer.RenderAsync(app.Services, path, model);
}
