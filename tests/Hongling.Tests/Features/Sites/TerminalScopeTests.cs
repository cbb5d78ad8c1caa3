using System.Net;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hongling.Tests.Features.Sites.TerminalFixture;

namespace Hongling.Tests.Features.Sites;

/// <summary>The org scope for terminals and their pages: another town's administrator gets 404 for every terminal and
/// session page and post of a site they do not administer; a terminal, through its key's capability, reaches its own
/// site's rows and never another's.</summary>
public sealed class TerminalScopeTests : IClassFixture<TestApp>
{
    private readonly TestApp app;

    public TerminalScopeTests(TestApp app)
    {
        this.app = app;
        if (app.Clock.GetUtcNow() < TerminalApiTests.MidMonth)
            app.Clock.SetUtcNow(TerminalApiTests.MidMonth);
    }

    [Fact]
    public async Task OtherTownsAdministrator_Gets404ForEveryPageAndPost()
    {
        var (_, branchA) = await app.AddTownAsync("甲镇");
        var (townB, _) = await app.AddTownAsync("乙镇");
        var site = await app.AddSiteAsync(branchA);
        var (terminal, key) = await app.AddTerminalAsync(site);
        var intruder = await app.SignInAsAdministratorOfAsync(townB);
        var terminals = $"/Sites/{site.Id}/Terminals";
        var sessions = $"/Sites/{site.Id}/Sessions";
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(terminals)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(sessions)).StatusCode);

        // Posts carry a token from a page the intruder may open (their own home).
        var token = await TestApp.TokenAsync(intruder, "/Account/ChangePassword");
        async Task<HttpStatusCode> Post(string url, Dictionary<string, string> form)
        {
            form["__RequestVerificationToken"] = token;
            return (await intruder.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode;
        }
        Assert.Equal(
            HttpStatusCode.NotFound,
            await Post(terminals + "?handler=Register", new() { ["Input.Name"] = "入侵终端" })
        );
        Assert.Equal(HttpStatusCode.NotFound, await Post($"{terminals}?handler=Rotate&terminalId={terminal.Id}", []));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"{terminals}?handler=Revoke&terminalId={terminal.Id}", []));
        Assert.Equal(
            HttpStatusCode.NotFound,
            await Post(
                sessions,
                new()
                {
                    ["Input.Date"] = "2027-01-18",
                    ["Input.Start"] = "19:00",
                    ["Input.End"] = "20:00",
                    ["Input.Courseware"] = "课件",
                }
            )
        );
        var after = await app.WithDbAsync(db => db.Terminals.AsNoTracking().SingleAsync(t => t.SiteId == site.Id));
        Assert.Equal((terminal.KeyHash, (DateTime?)null), (after.KeyHash, after.RevokedAt));
        Assert.False(await app.WithDbAsync(db => db.ViewingSessions.AnyAsync(s => s.SiteId == site.Id)));
        Assert.Equal(
            HttpStatusCode.OK,
            (await app.TerminalClient(key).PostAsync("/api/terminal/ping", null)).StatusCode
        );
    }

    [Fact]
    public async Task OtherSitesTerminal_CannotBeManagedFromThisSitesPage()
    {
        var (town, branch) = await app.AddTownAsync("丙镇");
        var mine = await app.AddSiteAsync(branch, "本站");
        var (otherTown, otherBranch) = await app.AddTownAsync("丁镇");
        var theirs = await app.AddSiteAsync(otherBranch, "他站");
        var (terminal, _) = await app.AddTerminalAsync(theirs);
        var admin = await app.SignInAsAdministratorOfAsync(town);
        var url = $"/Sites/{mine.Id}/Terminals";
        var response = await TestApp.PostFormAsync(
            admin,
            url,
            new Dictionary<string, string>(),
            $"{url}?handler=Revoke&terminalId={terminal.Id}"
        );
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(
            (await app.WithDbAsync(db => db.Terminals.AsNoTracking().SingleAsync(t => t.Id == terminal.Id))).RevokedAt
        );
    }

    [Fact]
    public async Task TerminalCapability_ReachesOnlyItsOwnSite()
    {
        var (_, branchA) = await app.AddTownAsync("戊镇");
        var (_, branchB) = await app.AddTownAsync("己镇");
        var siteA = await app.AddSiteAsync(branchA);
        var siteB = await app.AddSiteAsync(branchB);
        var (_, keyA) = await app.AddTerminalAsync(siteA);
        var (terminalB, keyB) = await app.AddTerminalAsync(siteB);
        var start = new DateTime(2027, 1, 10, 11, 0, 0, DateTimeKind.Utc);
        await app.TerminalClient(keyB).ReportAsync(Chain(2, start, prefix: "b"));
        // The same client ids from A's terminal are A's own records: B's are untouched.
        await app.TerminalClient(keyA).ReportAsync(Chain(2, start, prefix: "b"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>(); // an empty scope, as a terminal's request has
        var a = (await db.TerminalByKeyAsync(Hongling.Web.Features.Sites.TerminalKeys.HashOf(keyA), default))!;
        Assert.Equal(siteA.Id, a.SiteId);
        Assert.All(await db.SessionsOfTerminal(a).ToListAsync(), s => Assert.Equal(siteA.Id, s.SiteId));
        Assert.Equal(2, await db.SessionsOfTerminal(a).CountAsync());

        // Writing a session of another site, or as another terminal, through A's capability is refused, and nothing is
        // written.
        var foreign = new ViewingSession
        {
            SiteId = siteB.Id,
            TerminalId = a.Id,
            OrganizationId = siteB.OrganizationId,
            ClientId = "x",
            Courseware = "课件",
            StartedAt = start,
            EndedAt = start.AddHours(1),
            Month = 202701,
            ReceivedAt = start,
        };
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<OrgScopeViolationException>(() =>
                db.InsertTerminalSessionsAsync(a, [foreign], default)
            );
            await Assert.ThrowsAsync<OrgScopeViolationException>(() =>
                db.InsertTerminalSessionsAsync(
                    a,
                    [
                        new ViewingSession
                        {
                            SiteId = siteA.Id,
                            TerminalId = terminalB.Id,
                            OrganizationId = siteA.OrganizationId,
                            ClientId = "y",
                            Courseware = "课件",
                        },
                    ],
                    default
                )
            );
        }
        // Its updates reach its own row only.
        Assert.Equal(1, await db.UpdateTerminalAsync(a, u => u.SetProperty(t => t.Name, "改名"), default));
        Assert.Equal(
            "活动室电脑",
            (await app.WithDbAsync(d => d.Terminals.AsNoTracking().SingleAsync(t => t.Id == terminalB.Id))).Name
        );
        Assert.Equal(2, await app.WithDbAsync(d => d.ViewingSessions.CountAsync(s => s.SiteId == siteB.Id)));
        // And the ordinary (scoped) queries of that request see nothing at all.
        Assert.Equal(0, await db.ViewingSessions.CountAsync());
        Assert.Equal(0, await db.Terminals.CountAsync());
    }
}
