using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Account.SessionClients;

namespace Hongling.Tests.Features.Account;

/// <summary>Sessions live on the server: ending one refuses its cookie at once, wherever it is replayed.</summary>
public sealed class SessionTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(string Card, Member Member, Organization Branch)> MemberWithCardAsync(
        string town = "会话镇",
        bool mustChange = false
    )
    {
        var (_, branch) = await app.AddTownAsync(town);
        var member = await app.AddMemberAsync(branch, "王会话");
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, member, mustChange: mustChange);
        return (card, member, branch);
    }

    private static Dictionary<string, string> NewPassword(string password) =>
        new()
        {
            ["Input.CurrentPassword"] = TestApp.Password,
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        };

    [Fact]
    public async Task SignOut_TheOldCookieReplayed_IsRefused()
    {
        var (card, _, _) = await MemberWithCardAsync();
        var (client, cookie) = await SignInAsync(app, card);
        Assert.True(await SignedInAsync(WithCookie(app, cookie))); // a copy of the cookie works while signed in

        var response = await TestApp.PostFormAsync(client, "/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.False(await SignedInAsync(WithCookie(app, cookie)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(app, cookie).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherDevice_AtOnce_AndKeepsThisOne()
    {
        var (card, _, _) = await MemberWithCardAsync();
        var (phone, _) = await SignInAsync(app, card, Android);
        var (computer, computerCookie) = await SignInAsync(app, card, WindowsEdge);

        var changed = await TestApp.PostFormAsync(phone, "/Account/ChangePassword", NewPassword("changed-pass-8"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.True(await SignedInAsync(phone));
        Assert.False(await SignedInAsync(computer));
        Assert.False(await SignedInAsync(WithCookie(app, computerCookie)));
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await TestApp.SignInAsync(app.NewClient(), card, "changed-pass-8")).StatusCode
        );
    }

    [Fact]
    public async Task PasswordChange_WithAWrongCurrentPassword_EndsNothing()
    {
        var (card, _, _) = await MemberWithCardAsync();
        var (phone, _) = await SignInAsync(app, card, Android);
        var (computer, _) = await SignInAsync(app, card, WindowsEdge);
        var form = NewPassword("changed-pass-8");
        form["Input.CurrentPassword"] = "not-my-pass-1";
        Assert.Contains(
            "原密码不正确",
            await (await TestApp.PostFormAsync(phone, "/Account/ChangePassword", form)).Content.ReadAsStringAsync()
        );
        Assert.True(await SignedInAsync(computer));
    }

    [Fact]
    public async Task PasswordResetByTheBranch_EndsEverySessionOfTheCard()
    {
        var (card, member, branch) = await MemberWithCardAsync("重置镇");
        var adminCard = TestApp.NewCard();
        await app.AddAccountAsync(adminCard, administers: [branch]);
        var admin = await app.SignedInClientAsync(adminCard);
        var (phone, _) = await SignInAsync(app, card, Android);

        var reset = await TestApp.PostFormAsync(
            admin,
            $"/Members/Detail/{member.Id}",
            new Dictionary<string, string>(),
            $"/Members/Detail/{member.Id}?handler=ResetPassword"
        );
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.False(await SignedInAsync(phone));
        Assert.True(await SignedInAsync(admin));
    }

    [Fact]
    public async Task CardLocked_ByATransferOutOfThePlatform_EndsTheMembersSessions_AtOnce()
    {
        var (card, member, branch) = await MemberWithCardAsync("锁卡镇");
        var adminCard = TestApp.NewCard();
        await app.AddAccountAsync(adminCard, administers: [branch]);
        var admin = await app.SignedInClientAsync(adminCard);
        var (phone, cookie) = await SignInAsync(app, card, Android);
        Assert.True(await SignedInAsync(phone));

        var started = await TestApp.PostFormAsync(
            admin,
            $"/Transfers/Out/{member.Id}",
            new Dictionary<string, string>
            {
                ["ToName"] = "外省某党支部",
                ["LetterNumber"] = "",
                ["Note"] = "迁居",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var transfer = await app.WithDbAsync(db =>
            db.Transfers.Where(t => t.MemberId == member.Id).Select(t => t.Id).SingleAsync()
        );
        Assert.True(await SignedInAsync(phone)); // still a member until the receipt comes back
        var done = await TestApp.PostFormAsync(
            admin,
            "/Transfers",
            new Dictionary<string, string>(),
            $"/Transfers?handler=Accept&id={transfer}"
        );
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.False(await SignedInAsync(phone));
        Assert.False(await SignedInAsync(WithCookie(app, cookie)));
        Assert.Equal(
            0,
            await app.WithDbAsync(async db =>
            {
                var account = await db.Users.SingleAsync(u => u.UserName == card);
                return await db.AccountSessions.IgnoreQueryFilters().CountAsync(s => s.AccountId == account.Id);
            })
        );
    }

    [Fact]
    public async Task SigningInAgain_InTheSameBrowser_StartsANewSession_AndEndsTheOldOne()
    {
        var (first, _, _) = await MemberWithCardAsync("换人镇");
        var secondCard = TestApp.NewCard();
        var (_, branch) = await app.AddTownAsync("换人二镇");
        await app.AddAccountAsync(secondCard, await app.AddMemberAsync(branch, "赵后来"));
        var (browser, firstCookie) = await SignInAsync(app, first);

        // The same browser (still holding the first cookie) signs in as someone else.
        var again = await TestApp.SignInAsync(browser, secondCard);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("赵后来", await browser.GetStringAsync("/"));
        // The key the first cookie carried is not the new sign-in's (no fixation), and that session ended.
        Assert.False(await SignedInAsync(WithCookie(app, firstCookie)));
    }

    [Fact]
    public async Task TwoInstances_SignedInOnOne_WorksOnTheOther_SignedOutThere_RefusedHereAtOnce()
    {
        var (card, _, _) = await MemberWithCardAsync("双实例会话镇");
        await using var second = app.SecondInstance();
        var (onFirst, cookie) = await SignInAsync(app, card, Android);
        Assert.True(await SignedInAsync(onFirst)); // this instance now holds the ticket in memory

        var onSecond = WithCookie(second, cookie, Android);
        Assert.True(await SignedInAsync(onSecond));
        var token = await TestApp.TokenAsync(onSecond, "/");
        var signOut = await onSecond.PostAsync(
            "/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
        );
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.False(await SignedInAsync(onFirst));
        Assert.False(await SignedInAsync(WithCookie(app, cookie)));
    }

    [Fact]
    public async Task TwoInstances_APasswordChangeOnOne_ReachesTheTicketTheOtherHolds()
    {
        var (card, _, _) = await MemberWithCardAsync("双实例改密镇", mustChange: true);
        await using var second = app.SecondInstance();
        var (onFirst, cookie) = await SignInAsync(app, card, Android);
        Assert.Equal("/Account/ChangePassword", (await onFirst.GetAsync("/")).Headers.Location?.OriginalString);

        var onSecond = WithCookie(second, cookie, Android);
        var changed = await TestApp.PostFormAsync(onSecond, "/Account/ChangePassword", NewPassword("changed-pass-9"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // The first instance reads the renewed ticket (no more forced change) for the same cookie.
        Assert.True(await SignedInAsync(onFirst));
    }
}
