using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class DevelopmentTourTests(BrowserApp app)
{
    [Fact]
    public Task BranchAdmin_RegistersAnApplicant_MakesThemAnActivist_AndOpensTheToDoList() =>
        app.RunAsync(
            nameof(BranchAdmin_RegistersAnApplicant_MakesThemAnActivist_AndOpensTheToDoList),
            "1000000003",
            async page =>
            {
                await page.GotoAsync("/");
                await Expect(page.Locator("#todo-card")).ToBeVisibleAsync();
                await page.Locator(".navbar-toggler").ClickAsync();
                await page.Locator("#nav.collapse.show").WaitForAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "组织与党员" }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = "发展党员" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^发展党员") }))
                    .ToBeVisibleAsync();

                await page.GetByRole(AriaRole.Link, new() { Name = "登记入党申请人" }).ClickAsync();
                await page.GetByLabel("姓名").FillAsync("浏览器申请人");
                await page.GetByLabel("性别").SelectOptionAsync("Female");
                await page.GetByLabel("手机号码").FillAsync("13912345678");
                var today = DateTime.UtcNow.AddHours(8);
                await page.GetByLabel("递交入党申请日期").FillAsync(today.AddDays(-90).ToString("yyyy-MM-dd"));
                await page.GetByLabel("所在党支部")
                    .SelectOptionAsync(new SelectOptionValue { Label = "东城街道第一社区党支部" });
                await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("已登记入党申请人 浏览器申请人");
                await Expect(page.Locator("#stage")).ToHaveTextAsync("入党申请人");

                await page.GetByLabel("确定为入党积极分子日期").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd"));
                await page.GetByRole(AriaRole.Button, new() { Name = "确定为入党积极分子" }).ClickAsync();
                await Expect(page.Locator("#stage")).ToHaveTextAsync("入党积极分子");
                await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);
                await Expect(page.Locator("#next-step")).ToContainTextAsync("最早可在");

                await page.GotoAsync("/Development");
                await Expect(page.Locator("#recruits")).ToContainTextAsync("浏览器申请人");
                await page.Locator("#todo-link").ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("待办") }))
                    .ToBeVisibleAsync();
            }
        );
}
