using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>The home pages at 360 px (member, branch secretary, district dashboard) and 长辈模式: switched on,
/// remembered by the account on another device too, large type, four large buttons, and an article read aloud
/// marking the reader active. With HONGLING_SCREENSHOTS naming a folder, the pages are saved there for the
/// README.</summary>
public sealed class HomeTourTests(BrowserApp app)
{
    private static readonly ViewportSize Narrow = new() { Width = 360, Height = 780 };

    [Theory]
    [InlineData("1000000004", "#my-study", "home-member")]
    [InlineData("1000000003", "#desk", "home-secretary")]
    [InlineData("1000000001", "#dashboard", "home-district")]
    public async Task Home_At360Px_SaysWhatToDo(string card, string section, string shot)
    {
        await using var context = await app.NewContextAsync(card, Narrow);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(section)).ToBeVisibleAsync();
        if (card == "1000000001")
        {
            // The district's charts: at least study, completeness and organization life, each with its table's link.
            var panels = page.Locator("#dashboard .dashboard-panel");
            Assert.True(await panels.CountAsync() >= 3);
            await Expect(panels.First.Locator("svg")).ToBeVisibleAsync();
            await Expect(panels.First.Locator("a.btn")).ToHaveAttributeAsync("href", new Regex("^/Study/Stats"));
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await ScreenshotAsync(page, shot, section);
    }

    [Fact]
    public async Task ElderlyMode_StaysOnAfterReloadAndOnAnotherDevice_LargeType_ReadAloudMarksTheReaderActive()
    {
        var card = await app.NewMemberCardAsync();
        await using var context = await app.NewContextAsync(null, Narrow);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.SignInAsync(card);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("html")).Not.ToHaveClassAsync("elderly");
        // The switch posts a form and comes back to the page; reload only once it is back.
        await page.Locator("#elderly-switch button").ClickAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync("elderly");
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync("elderly");
        await Expect(page.Locator("#elderly-switch button")).ToHaveTextAsync("长辈模式:开");
        Assert.True(await FontSizeAsync(page, "main p") >= 20);
        Assert.True(await FontSizeAsync(page, "nav .nav-link, nav .navbar-brand") >= 20);
        var buttons = page.Locator("#elderly-home a.btn");
        Assert.Equal(
            ["学习", "考试", "活动", "消息"],
            (await buttons.AllInnerTextsAsync()).Select(t => t.Split('\n')[0].Trim()).ToArray()
        );
        Assert.True((await buttons.First.BoundingBoxAsync())!.Height >= 48);
        await ScreenshotAsync(page, "home-elderly", "#elderly-home");

        // Another device (a new browser) signed in with the same card: still on.
        await using var other = await app.NewContextAsync(null, Narrow);
        var second = await other.NewPageAsync();
        await second.SignInAsync(card);
        await second.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(second.Locator("html")).ToHaveClassAsync("elderly");

        // An article read aloud: while the page speaks the reader is marked speaking, which the heartbeat counts
        // as activity (study.js); when it is done the mark is cleared.
        await page.GotoAsync("/Study");
        await page.GetByRole(AriaRole.Link, new() { Name = "党建知识库", Exact = true }).ClickAsync();
        await page.Locator(".list-group a", new() { HasText = "入党誓词的内涵" }).ClickAsync();
        var play = page.Locator("#read-aloud [data-speech=play]");
        await Expect(play).ToHaveTextAsync("朗读");
        await Expect(page.Locator("#reader")).ToHaveAttributeAsync("data-speaking", "off");
        await page.EvaluateAsync(
            @"() => { window.speakingSeen = [];
            const reader = document.getElementById('reader');
            new MutationObserver(() => window.speakingSeen.push(reader.dataset.speaking))
              .observe(reader, { attributes: true, attributeFilter: ['data-speaking'] }); }"
        );
        await play.ClickAsync();
        await page.WaitForFunctionAsync("() => window.speakingSeen.includes('on')");
        // Headless Chromium has no voices: each sentence ends at once, and the reader is marked done (off).
        await Expect(page.Locator("#reader")).ToHaveAttributeAsync("data-speaking", "off");
        Assert.Equal("on", (await page.EvaluateAsync<string[]>("() => window.speakingSeen"))[0]);
    }

    private static Task<double> FontSizeAsync(IPage page, string selector) =>
        page.EvaluateAsync<double>(
            "s => Math.min(...[...document.querySelectorAll(s)].map(e => parseFloat(getComputedStyle(e).fontSize)))",
            selector
        );

    private static async Task ScreenshotAsync(IPage page, string name, string section)
    {
        var dir = Environment.GetEnvironmentVariable("HONGLING_SCREENSHOTS");
        if (string.IsNullOrEmpty(dir))
            return;
        Directory.CreateDirectory(dir);
        await page.EvaluateAsync(
            "s => window.scrollTo(0, document.querySelector(s).getBoundingClientRect().top" + " + window.scrollY - 8)",
            section
        );
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{name}-360.png") });
    }
}
