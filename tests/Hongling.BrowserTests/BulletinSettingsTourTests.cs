using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>通报设置与下月目标 on a narrow phone (360 px): a street's administrator opens the form from 工作通报, the page
/// does not scroll sideways, every field is found by its label, a bad rate is refused next to its field, and the saved
/// targets are previewed in the bulletin's wording.</summary>
public sealed class BulletinSettingsTourTests(BrowserApp app)
{
    [Fact]
    public async Task StreetAdmin_SetsNextMonthsTargets_OnA360PixelPhone()
    {
        await using var context = await app.NewContextAsync("1000000002", new() { Width = 360, Height = 780 });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/Bulletins");
        await page.GetByRole(AriaRole.Link, new() { Name = "通报设置与下月目标" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("东城街道党工委");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways at 360 px"
        );

        // A street is not generated automatically unless its settings say so.
        await Expect(page.GetByLabel("每月1日8:00自动生成上月通报")).Not.ToBeCheckedAsync();

        // Next month by default, chosen with the browser's month picker.
        await Expect(page.GetByLabel("选择月份")).ToHaveAttributeAsync("type", "month");
        await page.GetByLabel("每个支部发起组织活动(次)").FillAsync("2");
        await page.GetByLabel("全体党员登录率(%)").FillAsync("150");
        await page.Locator("#save-targets").ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Targets.OverallSignInRate']"))
            .ToHaveTextAsync("请填写0到100之间的百分数");

        await page.GetByLabel("全体党员登录率(%)").FillAsync("50");
        await page.Locator("#save-targets").ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("工作目标已保存");
        await Expect(page.Locator("#targets-preview")).ToContainTextAsync("每个支部至少发起组织活动2次");
        await Expect(page.Locator("#targets-preview")).ToContainTextAsync("全体党员登录率达到50%以上");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the saved page scrolls sideways at 360 px"
        );
    }
}
