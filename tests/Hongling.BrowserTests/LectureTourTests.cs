using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class LectureTourTests(BrowserApp app)
{
    [Fact]
    public Task Course_MemberEnrolsAndScansTheSessionQr_AttendanceAndCompletionAreMarked() =>
        app.RunAsync(
            nameof(Course_MemberEnrolsAndScansTheSessionQr_AttendanceAndCompletionAreMarked),
            "1000000002",
            async town =>
            {
                await town.GotoAsync("/Lectures");
                await town.GetByLabel("课程名称").FillAsync("浏览器党章讲座");
                await town.GetByLabel("名额").FillAsync("20");
                await town.GetByRole(AriaRole.Button, new() { Name = "开设课程" }).ClickAsync();
                await Expect(town.Locator("#status")).ToContainTextAsync("浏览器党章讲座");
                var courseUrl = town.Url;
                var start = DateTime.UtcNow.AddHours(8).AddMinutes(20);
                await town.Locator("#session-form input[name=Topic]").FillAsync("党章总纲");
                await town.Locator("#session-form input[name=Place]").FillAsync("党员服务中心");
                await town.Locator("#session-form input[name=StartsAt]").FillAsync(start.ToString("yyyy-MM-ddTHH:mm"));
                await town.GetByRole(AriaRole.Button, new() { Name = "安排" }).ClickAsync();
                await Expect(town.Locator("#status")).ToContainTextAsync("第1讲");

                await using var phone = await app.NewContextAsync("1000000004");
                var member = await phone.NewPageAsync();
                await member.GotoAsync("/Lectures/Mine");
                await member
                    .Locator("#offered li", new() { HasText = "浏览器党章讲座" })
                    .GetByRole(AriaRole.Button, new() { Name = "报名" })
                    .ClickAsync();
                await Expect(member.Locator("#status")).ToContainTextAsync("报名成功");

                await town.Locator("#qr-1").ClickAsync();
                await town.WaitForFunctionAsync(
                    "() => { const i = document.querySelector('#qr'); return i.complete && i.naturalWidth > 100; }"
                );
                var link = await town.Locator("#checkin-link").GetAttributeAsync("href");
                Assert.Matches(new Regex("/Lectures/CheckIn/\\d+\\?code="), link!);

                await member.GotoAsync(link!);
                await member.Locator("#check-in").ClickAsync();
                await Expect(member.Locator("#checked-in")).ToContainTextAsync("签到成功");

                await town.GotoAsync(courseUrl);
                var row = town.Locator("#enrolments tbody tr").First;
                await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
                await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("结业证书") }).ClickAsync();
                await Expect(town.Locator("#certificate")).ToContainTextAsync("浏览器党章讲座");
            }
        );
}
