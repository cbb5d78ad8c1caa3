using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>Member services a member does on a phone beside the organizer: signing up for volunteer service and
/// seeing the confirmed hours on their record, and cancelling a lecture enrolment before its first session.</summary>
public sealed class VolunteerTourTests(BrowserApp app)
{
    [Fact]
    public Task Volunteer_MemberSignsUp_OrganizerConfirmsHours_TheHoursAreOnTheMembersRecord() =>
        app.RunAsync(
            nameof(Volunteer_MemberSignsUp_OrganizerConfirmsHours_TheHoursAreOnTheMembersRecord),
            "1000000002",
            async town =>
            {
                var now = DateTime.UtcNow.AddHours(8);
                await town.GotoAsync("/Volunteering");
                await town.Locator("#new-project").ClickAsync();
                await town.GetByLabel("项目名称").FillAsync("浏览器社区清扫");
                await town.GetByLabel("服务地点").FillAsync("东城街道第一社区");
                await town.GetByLabel("开始时间").FillAsync(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
                await town.GetByLabel("结束时间").FillAsync(now.AddHours(2).ToString("yyyy-MM-ddTHH:mm"));
                await town.GetByLabel("招募人数(不限可留空)").FillAsync("5");
                await town.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
                await Expect(town.Locator("#projects")).ToContainTextAsync("浏览器社区清扫");

                await using var phone = await app.NewContextAsync("1000000004");
                var member = await phone.NewPageAsync();
                await member.GotoAsync("/Volunteering/Projects");
                var project = member.Locator("#open-projects .list-group-item", new() { HasText = "浏览器社区清扫" });
                await project.GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
                await Expect(member.Locator("#status")).ToContainTextAsync("浏览器社区清扫");
                await Expect(
                        member
                            .Locator("#open-projects .list-group-item", new() { HasText = "浏览器社区清扫" })
                            .Locator(".badge")
                    )
                    .ToHaveTextAsync("已报名");
                await Expect(member.Locator("#my-projects")).ToContainTextAsync("浏览器社区清扫");
                await Expect(member.Locator("#my-projects")).ToContainTextAsync("待确认时长");

                await town.Locator("#projects a", new() { HasText = "浏览器社区清扫" }).ClickAsync();
                var row = town.Locator("#volunteers tbody tr").First;
                await row.GetByLabel("服务时长").FillAsync("2.5");
                await row.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
                await Expect(town.Locator("#status")).ToContainTextAsync("2.5 小时");

                await member.ReloadAsync();
                await Expect(member.Locator("#my-projects")).ToContainTextAsync("已确认 2.5 小时");
                await Expect(member.Locator("#volunteer-hours")).ToContainTextAsync($"{now.Year} 年");
            }
        );

    [Fact]
    public Task Lecture_MemberEnrolsThenCancels_TheCourseIsOfferedAgain() =>
        app.RunAsync(nameof(Lecture_MemberEnrolsThenCancels_TheCourseIsOfferedAgain), "1000000002", async town =>
        {
            await town.GotoAsync("/Lectures");
            await town.GetByLabel("课程名称").FillAsync("浏览器可取消的党课");
            await town.GetByLabel("名额").FillAsync("3");
            await town.GetByRole(AriaRole.Button, new() { Name = "开设课程" }).ClickAsync();
            await Expect(town.Locator("#status")).ToContainTextAsync("浏览器可取消的党课");

            await using var phone = await app.NewContextAsync("1000000004");
            var member = await phone.NewPageAsync();
            await member.GotoAsync("/Lectures/Mine");
            await member
                .Locator("#offered li", new() { HasText = "浏览器可取消的党课" })
                .GetByRole(AriaRole.Button, new() { Name = "报名" })
                .ClickAsync();
            await Expect(member.Locator("#status")).ToContainTextAsync("报名成功");
            var mine = member.Locator("#my-courses li", new() { HasText = "浏览器可取消的党课" });
            await Expect(member.Locator("#offered")).Not.ToContainTextAsync("浏览器可取消的党课");

            await mine.GetByRole(AriaRole.Button, new() { Name = "取消报名" }).ClickAsync();
            await Expect(member.Locator("#status")).ToContainTextAsync("已取消报名:浏览器可取消的党课");
            await Expect(member.Locator("#my-courses")).Not.ToContainTextAsync("浏览器可取消的党课");
            await Expect(member.Locator("#offered")).ToContainTextAsync("浏览器可取消的党课");
        });
}
