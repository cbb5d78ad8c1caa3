using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>The monthly bulletin as the district's editor and a town's administrator use it: the demo's bulletin is
/// there on first start; the editor generates a new version, writes the opening, prints it to A4 with Chromium and
/// publishes it; the town's administrator opens it from the announcement on their home page.</summary>
public sealed class BulletinTourTests(BrowserApp app)
{
    [Fact]
    public Task District_GeneratesEditsPrintsAndPublishes_ATownOpensItFromTheAnnouncement() =>
        app.RunAsync(
            nameof(District_GeneratesEditsPrintsAndPublishes_ATownOpensItFromTheAnnouncement),
            "1000000001",
            async page =>
            {
                await page.GotoAsync("/Bulletins");
                await Expect(page.Locator("#bulletins [data-bulletin]")).Not.ToHaveCountAsync(0);

                await page.Locator("#generate-button").ClickAsync();
                await Expect(page.Locator("#masthead")).ToHaveTextAsync("工作情况通报");
                await Expect(page.Locator("#bulletin-sites")).ToContainTextAsync("根据应用系统自动生成的统计数据");
                await Expect(page.Locator("#platform-section")).ToContainTextAsync("截止");
                await Expect(page.Locator("#chart-site-minutes")).ToBeVisibleAsync();
                var id = page.Url.Split('/').Last();
                var title = (await page.Locator("#title").InnerTextAsync()).Trim();

                await page.Locator("#Text_Opening").FillAsync("全区各级党组织积极利用平台开展工作(浏览器测试)。");
                await page.Locator("#save-text").ClickAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("文字已保存");
                await Expect(page.Locator("#bulletin .bulletin-opening")).ToContainTextAsync("浏览器测试");

                // Printed by Chromium on A4: a PDF of a few pages, and nothing on the print page wider than the paper.
                var print = await page.Context.NewPageAsync();
                await print.SetViewportSizeAsync(794, 1123);
                await print.GotoAsync($"/Bulletins/Print/{id}");
                await print.EmulateMediaAsync(new() { Media = Media.Print });
                Assert.True(
                    await print.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    "The print page is wider than A4."
                );
                var pdf = await print.PdfAsync(
                    new()
                    {
                        Format = "A4",
                        PreferCSSPageSize = true,
                        PrintBackground = true,
                    }
                );
                Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
                Assert.InRange(Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count, 2, 20);
                await print.CloseAsync();

                await page.Locator("#publish").ClickAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("已发布");
                await Expect(page.Locator("#text-form")).ToHaveCountAsync(0);

                // The town's administrator (a member of one of its branches) finds the announcement on the home page.
                await using var townContext = await app.NewContextAsync("1000000002");
                var town = await townContext.NewPageAsync();
                town.SetDefaultTimeout(15_000);
                await town.GotoAsync("/");
                await town.Locator("#unread-notices a", new() { HasText = title }).First.ClickAsync();
                await town.GetByRole(AriaRole.Link, new() { Name = "查看通报全文" }).ClickAsync();
                await Expect(town.Locator("#masthead")).ToHaveTextAsync("工作情况通报");
                await Expect(town.Locator("#bulletin .bulletin-opening")).ToContainTextAsync("浏览器测试");
                await Expect(town.Locator("#publish, #regenerate, #text-form")).ToHaveCountAsync(0);
            }
        );
}
