using System.Net;

namespace Hongling.Tests.Features.Home;

/// <summary>长辈模式 is kept on the account: switched by a form with its antiforgery token, seen on every page of
/// every device the account signs in on, and it returns only to a page of this site.</summary>
public sealed class ElderlyModeTests(TestApp app) : IClassFixture<TestApp>
{
    private static Task<HttpResponseMessage> SwitchAsync(HttpClient client, bool on, string returnUrl) =>
        TestApp.PostFormAsync(
            client,
            "/",
            new Dictionary<string, string> { ["on"] = on ? "true" : "false", ["returnUrl"] = returnUrl },
            "/Home/Elderly"
        );

    [Fact]
    public async Task Switch_KeptOnTheAccount_SeenOnAnotherDevice_AndNeedsTheToken()
    {
        var (_, branch) = await app.AddTownAsync("长辈镇");
        var member = await app.AddMemberAsync(branch, "老党员");
        var card = TestApp.NewCard();
        var phone = await app.SignInAsNewAccountAsync(card, member);
        Assert.DoesNotContain("class=\"elderly\"", await phone.GetStringAsync("/"));

        var noToken = await phone.PostAsync(
            "/Home/Elderly",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["on"] = "true" })
        );
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.DoesNotContain("class=\"elderly\"", await phone.GetStringAsync("/"));

        var on = await SwitchAsync(phone, true, "/Study/Mine");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/Study/Mine", on.Headers.Location?.OriginalString);
        var home = await phone.GetDocumentAsync("/");
        Assert.Equal("elderly", home.DocumentElement.ClassName);
        Assert.Equal(
            ["学习", "考试", "活动", "消息"],
            home.QuerySelectorAll("#elderly-home a").Select(a => a.FirstChild!.TextContent.Trim()).ToArray()
        );

        var computer = await app.SignedInClientAsync(card);
        Assert.Equal("elderly", (await computer.GetDocumentAsync("/Study")).DocumentElement.ClassName);

        var off = await SwitchAsync(computer, false, "https://evil.example/");
        Assert.Equal("/", off.Headers.Location?.OriginalString);
        Assert.False((await phone.GetDocumentAsync("/")).DocumentElement.ClassList.Contains("elderly"));
    }
}
