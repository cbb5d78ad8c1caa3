using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>Installable (安装到手机): the manifest and its icons are served with the right types, the service worker
/// registers for the whole site, and an article the member opened is read again offline; one never opened is
/// not.</summary>
public sealed class PwaTourTests(BrowserApp app)
{
    [Fact]
    public Task Manifest_IsServedAsAManifest_WithItsIcons() =>
        app.RunAsync(nameof(Manifest_IsServedAsAManifest_WithItsIcons), async page =>
        {
            var manifest = await page.APIRequest.GetAsync("/manifest.webmanifest");
            Assert.Equal(200, manifest.Status);
            Assert.StartsWith("application/manifest+json", manifest.Headers["content-type"]);
            var json = JsonDocument.Parse(await manifest.TextAsync()).RootElement;
            Assert.Equal("红领", json.GetProperty("short_name").GetString());
            Assert.Equal("#dc3545", json.GetProperty("theme_color").GetString());
            foreach (var size in new[] { 192, 512 })
            {
                var icon = await page.APIRequest.GetAsync($"/icons/icon-{size}.png");
                Assert.Equal("image/png", icon.Headers["content-type"]);
                var png = await icon.BodyAsync();
                // The PNG header's width and height (big-endian, bytes 16-23).
                Assert.Equal(size, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
                Assert.Equal(size, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
            }
            await page.GotoAsync("/Account/Login");
            await Expect(page.Locator("link[rel=manifest]")).ToHaveAttributeAsync("href", "/manifest.webmanifest");
        });

    [Fact]
    public async Task OpenedArticle_ReadsOffline_AnUnopenedOneDoesNot()
    {
        await using var context = await app.NewContextAsync("1000000004");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/");
        var scope = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
        Assert.Equal(app.BaseUrl.TrimEnd('/') + "/", scope);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await page.GotoAsync("/Study");
        await page.GetByRole(AriaRole.Link, new() { Name = "党建知识库", Exact = true }).ClickAsync();
        await page.Locator(".list-group a", new() { HasText = "入党誓词的内涵" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "入党誓词的内涵" })).ToBeVisibleAsync();
        var article = page.Url;

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "入党誓词的内涵" })).ToBeVisibleAsync();
        // The shell came from the cache too: Bootstrap's red navigation bar is drawn.
        Assert.Equal(
            "rgb(220, 53, 69)",
            await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.querySelector('nav.navbar')).backgroundColor"
            )
        );
        await Expect(page.Locator("#study-minutes")).ToBeVisibleAsync();

        // An article never opened on this phone: the offline notice, not a page.
        var id = int.Parse(new Uri(article).AbsolutePath.Split('/')[^1]);
        var never = await page.GotoAsync($"/Study/Read/{id + 100000}");
        Assert.Equal(503, never!.Status);
        await Expect(page.GetByText("现在没有网络")).ToBeVisibleAsync();
        await context.SetOfflineAsync(false);
    }
}
