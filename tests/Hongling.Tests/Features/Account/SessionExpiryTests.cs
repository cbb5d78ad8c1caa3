using Hongling.Web.Domain;
using Hongling.Web.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Hongling.Tests.Features.Account.SessionClients;

namespace Hongling.Tests.Features.Account;

/// <summary>Administrators' sessions end after 30 minutes without a request and 12 hours after signing in
/// (Sessions:AdminIdleMinutes, Sessions:AdminAbsoluteHours); members keep 8 hours without a request.
/// The app's clock is moved, so these tests have a fixture of their own.</summary>
public sealed class SessionExpiryTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(string Card, Organization Branch)> AdminAsync(string town)
    {
        var (_, branch) = await app.AddTownAsync(town);
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, administers: [branch]);
        return (card, branch);
    }

    private async Task<string> MemberAsync(string town)
    {
        var (_, branch) = await app.AddTownAsync(town);
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, await app.AddMemberAsync(branch, "孙成员"));
        return card;
    }

    private void Wait(TimeSpan span) => app.Clock.Advance(span);

    [Fact]
    public async Task Administrator_Idle30Minutes_IsSignedOut_WhileActivityKeepsTheSessionOpen()
    {
        var (card, _) = await AdminAsync("闲置镇");
        var (admin, cookie) = await SignInAsync(app, card);
        Wait(TimeSpan.FromMinutes(29));
        Assert.True(await SignedInAsync(admin));
        Wait(TimeSpan.FromMinutes(29));
        Assert.True(await SignedInAsync(admin)); // 58 minutes in, never 30 idle
        Wait(TimeSpan.FromMinutes(31));
        Assert.False(await SignedInAsync(admin));
        Assert.False(await SignedInAsync(WithCookie(app, cookie)));
    }

    [Fact]
    public async Task Administrator_After12Hours_IsSignedOut_HoweverActive()
    {
        var (card, _) = await AdminAsync("时限镇");
        var (admin, _) = await SignInAsync(app, card);
        var elapsed = TimeSpan.Zero;
        for (var step = TimeSpan.FromMinutes(25); elapsed + step < TimeSpan.FromHours(12); elapsed += step)
        {
            Wait(step);
            Assert.True(await SignedInAsync(admin), $"signed out after {elapsed + step}");
        }
        Wait(TimeSpan.FromHours(12) - elapsed + TimeSpan.FromMinutes(1));
        Assert.False(await SignedInAsync(admin));
        // Signing in again starts a new twelve hours.
        var (again, _) = await SignInAsync(app, card);
        Assert.True(await SignedInAsync(again));
    }

    [Fact]
    public async Task Member_KeepsTheEightHourSession_AnIdleHourDoesNotEndIt()
    {
        var card = await MemberAsync("成员镇");
        var (member, _) = await SignInAsync(app, card);
        Wait(TimeSpan.FromMinutes(45));
        Assert.True(await SignedInAsync(member));
        Wait(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(59));
        Assert.True(await SignedInAsync(member));
        Wait(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        Assert.False(await SignedInAsync(member));
    }

    [Fact]
    public async Task AppointedAdministrator_WhileSignedIn_GetsTheAdministratorsLimits()
    {
        var (_, branch) = await app.AddTownAsync("任命镇");
        var card = TestApp.NewCard();
        var account = await app.AddAccountAsync(card, await app.AddMemberAsync(branch, "周任命"));
        var (client, _) = await SignInAsync(app, card);
        await app.WithDbAsync(db =>
        {
            db.OrgAdministrators.Add(new OrgAdministrator { AccountId = account.Id, OrganizationId = branch.Id });
            return db.SaveChangesAsync();
        });
        Wait(TimeSpan.FromMinutes(2));
        Assert.True(await SignedInAsync(client));
        Wait(TimeSpan.FromMinutes(31));
        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task AdminIdleMinutes_IsConfigurable()
    {
        await using var strict = app.WithWebHostBuilder(b => b.UseSetting("Sessions:AdminIdleMinutes", "5"));
        var (card, _) = await AdminAsync("严格镇");
        var (admin, _) = await SignInAsync(strict, card);
        Wait(TimeSpan.FromMinutes(4));
        Assert.True(await SignedInAsync(admin));
        Wait(TimeSpan.FromMinutes(6));
        Assert.False(await SignedInAsync(admin));
    }

    [Fact]
    public async Task Cleanup_DeletesTheRowsOfEndedSessions()
    {
        var card = await MemberAsync("清理镇");
        var (member, _) = await SignInAsync(app, card);
        var accountId = await app.WithDbAsync(db =>
            db.Users.Where(u => u.UserName == card).Select(u => u.Id).SingleAsync()
        );
        Task<int> RowsAsync() =>
            app.WithDbAsync(db => db.AccountSessions.IgnoreQueryFilters().CountAsync(s => s.AccountId == accountId));
        Assert.Equal(1, await RowsAsync());
        Wait(TimeSpan.FromHours(9));
        await app
            .Services.GetServices<IHostedService>()
            .OfType<SessionCleanupJob>()
            .Single()
            .RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await RowsAsync());
        Assert.False(await SignedInAsync(member));
    }
}
