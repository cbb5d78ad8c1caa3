using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Account;

public sealed class SignInTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(string Card, Member Member)> MemberWithCardAsync(bool mustChange = false)
    {
        var (_, branch) = await app.AddTownAsync("登录镇");
        var member = await app.AddMemberAsync(branch, "李四");
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, member, mustChange: mustChange);
        return (card, member);
    }

    private Task<List<SignInRecord>> RecordsAsync(string card) =>
        app.WithDbAsync(db => db.SignInRecords.Where(r => r.CardNumber == card).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task SignIn_RightCardAndPassword_GoesHomeAndIsRecorded()
    {
        var (card, _) = await MemberWithCardAsync();
        var client = app.NewClient();
        var response = await TestApp.SignInAsync(client, card);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("李四", home);
        var record = Assert.Single(await RecordsAsync(card));
        Assert.True(record.Succeeded);
        Assert.NotNull(record.AccountId);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownCard_SameChineseMessage_NoHint()
    {
        var (card, _) = await MemberWithCardAsync();
        var wrong = await (
            await TestApp.SignInAsync(app.NewClient(), card, "wrong-pass-1")
        ).Content.ReadAsStringAsync();
        var unknownCard = TestApp.NewCard();
        var unknown = await (
            await TestApp.SignInAsync(app.NewClient(), unknownCard, "wrong-pass-1")
        ).Content.ReadAsStringAsync();
        Assert.Contains(LoginModel.BadCredentials, wrong);
        Assert.Contains(LoginModel.BadCredentials, unknown);
        Assert.DoesNotContain("Exception", wrong);
        Assert.Equal(SignInFailure.WrongPassword, Assert.Single(await RecordsAsync(card)).Failure);
        var unknownRecord = Assert.Single(await RecordsAsync(unknownCard));
        Assert.Equal(SignInFailure.UnknownCard, unknownRecord.Failure);
        Assert.Null(unknownRecord.AccountId);
    }

    [Fact]
    public async Task SignIn_Failures_SayHowManyTriesAreLeft_AndWhomToAsk_ForKnownAndUnknownCardsAlike()
    {
        var (card, _) = await MemberWithCardAsync();
        var unknownCard = TestApp.NewCard();
        foreach (var c in new[] { card, unknownCard })
        {
            var first = await (
                await TestApp.SignInAsync(app.NewClient(), c, "wrong-pass-1")
            ).Content.ReadAsStringAsync();
            var second = await (
                await TestApp.SignInAsync(app.NewClient(), c, "wrong-pass-2")
            ).Content.ReadAsStringAsync();
            Assert.Contains(LoginModel.TriesLeft(4), first);
            Assert.Contains("还可以再试3次", second);
            Assert.Contains("所在党支部的管理员", second);
        }
    }

    [Fact]
    public async Task SignIn_EmptyFields_AskForBoth()
    {
        var html = await (
            await TestApp.PostFormAsync(
                app.NewClient(),
                "/Account/Login",
                new Dictionary<string, string> { ["Input.CardNumber"] = "", ["Input.Password"] = "" }
            )
        ).Content.ReadAsStringAsync();
        Assert.Contains("请输入卡号", html);
        Assert.Contains("请输入密码", html);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccountEvenForTheRightPassword()
    {
        var (card, _) = await MemberWithCardAsync();
        for (var i = 0; i < 5; i++)
            await TestApp.SignInAsync(app.NewClient(), card, "wrong-pass-" + i);
        var response = await TestApp.SignInAsync(app.NewClient(), card);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoginModel.LockedOut, await response.Content.ReadAsStringAsync());
        Assert.Equal(SignInFailure.LockedOut, (await RecordsAsync(card)).Last().Failure);
    }

    [Fact]
    public async Task SignIn_UnknownCard_LocksOutAlike_SoLockoutRevealsNothing()
    {
        var card = TestApp.NewCard();
        for (var i = 0; i < 5; i++)
            await TestApp.SignInAsync(app.NewClient(), card, "wrong-pass-" + i);
        var html = await (await TestApp.SignInAsync(app.NewClient(), card, "any-pass-9")).Content.ReadAsStringAsync();
        Assert.Contains(LoginModel.LockedOut, html);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var (card, _) = await MemberWithCardAsync();
        var client = await app.SignedInClientAsync(card);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var response = await TestApp.PostFormAsync(client, "/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_IsRejected()
    {
        var (card, _) = await MemberWithCardAsync();
        var client = app.NewClient();
        var response = await client.PostAsync(
            "/Account/Login",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["Input.CardNumber"] = card, ["Input.Password"] = TestApp.Password }
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无效", await response.Content.ReadAsStringAsync());
        Assert.Empty(await RecordsAsync(card));
    }

    [Fact]
    public async Task FirstSignIn_ForcesPasswordChange_BeforeAnythingElse()
    {
        var (card, _) = await MemberWithCardAsync(mustChange: true);
        var client = app.NewClient();
        var response = await TestApp.SignInAsync(client, card);
        Assert.Equal("/Account/ChangePassword", response.Headers.Location?.OriginalString);
        var elsewhere = await client.GetAsync("/");
        Assert.Equal("/Account/ChangePassword", elsewhere.Headers.Location?.OriginalString);

        var same = await TestApp.PostFormAsync(
            client,
            "/Account/ChangePassword",
            new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = TestApp.Password,
                ["Input.NewPassword"] = "short1",
                ["Input.ConfirmPassword"] = "short1",
            }
        );
        Assert.Contains("密码至少需要8位", await same.Content.ReadAsStringAsync());

        var changed = await TestApp.PostFormAsync(
            client,
            "/Account/ChangePassword",
            new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = TestApp.Password,
                ["Input.NewPassword"] = "my-new-pass-7",
                ["Input.ConfirmPassword"] = "my-new-pass-7",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await TestApp.SignInAsync(app.NewClient(), card, "my-new-pass-7")).StatusCode
        );
        Assert.False(
            await app.WithDbAsync(db =>
                db.Users.Where(u => u.UserName == card).Select(u => u.MustChangePassword).SingleAsync()
            )
        );
    }
}
