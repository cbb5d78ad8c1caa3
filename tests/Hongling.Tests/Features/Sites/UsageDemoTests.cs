using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Hongling.Web.Infrastructure.OrgScoping;

namespace Hongling.Tests.Features.Sites;

/// <summary>The demo district's viewing sessions (Data/DemoViewing) over sites made here: last month most sites meet
/// the
/// rule, some fall short, a few record nothing, some sessions are manual or late, and one site shows every
/// signal.</summary>
public sealed class UsageDemoTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoViewing_GivesAVariedLastMonthAndATrend()
    {
        var district = await app.AddDistrictAsync("演示用时区委");
        var towns = new[] { await app.AddOrgAsync(district, "演示甲镇"), await app.AddOrgAsync(district, "演示乙镇") };
        var sites = new List<Site>();
        for (var i = 0; i < 60; i++)
            sites.Add(await app.AddSiteAsync(towns[i % 2], $"演示站点{i:D2}"));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var added = await app.WithDbAsync(db => DemoViewing.AddAsync(db, now, Ct));
        Assert.True(added > 60 * 12 * 2, $"{added} sessions");

        var month = SiteUsageReport.LastMonth(app.Clock);
        var report = await app.WithDbAsync(async db =>
            await SiteUsageReport.ForAsync(db, (await ScopedOrg.PickAsync(db, district.Id))!, month, 240, Ct)
        );
        var t = report.Total;
        Assert.Equal(60, t.Sites);
        Assert.True(t.SitesMeetingRule > 40 && t.SitesMeetingRule < 60, $"{t.SitesMeetingRule} met");
        Assert.InRange(t.ZeroSites.Count, 1, 5);
        Assert.Contains(report.Sites, s => s.Minutes is > 0 and < 240);
        Assert.True(t.ManualSessions > 0 && t.LateSessions > 0);
        Assert.Equal(2, report.Units.Count(u => u.Rank is not null));

        var signals = await app.WithDbAsync(db => UsageSignals.ForAsync(db, district.Path, month, ct: Ct));
        var chased = sites[30].Id;
        Assert.Equal(
            [SignalKind.LastDays, SignalKind.SameMinute, SignalKind.LongSession, SignalKind.Loop],
            signals.Where(s => s.SiteId == chased).Select(s => s.Kind)
        );

        var trend = await app.WithDbAsync(db => SiteUsageTrend.ForAsync(db, district.Path, month, 240, ct: Ct));
        Assert.Equal(12, trend.Count);
        Assert.All(trend, p => Assert.True(p.SitesMeetingRule > 30, $"{p.Month}: {p.SitesMeetingRule}"));
    }
}
