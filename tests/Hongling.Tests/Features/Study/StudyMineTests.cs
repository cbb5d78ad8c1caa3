using System.Net;
using AngleSharp.Dom;
using Hongling.Web.Domain;
using Hongling.Web.Features.Study;

namespace Hongling.Tests.Features.Study;

/// <summary>我的学习: a member's figures per China-time period, from hand-built StudyDay rows.</summary>
public sealed class StudyMineTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>Wednesday 1 May 2030, 01:00 in China, while it is still 30 April in UTC: the week began on
    /// Monday 29 April, in the previous month.</summary>
    private static readonly DateTimeOffset ChinaMay1 = new(2030, 4, 30, 17, 0, 0, TimeSpan.Zero);

    private void ClockTo(DateTimeOffset at)
    {
        if (app.Clock.GetUtcNow() < at)
            app.Clock.Advance(at - app.Clock.GetUtcNow());
    }

    internal static Task AddDayAsync(
        TestApp app,
        Member m,
        DateOnly day,
        int minutes,
        int opened = 0,
        int completed = 0,
        int online = 0
    ) =>
        app.WithDbAsync(async db =>
        {
            db.StudyDays.Add(
                new StudyDay
                {
                    MemberId = m.Id,
                    Day = day,
                    OrganizationId = m.OrganizationId,
                    StudyMinutes = minutes,
                    MaterialsOpened = opened,
                    MaterialsCompleted = completed,
                    OnlineMinutes = online,
                }
            );
            return await db.SaveChangesAsync();
        });

    private static string Field(IDocument page, string period, string field) =>
        page.TextOf($"#period-{period} [data-field={field}]");

    [Fact]
    public async Task Mine_PeriodsInChinaTime_SumOwnDaysAndScore()
    {
        ClockTo(ChinaMay1);
        var (_, branch) = await app.AddTownAsync("我的学习镇");
        var me = await app.AddMemberAsync(branch, "学习者");
        var other = await app.AddMemberAsync(branch, "旁人");
        await AddDayAsync(app, me, new DateOnly(2030, 5, 1), 10, opened: 2, completed: 1, online: 30); // today
        await AddDayAsync(app, me, new DateOnly(2030, 4, 30), 20, opened: 1, online: 25); // this week, last month
        await AddDayAsync(app, me, new DateOnly(2030, 4, 28), 7); // last week (Sunday)
        await AddDayAsync(app, me, new DateOnly(2030, 4, 10), 40, opened: 3, completed: 2, online: 50);
        await AddDayAsync(app, me, new DateOnly(2030, 1, 5), 100, opened: 4, completed: 1, online: 120);
        // last year
        await AddDayAsync(app, me, new DateOnly(2029, 12, 31), 1000, opened: 9, completed: 9, online: 1000);
        await AddDayAsync(app, other, new DateOnly(2030, 5, 1), 999, opened: 9, completed: 9, online: 999);

        var html = await (await app.SignInAsMemberAsync(me)).GetStringAsync("/Study/Mine");
        var page = Html.Parse(html);

        var expected = new Dictionary<string, (int Minutes, int Opened, int Completed, int Online)>
        {
            ["today"] = (10, 2, 1, 30),
            ["week"] = (30, 3, 1, 55),
            ["month"] = (10, 2, 1, 30),
            ["year"] = (177, 10, 4, 225),
        };
        foreach (var (period, e) in expected)
        {
            Assert.Equal(e.Minutes.ToString(), Field(page, period, "minutes"));
            Assert.Equal(e.Opened.ToString(), Field(page, period, "opened"));
            Assert.Equal(e.Completed.ToString(), Field(page, period, "completed"));
            Assert.Equal(e.Online.ToString(), Field(page, period, "online"));
            Assert.Equal(
                StudyRules.Score(e.Minutes, e.Opened, e.Completed, e.Online).ToString(),
                Field(page, period, "score")
            );
        }
        // The documented formula: minutes + 5 per completed + 1 per opened + 1 per ten online minutes.
        Assert.Equal("20", Field(page, "today", "score"));
        Assert.Equal("229", Field(page, "year", "score"));

        // Twelve months, May 2029 … April 2030 … May 2030: each month's minutes in the chart's table.
        var months = page.TableRows("#months-chart-table").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("1000", months["2029年12月"]);
        Assert.Equal("100", months["2030年1月"]);
        Assert.Equal("67", months["2030年4月"]);
        Assert.Equal("10", months["2030年5月"]);
        Assert.Equal("0", months["2029年6月"]);
        Assert.DoesNotContain("2029年5月", html);
        page.One("svg#months-chart");
    }

    [Fact]
    public async Task Mine_AdministratorWithoutMemberRecord_SeesMessage()
    {
        var (town, _) = await app.AddTownAsync("无党员镇");
        var response = await (await app.SignInAsAdministratorOfAsync(town)).GetAsync("/Study/Mine");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有关联党员信息", await response.Content.ReadAsStringAsync());
    }
}
