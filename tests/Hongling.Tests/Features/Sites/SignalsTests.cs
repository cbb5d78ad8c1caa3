using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using static Hongling.Tests.Features.Sites.UsageBuilders;

namespace Hongling.Tests.Features.Sites;

/// <summary>Signals of chased usage (August 2029), each with a case that raises it and one just short of it; the
/// figures never change because of them.</summary>
public sealed class SignalsTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Month = 202908;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Organization Town, Site Site)> SiteAsync(string name)
    {
        var district = await app.AddDistrictAsync(name + "区委");
        var town = await app.AddOrgAsync(district, name + "镇");
        return (town, await app.AddSiteAsync(town, name + "站点"));
    }

    private Task<IReadOnlyList<UsageSignal>> SignalsAsync(Site site) =>
        app.WithDbAsync(async db => await UsageSignals.ForAsync(db, site.OrgPath, Month, site.Id, Ct));

    private async Task<UsageSignal?> KindAsync(Site site, SignalKind kind) =>
        (await SignalsAsync(site)).SingleOrDefault(s => s.Kind == kind);

    [Fact]
    public async Task LastDays_MoreThanHalfInTheLastThreeDays_IsSignalled()
    {
        var (_, chased) = await SiteAsync("突击");
        await app.AddSessionAsync(chased, China(2029, 8, 5, 9), 60, attendees: 4);
        // 29, 30, 31 August are the last three days
        var last = await app.AddSessionAsync(chased, China(2029, 8, 30, 9), 200, attendees: 4);
        var signal = await KindAsync(chased, SignalKind.LastDays);
        Assert.NotNull(signal);
        Assert.Equal([last.Id], signal.Sessions.Select(s => s.Id));

        var (_, steady) = await SiteAsync("平稳");
        await app.AddSessionAsync(steady, China(2029, 8, 5, 9), 200, attendees: 4);
        await app.AddSessionAsync(steady, China(2029, 8, 30, 9), 60, attendees: 4);
        Assert.Null(await KindAsync(steady, SignalKind.LastDays));
    }

    [Fact]
    public async Task SameMinute_FiveEmptySessionsAtOneMinute_IsSignalled()
    {
        var (_, chased) = await SiteAsync("定时");
        for (var d = 1; d <= 5; d++)
            await app.AddSessionAsync(chased, China(2029, 8, d, 20, 0), 60, attendees: d % 2 == 0 ? 0 : null);
        await app.AddSessionAsync(chased, China(2029, 8, 9, 9, 30), 60, attendees: 12);
        var signal = await KindAsync(chased, SignalKind.SameMinute);
        Assert.NotNull(signal);
        Assert.Equal(5, signal.Sessions.Count);
        Assert.Contains("20:00", signal.Description);

        // The same five, but one had attendees: not signalled.
        var (_, attended) = await SiteAsync("有人");
        for (var d = 1; d <= 5; d++)
            await app.AddSessionAsync(attended, China(2029, 8, d, 20, 0), 60, attendees: d == 3 ? 8 : null);
        Assert.Null(await KindAsync(attended, SignalKind.SameMinute));
    }

    [Fact]
    public async Task LongSession_OverEightHours_IsSignalled()
    {
        var (_, site) = await SiteAsync("超长");
        var tooLong = await app.AddSessionAsync(site, China(2029, 8, 6, 8), 481, attendees: 5);
        await app.AddSessionAsync(site, China(2029, 8, 7, 8), 480, attendees: 5);
        var signal = await KindAsync(site, SignalKind.LongSession);
        Assert.NotNull(signal);
        Assert.Equal([tooLong.Id], signal.Sessions.Select(s => s.Id));

        var (_, exact) = await SiteAsync("八小时");
        await app.AddSessionAsync(exact, China(2029, 8, 7, 8), 480, attendees: 5);
        Assert.Null(await KindAsync(exact, SignalKind.LongSession));
    }

    [Fact]
    public async Task Loop_OneCoursewareInEightOfTen_IsSignalled()
    {
        var (town, looped) = await SiteAsync("循环");
        for (var d = 1; d <= 10; d++)
            await app.AddSessionAsync(
                looped,
                China(2029, 8, d, 8 + d % 5),
                45,
                d <= 8 ? (d % 2 == 0 ? "乡村振兴实用技术 " : "乡村振兴实用技术") : "党章学习",
                attendees: 6
            );
        var signal = await KindAsync(looped, SignalKind.Loop);
        Assert.NotNull(signal);
        Assert.Equal(8, signal.Sessions.Count);

        var (_, varied) = await SiteAsync("多样");
        for (var d = 1; d <= 10; d++)
            await app.AddSessionAsync(
                varied,
                China(2029, 8, d, 8 + d % 5),
                45,
                d <= 7 ? "乡村振兴实用技术" : "党章学习",
                attendees: 6
            );
        Assert.Null(await KindAsync(varied, SignalKind.Loop));

        // Shown on the usage page and on the site's page, with the sessions behind them; the figures keep every
        // session.
        var client = await app.SignInAsAdministratorOfAsync(town);
        var page = await client.GetDocumentAsync($"/Sites/Usage?month={Month}");
        Assert.Equal(["Loop"], page.DataOf($"#signals details[data-site='{looped.Id}']", "signal"));
        Assert.Equal(8, page.QuerySelectorAll($"#signals details[data-site='{looped.Id}'] tr[data-session]").Length);
        Assert.Equal("10", page.RowCells($"#sites tr[data-site='{looped.Id}']")[5]);
        var sitePage = await client.GetDocumentAsync($"/Sites/UsageSite/{looped.Id}?month={Month}");
        Assert.Contains("循环播放", sitePage.TextOf("#signals"));
    }
}
