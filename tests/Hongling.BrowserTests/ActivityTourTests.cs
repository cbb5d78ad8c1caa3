using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class ActivityTourTests(BrowserApp app)
{
    [Fact]
    public Task BranchAdmin_PublishesAnActivity_MemberScansTheQrLink_AdminSeesTheAttendance() =>
        app.RunAsync(
            nameof(BranchAdmin_PublishesAnActivity_MemberScansTheQrLink_AdminSeesTheAttendance),
            "1000000003",
            async page =>
            {
                await page.GotoAsync("/Activities");
                await page.Locator("#new-activity").ClickAsync();
                await page.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "主题党日" });
                await page.GetByLabel("活动主题").FillAsync("浏览器主题党日");
                await page.GetByLabel("活动地点").FillAsync("社区党群服务中心");
                var start = DateTime.UtcNow.AddHours(8).AddMinutes(20); // China time, check-in opens an hour before
                await page.GetByLabel("开始时间").FillAsync(start.ToString("yyyy-MM-ddTHH:mm"));
                await page.GetByLabel("结束时间").FillAsync(start.AddHours(2).ToString("yyyy-MM-ddTHH:mm"));
                await page.GetByRole(AriaRole.Button, new() { Name = "发布活动并通知党员" }).ClickAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("活动已发布");
                var detailUrl = page.Url;
                await Expect(page.Locator("#present")).ToHaveTextAsync("0");

                await page.Locator("#show-qr").ClickAsync();
                await page.WaitForFunctionAsync(
                    "() => { const i = document.querySelector('#qr'); return i.complete && i.naturalWidth > 100; }"
                );
                var link = await page.Locator("#checkin-link").GetAttributeAsync("href");
                Assert.Matches(new Regex("/Activities/CheckIn/\\d+\\?code="), link!);

                // The member scans the code with their own phone, signs in there and lands on the check-in page.
                await using var phone = await app.Browser.NewContextAsync(
                    new()
                    {
                        BaseURL = app.BaseUrl,
                        Locale = "zh-CN",
                        ViewportSize = new() { Width = 390, Height = 844 },
                    }
                );
                var member = await phone.NewPageAsync();
                member.SetDefaultTimeout(15_000);
                await member.GotoAsync(link!);
                await member.GetByLabel("卡号或手机号").FillAsync("1000000004");
                await member.GetByLabel("密码").FillAsync(SignInPages.Password);
                await member.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
                await Expect(member.Locator("#topic")).ToHaveTextAsync("浏览器主题党日");
                await member.Locator("#check-in").ClickAsync();
                await Expect(member.Locator("#checked-in")).ToContainTextAsync("签到成功");
                await member.GotoAsync("/");
                await Expect(member.Locator("#my-activities .upcoming-activity", new() { HasText = "浏览器主题党日" }))
                    .ToContainTextAsync("已签到");

                await page.GotoAsync(detailUrl);
                await Expect(page.Locator("#present")).ToHaveTextAsync("1");
                await Expect(page.Locator("#participants tbody tr", new() { HasText = "扫码" })).ToHaveCountAsync(1);
            }
        );
}
