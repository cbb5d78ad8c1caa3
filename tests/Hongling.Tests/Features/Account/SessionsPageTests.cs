using System.Net;
using System.Text.RegularExpressions;
using static Hongling.Tests.Features.Account.SessionClients;

namespace Hongling.Tests.Features.Account;

/// <summary>我的账号 (/Account/Sessions): the account's sessions with their devices, ending one or all others.</summary>
public sealed partial class SessionsPageTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<string> CardAsync(string town)
    {
        var (_, branch) = await app.AddTownAsync(town);
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, await app.AddMemberAsync(branch, "钱设备"));
        return card;
    }

    /// <summary>The handle the page gives the session shown as <paramref name="device"/>.</summary>
    private static string HandleOf(string html, string device) =>
        SessionItem().Matches(html).Single(m => m.Groups["device"].Value.Trim() == device).Groups["handle"].Value;

    private static Task<HttpResponseMessage> EndAsync(HttpClient client, string handle) =>
        TestApp.PostFormAsync(
            client,
            "/Account/Sessions",
            new Dictionary<string, string> { ["handle"] = handle },
            "/Account/Sessions?handler=End"
        );

    [Fact]
    public async Task Sessions_ListsEveryDevice_MarksThisOne_AndEndsAnother()
    {
        var card = await CardAsync("设备镇");
        var (phone, _) = await SignInAsync(app, card, Android);
        var (computer, computerCookie) = await SignInAsync(app, card, WindowsEdge);
        var (wechat, _) = await SignInAsync(app, card, IPhoneWeChat);

        var html = await phone.GetStringAsync("/Account/Sessions");
        Assert.Equal(3, SessionItem().Matches(html).Count);
        Assert.Contains("Android 手机 · Chrome", html);
        Assert.Contains("Windows 电脑 · Edge", html);
        Assert.Contains("iPhone · 微信", html);
        Assert.Single(Regex.Matches(html, "当前设备"));
        Assert.Contains(
            "当前设备",
            SessionItem().Matches(html).Single(m => m.Groups["device"].Value.Trim() == "Android 手机 · Chrome").Value
        );
        Assert.DoesNotContain(computerCookie, html);
        Assert.Contains("登录于", html);
        Assert.Contains("最近活动", html);

        var ended = await EndAsync(phone, HandleOf(html, "Windows 电脑 · Edge"));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var after = await phone.GetStringAsync("/Account/Sessions");
        Assert.Contains("已退出该设备上的登录", after);
        Assert.DoesNotContain("Windows 电脑 · Edge", after);
        Assert.False(await SignedInAsync(computer));
        Assert.False(await SignedInAsync(WithCookie(app, computerCookie)));
        Assert.True(await SignedInAsync(phone));
        Assert.True(await SignedInAsync(wechat));
    }

    [Fact]
    public async Task EndOthers_EndsEveryOtherSession_AndKeepsThisOne()
    {
        var card = await CardAsync("全退镇");
        var (phone, _) = await SignInAsync(app, card, Android);
        var (computer, _) = await SignInAsync(app, card, WindowsEdge);
        var (wechat, _) = await SignInAsync(app, card, IPhoneWeChat);

        var response = await TestApp.PostFormAsync(
            phone,
            "/Account/Sessions",
            new Dictionary<string, string>(),
            "/Account/Sessions?handler=EndOthers"
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await phone.GetStringAsync("/Account/Sessions");
        Assert.Contains("已退出其他 2 个设备上的登录", html);
        Assert.Single(SessionItem().Matches(html));
        Assert.False(await SignedInAsync(computer));
        Assert.False(await SignedInAsync(wechat));
        Assert.True(await SignedInAsync(phone));
    }

    [Fact]
    public async Task AnotherAccountsSession_Answers404_AndStaysSignedIn()
    {
        var mine = await CardAsync("本人镇");
        var theirs = await CardAsync("他人镇");
        var (me, _) = await SignInAsync(app, mine, Android);
        var (them, _) = await SignInAsync(app, theirs, WindowsEdge);
        var handle = HandleOf(await them.GetStringAsync("/Account/Sessions"), "Windows 电脑 · Edge");

        Assert.DoesNotContain(handle, await me.GetStringAsync("/Account/Sessions"));
        Assert.Equal(HttpStatusCode.NotFound, (await EndAsync(me, handle)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EndAsync(me, "0123456789abcdef0123")).StatusCode);
        Assert.True(await SignedInAsync(them));
    }

    [Fact]
    public async Task Ending_WithoutTheAntiforgeryToken_IsRefused()
    {
        var card = await CardAsync("令牌镇");
        var (phone, _) = await SignInAsync(app, card, Android);
        var (computer, _) = await SignInAsync(app, card, WindowsEdge);
        var response = await phone.PostAsync(
            "/Account/Sessions?handler=EndOthers",
            new FormUrlEncodedContent(new Dictionary<string, string>())
        );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await SignedInAsync(computer));
    }

    [Fact]
    public async Task SessionsPage_IsLinkedFromTheMenu_AndTheChangePasswordPage_AndNeedsSigningIn()
    {
        var card = await CardAsync("链接镇");
        var (phone, _) = await SignInAsync(app, card, Android);
        Assert.Contains("href=\"/Account/Sessions\"", await phone.GetStringAsync("/"));
        Assert.Contains("href=\"/Account/Sessions\"", await phone.GetStringAsync("/Account/ChangePassword"));
        var anonymous = await app.NewClient().GetAsync("/Account/Sessions");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [GeneratedRegex(
        """<li class="card mb-2 session"\s+data-handle="(?<handle>[0-9a-f]+)">\s*<div class="card-body py-2">\s*"""
            + """<div class="fw-bold fs-5">(?<device>[^<]+)<(?s:.*?)</li>"""
    )]
    private static partial Regex SessionItem();
}
