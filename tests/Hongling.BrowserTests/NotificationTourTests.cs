using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class NotificationTourTests(BrowserApp app)
{
    [Fact]
    public Task Admin_ComposesPreviewsAndSends_MemberSeesItInTheInboxWithTheUnreadBadge() =>
        app.RunAsync(
            nameof(Admin_ComposesPreviewsAndSends_MemberSeesItInTheInboxWithTheUnreadBadge),
            "1000000003",
            async page =>
            {
                await page.GotoAsync("/Notifications");
                await page.GetByRole(AriaRole.Link, new() { Name = "发送消息" }).First.ClickAsync();
                await page.GetByLabel("标题").FillAsync("浏览器消息通知");
                await page.GetByLabel("内容").FillAsync("请于本周五参加支部组织生活会。");
                await page.Locator("#orgs option").First.ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
                await Expect(page.Locator("#preview")).ToContainTextAsync("站内消息");
                await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
                await Expect(page.Locator("h1")).ToContainTextAsync("送达情况:浏览器消息通知");

                await using var phone = await app.NewContextAsync("1000000004");
                var member = await phone.NewPageAsync();
                await member.GotoAsync("/");
                // A phone folds the menu: its button carries the count, the menu entry too once opened.
                await Expect(member.Locator("#unread-toggler")).ToBeVisibleAsync();
                await member.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
                await Expect(member.Locator("#unread-badge")).ToBeVisibleAsync();
                await member.GetByRole(AriaRole.Link, new() { Name = "我的消息" }).First.ClickAsync();
                await member.GetByRole(AriaRole.Link, new() { Name = "浏览器消息通知" }).ClickAsync();
                await Expect(member.Locator("main")).ToContainTextAsync("请于本周五参加支部组织生活会。");
            }
        );
}
