using System.Text.RegularExpressions;
using Hongling.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class WebsiteTourTests(BrowserApp app)
{
    private const string Branch = "东城街道第一社区党支部";

    private async Task<int> BranchIdAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        db.Scope.BecomeSystem();
        return await db.Organizations.Where(o => o.Name == Branch).Select(o => o.Id).SingleAsync();
    }

    /// <summary>The portal's pages at a phone's 360 px and a laptop's 1366 px: the page never scrolls sideways, and
    /// the phone shows the banner, the sign-in, the news cards and the directory; the phone's home is saved as
    /// docs/screenshots/website-phone.png when HONGLING_SCREENSHOTS names a folder.</summary>
    [Theory]
    [InlineData(360, 780)]
    [InlineData(1366, 900)]
    public async Task Portal_FitsThePhoneAndTheLaptop_WithBannerNewsDirectoryAndSearch(int width, int height)
    {
        await using var context = await app.NewContextAsync(viewport: new() { Width = width, Height = height });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000); // seven pages in a row, as the phone sweep allows
        await page.GotoAsync("/site");
        await Expect(page.Locator("#district")).ToHaveTextAsync("红岭区委");
        await Expect(page.Locator("#member-sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#news .site-card").First).ToBeVisibleAsync();
        await Expect(page.Locator("#updates .site-card").First).ToBeVisibleAsync();
        await Expect(page.Locator("#directory a").First).ToBeVisibleAsync();
        Assert.True(await FitsAsync(page), $"/site scrolls sideways at {width} px");
        if (width == 360 && Environment.GetEnvironmentVariable("HONGLING_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "website-phone.png"), FullPage = true });

        await page.GetByLabel("搜索文章").FillAsync("党建");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await Expect(page.Locator("#search-count")).ToContainTextAsync("找到");
        Assert.True(await FitsAsync(page), $"/site/search scrolls sideways at {width} px");
        var branchId = await BranchIdAsync();
        foreach (var url in new[] { "/site/orgs", "/site/board", "/site/columns", $"/site/org/{branchId}" })
        {
            await page.GotoAsync(url);
            Assert.True(await FitsAsync(page), $"{url} scrolls sideways at {width} px");
        }
        await page.GotoAsync("/site/orgs");
        await page.Locator("#org-children a.btn").First.ClickAsync();
        await Expect(page.Locator("#org-trail")).ToContainTextAsync("红岭区委");
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    [Fact]
    public async Task Visitor_LeavesAPublicMessage_AdminReplies_AndBothAppearOnTheBoard()
    {
        var branchId = await BranchIdAsync();
        const string text = "<script>alert('x')</script>请问周末能否到支部参观学习?";

        await app.RunAsync("WebsiteTour_Visitor", async page =>
        {
            await page.GotoAsync("/site");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "红领党建网" })).ToBeVisibleAsync();
            await page.GotoAsync($"/site/org/{branchId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Branch, Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("您的姓名").FillAsync("赵访客");
            await page.GetByLabel("留言内容").FillAsync(text);
            await page.GetByLabel("同意在留言板公开(不显示电话)").CheckAsync();
            var question = await page.Locator("#challenge-question").InnerTextAsync();
            var numbers = Regex.Matches(question, @"\d+").Select(m => int.Parse(m.Value)).ToArray();
            await page.Locator("#Input_ChallengeAnswer").FillAsync((numbers[0] + numbers[1]).ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync();
            await Expect(page.Locator("#sent")).ToContainTextAsync("留言已提交");
        });

        await app.RunAsync("WebsiteTour_Admin", "1000000003", async page =>
        {
            await page.GotoAsync("/Messages");
            var item = page.Locator("#messages li", new() { HasText = "周末能否到支部参观学习" });
            await Expect(item).ToContainTextAsync("赵访客(群众)");
            await item.GetByRole(AriaRole.Link, new() { Name = "查看 / 回复" }).ClickAsync();
            await Expect(page.Locator("#body")).ToHaveTextAsync(text);
            await page.Locator("#Reply").FillAsync("欢迎周六上午来支部活动室参观。");
            await page.GetByRole(AriaRole.Button, new() { Name = "回复", Exact = true }).ClickAsync();
            await Expect(page.Locator("#status")).ToContainTextAsync("已回复");
            await Expect(page.Locator("#state")).ToHaveTextAsync("已回复");
        });

        await app.RunAsync("WebsiteTour_Board", async page =>
        {
            await page.GotoAsync("/site/board");
            var entry = page.Locator("#board li", new() { HasText = "周末能否到支部参观学习" });
            await Expect(entry.Locator(".message-body")).ToHaveTextAsync(text);
            await Expect(entry.Locator(".message-reply")).ToHaveTextAsync("欢迎周六上午来支部活动室参观。");
            await Expect(entry).ToContainTextAsync("赵**");
        });
    }
}
