using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;

namespace Hongling.Tests.Features.Home;

/// <summary>The home pages that say what to do: a member's, a branch secretary's and the district's or a town's
/// charts, each counting only what is in the caller's scope.</summary>
public sealed class HomeTests(TestApp app) : IClassFixture<TestApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private Task<int> AddAsync(object row) =>
        app.WithDbAsync(db =>
        {
            db.Add(row);
            return db.SaveChangesAsync();
        });

    private Exam ExamFor(Organization branch, string title, TimeSpan closesIn) =>
        new()
        {
            Title = title,
            OrganizationId = branch.Id,
            AudiencePath = branch.Path,
            OpensAt = Now.AddHours(-1),
            ClosesAt = Now + closesIn,
            DurationMinutes = 30,
            AttemptsAllowed = 1,
            Rules = [],
            CreatedAt = Now,
        };

    private Notice NoticeFor(Organization branch, string title) =>
        new()
        {
            OrganizationId = branch.Id,
            AudiencePath = branch.Path,
            Title = title,
            Body = "内容",
            PublishedAt = Now,
            PublishedBy = "测试",
        };

    [Fact]
    public async Task MemberHome_ShowsOwnExamsNoticesAndStudy_NothingFromAnotherBranch()
    {
        var (_, branch) = await app.AddTownAsync("首页镇");
        var (_, other) = await app.AddTownAsync("首页外镇");
        var (me, client) = await app.SignInAsMemberAsync(branch, "首页党员");
        await AddAsync(ExamFor(branch, "本支部考试", TimeSpan.FromDays(2)));
        await AddAsync(ExamFor(branch, "已截止考试", TimeSpan.FromHours(-1)));
        await AddAsync(ExamFor(other, "外镇考试", TimeSpan.FromDays(2)));
        await AddAsync(NoticeFor(branch, "本支部未读公告"));
        var read = NoticeFor(branch, "本支部已读公告");
        await AddAsync(read);
        await AddAsync(
            new NoticeRead
            {
                NoticeId = read.Id,
                MemberId = me.Id,
                ReadAt = Now,
            }
        );
        await AddAsync(NoticeFor(other, "外镇公告"));
        var today = app.Clock.TodayInChina();
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        await AddAsync(
            new StudyDay
            {
                MemberId = me.Id,
                OrganizationId = branch.Id,
                Day = today,
                StudyMinutes = 30,
            }
        );
        var lastMonth = firstOfMonth.AddDays(-1);
        var before = new StudyDay
        {
            MemberId = me.Id,
            OrganizationId = branch.Id,
            Day = lastMonth,
            StudyMinutes = 500,
        };
        await AddAsync(before);

        var home = await client.GetDocumentAsync("/");
        Assert.Equal("1", home.One("#my-exams").GetAttribute("data-count"));
        Assert.Contains("本支部考试", home.TextOf("#my-exams"));
        Assert.Equal("1", home.One("#unread-notices").GetAttribute("data-count"));
        Assert.Contains("本支部未读公告", home.TextOf("#unread-notices"));
        Assert.Equal("30", home.TextOf("#my-study [data-field=minutes]"));
        Assert.Equal("120", home.TextOf("#my-study [data-field=target]"));
        var text = home.Body!.TextContent;
        foreach (var outside in new[] { "外镇考试", "已截止考试", "外镇公告", "本支部已读公告" })
            Assert.DoesNotContain(outside, text);
        // Not in elderly mode: no large buttons.
        Assert.Empty(home.QuerySelectorAll("#elderly-home"));
    }

    [Fact]
    public async Task SecretaryHome_CountsTheBranchesWaitingWork_AndItsTargets_NothingFromAnotherBranch()
    {
        var (town, branch) = await app.AddTownAsync("书记镇");
        var (otherTown, other) = await app.AddTownAsync("书记外镇");
        var secretary = await app.SignInAsAdministratorOfAsync(branch);
        var reader = await app.AddMemberAsync(branch, "已读党员");
        var probationary = await app.AddMemberAsync(branch, "预备党员");
        await app.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(probationary.Id))!.Status = MemberStatus.Probationary;
            return await db.SaveChangesAsync();
        });
        var stranger = await app.AddMemberAsync(other, "外镇党员");
        var messages = new[]
        {
            (branch, MessageState.Unanswered),
            (branch, MessageState.Unanswered),
            (branch, MessageState.Answered),
            (other, MessageState.Unanswered),
        };
        foreach (var (org, state) in messages)
            await AddAsync(
                new Message
                {
                    OrganizationId = org.Id,
                    AuthorName = "群众",
                    Body = "请问",
                    PostedAt = Now,
                    State = state,
                }
            );
        foreach (var (who, org) in new[] { (probationary, branch), (stranger, other) })
            await AddAsync(
                new ThoughtReport
                {
                    MemberId = who.Id,
                    OrganizationId = org.Id,
                    Title = "汇报",
                    Text = "-",
                    SubmittedAt = Now,
                }
            );
        var notice = NoticeFor(branch, "支部公告");
        await AddAsync(notice);
        await AddAsync(
            new NoticeRead
            {
                NoticeId = notice.Id,
                MemberId = reader.Id,
                ReadAt = Now,
            }
        );
        var month = app.Clock.MonthInChina();
        await AddAsync(
            new BulletinTargets
            {
                OrganizationId = town.Id,
                Month = month,
                NoticesPerBranch = 2,
                ActivitiesPerBranch = 3,
            }
        );
        await AddAsync(
            new BulletinTargets
            {
                OrganizationId = otherTown.Id,
                Month = month,
                NoticesPerBranch = 9,
            }
        );

        var home = await secretary.GetDocumentAsync("/");
        Assert.Equal("2", home.TextOf("#unanswered .fs-3"));
        Assert.Equal("1", home.TextOf("#to-review .fs-3"));
        Assert.Equal("0", home.TextOf("#transfers .fs-3"));
        Assert.Equal("50%", home.TextOf($"#notice-rates [data-notice='{notice.Id}'] [data-field=rate]"));
        Assert.Equal("1", home.TextOf("#targets [data-target='每个支部发布组织公告'] [data-field=done]"));
        Assert.Equal("2", home.TextOf("#targets [data-target='每个支部发布组织公告'] [data-field=wanted]"));
        Assert.Equal("3", home.TextOf("#targets [data-target='每个支部发起组织活动'] [data-field=wanted]"));
        Assert.Equal("1", home.TextOf("#targets [data-target='交了思想汇报的预备党员(人)'] [data-field=done]"));
        // A branch has no charts of units beneath it.
        Assert.Empty(home.QuerySelectorAll("#dashboard"));
    }

    [Fact]
    public async Task TownHome_DrawsItsChartsByUnit_EachLinkingToItsTable_NoOtherTown()
    {
        var (town, branch) = await app.AddTownAsync("图表镇");
        var (_, other) = await app.AddTownAsync("图表外镇");
        await app.AddMemberAsync(branch, "图表党员");
        await app.AddMemberAsync(other, "外镇图表党员");
        var code = TestApp.UniqueCode("S");
        await AddAsync(
            new Site
            {
                Name = "图表站点",
                Code = code,
                OrganizationId = branch.Id,
                CreatedAt = Now,
            }
        );
        var home = await (await app.SignInAsAdministratorOfAsync(town)).GetDocumentAsync("/");

        var panels = home.QuerySelectorAll("#dashboard .dashboard-panel");
        Assert.Equal(
            ["trend-share", "completeness-chart", "orglife-chart", "units-chart"],
            panels.Select(p => p.GetAttribute("data-chart")).ToArray()
        );
        Assert.Equal(
            [
                $"/Study/Stats?org={town.Id}",
                $"/Completeness?org={town.Id}",
                $"/OrgLife/Counts?org={town.Id}",
                $"/Sites/Usage?orgId={town.Id}",
            ],
            panels.Select(p => p.QuerySelector("a.btn")!.GetAttribute("href")!.Split('&')[0]).ToArray()
        );
        Assert.Equal(12, panels[0].QuerySelectorAll("table tbody tr").Length);
        foreach (var panel in panels.Skip(1))
            Assert.Equal([branch.Name], panel.QuerySelectorAll("table tbody tr").Select(r => r.Cells()[0]).ToArray());
        Assert.DoesNotContain(other.Name, home.Body!.TextContent);
    }
}
