using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>Bookings in the browser: the town offers a room, a member books a slot on a 360 px phone, and another
/// member of the town sees that slot taken.</summary>
public sealed class BookingTourTests(BrowserApp app)
{
    private static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task Member_BooksARoomOnAPhone_AnotherMemberSeesTheSlotTaken()
    {
        const string room = "浏览器党员学习室";
        await using (var town = await app.NewContextAsync("1000000002", new() { Width = 1280, Height = 900 }))
        {
            var page = await town.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync("/Bookings");
            await page.Locator("#new-resource").ClickAsync();
            await page.GetByLabel("名称").FillAsync(room);
            await page.GetByLabel("地点").FillAsync("东城街道党群服务中心二楼");
            await page.Locator("input[name='Input.Capacity']").FillAsync("12");
            for (var i = 0; i < 7; i++)
                await page.Locator($"#day-{i}").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.Locator("#status")).ToContainTextAsync(room);
        }

        var tomorrow = DateTime.UtcNow.AddHours(8).Date.AddDays(1).ToString("yyyy-MM-dd");
        string slot,
            calendarUrl;
        await using (var phone = await app.NewContextAsync("1000000004", SmallPhone))
        {
            var page = await phone.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync("/Bookings/Offers");
            await page.Locator(".offer", new() { HasText = room }).ClickAsync();
            calendarUrl = new Uri(page.Url).PathAndQuery;
            var free = page.Locator($"section[data-day='{tomorrow}'] .slot-free").First;
            slot = (await free.GetAttributeAsync("data-slot"))!;
            await free.ClickAsync();
            await page.Locator("#People").FillAsync("8");
            await page.Locator("#confirm-booking").ClickAsync();
            await Expect(page.Locator("#status")).ToContainTextAsync("预约成功");
            await Expect(page.Locator($"[data-slot='{slot}']"))
                .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("slot-mine"));
            // The calendar fits a 360 px screen: nothing scrolls sideways.
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")
            );
            await page.GotoAsync("/Bookings/Mine");
            await Expect(page.Locator("#upcoming")).ToContainTextAsync(room);
        }

        await using (var other = await app.NewContextAsync("1000000003", SmallPhone))
        {
            var page = await other.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync(calendarUrl);
            var taken = page.Locator($"[data-slot='{slot}']");
            await Expect(taken).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("slot-taken"));
            await Expect(taken).ToContainTextAsync("已约满");
        }
    }
}
