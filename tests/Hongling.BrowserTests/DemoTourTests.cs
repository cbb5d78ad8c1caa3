using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class DemoTourTests(BrowserApp app)
{
    [Fact]
    public Task DistrictAdmin_OpensTreeExpandsATown_OpensAMember_SignsOut() =>
        app.RunAsync(nameof(DistrictAdmin_OpensTreeExpandsATown_OpensAMember_SignsOut), async page =>
        {
            await page.SignInAsync("1000000001");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "欢迎使用红领党建平台" })).ToBeVisibleAsync();

            await page.GotoAsync("/Organizations");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "组织架构" })).ToBeVisibleAsync();
            var town = page.Locator(
                "li",
                new() { Has = page.Locator("> a.org-name", new() { HasText = "东城街道党工委" }) }
            );
            await Expect(town.Locator("> .member-count")).ToContainTextAsync("名党员");
            await town.Locator("> button.toggle").ClickAsync();
            var branch = town.Locator(".children a.org-name", new() { HasText = "东城街道第一社区党支部" });
            await Expect(branch).ToBeVisibleAsync();
            await town.Locator("> button.toggle").ClickAsync();
            await Expect(branch).ToBeHiddenAsync();
            await town.Locator("> button.toggle").ClickAsync();
            await branch.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("党员管理") }))
                .ToBeVisibleAsync();
            var first = page.Locator("#members tbody tr").First.Locator("a");
            var name = await first.InnerTextAsync();
            await first.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(name)) }))
                .ToBeVisibleAsync();
            await Expect(page.Locator("#masked-id")).ToHaveTextAsync(new Regex(@"^5001\*{10}[0-9]{3}[0-9X]$"));
            var body = await page.InnerTextAsync("body");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", body);
            Assert.Contains("所在支部", body);

            await page.SignOutAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "红色身份证登录" })).ToBeVisibleAsync();
            await page.GotoAsync("/Members");
            await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        });

    [Fact]
    public Task Member_SeesOwnRecord_AndIsKeptOutOfAdminPages() =>
        app.RunAsync(nameof(Member_SeesOwnRecord_AndIsKeptOutOfAdminPages), "1000000004", async page =>
        {
            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的信息" })).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("东城街道第一社区党支部");
            await page.GotoAsync("/Members");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
        });

    [Fact]
    public Task WrongPassword_ShowsTheChineseMessage() =>
        app.RunAsync(nameof(WrongPassword_ShowsTheChineseMessage), async page =>
        {
            await page.SignInAsync("1000000003", "not-the-password-1");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("卡号或密码不正确");
        });

    [Fact]
    public Task ChineseIsDrawnWithACjkFont() => app.RunAsync(nameof(ChineseIsDrawnWithACjkFont), async page =>
        {
            await page.GotoAsync("/Account/Login");
            // Without a CJK font Chromium draws every ideograph as the same box ("tofu"): two different
            // characters then rasterize to identical pixels. With a font they differ.
            var differ = await page.EvaluateAsync<bool>(
                @"() => {
            const draw = (ch) => {
                const c = document.createElement('canvas'); c.width = c.height = 40;
                const g = c.getContext('2d'); g.font = '32px sans-serif'; g.fillText(ch, 2, 32);
                return c.toDataURL();
            };
            return draw('登') !== draw('录');
        }"
            );
            Assert.True(differ, "Chinese is drawn as boxes: install a CJK font (fonts-wqy-zenhei)");
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults"));
            await page.ScreenshotAsync(
                new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "login.png") }
            );
        });
}
