using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Volunteering;

/// <summary>Volunteer service (志愿服务): projects, sign-up, hours confirmed by the organizer, each member's yearly hours
/// on their record, totals per organization, and the scope.</summary>
public sealed class VolunteerTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>A project of <paramref name="org"/> that began <paramref name="begunHours"/> ago and lasts four
    /// hours.</summary>
    private Task<VolunteerProject> ProjectAsync(Organization org, double begunHours = 1, int? capacity = null) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var p = new VolunteerProject
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                Title = "社区环境整治志愿服务",
                Place = "幸福社区",
                StartsAt = now.AddHours(-begunHours),
                EndsAt = now.AddHours(4 - begunHours),
                Capacity = capacity,
                CreatedAt = now,
                CreatedBy = "测试",
            };
            db.VolunteerProjects.Add(p);
            await db.SaveChangesAsync();
            return p;
        });

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient member, int projectId) =>
        TestApp.PostFormAsync(
            member,
            "/Volunteering/Projects",
            new Dictionary<string, string> { ["projectId"] = projectId.ToString() },
            "/Volunteering/Projects?handler=SignUp"
        );

    private static Task<HttpResponseMessage> HoursAsync(HttpClient admin, int projectId, int signUpId, string hours) =>
        TestApp.PostFormAsync(
            admin,
            $"/Volunteering/Detail/{projectId}",
            new Dictionary<string, string> { ["signUpId"] = signUpId.ToString(), ["hours"] = hours },
            $"/Volunteering/Detail/{projectId}?handler=Hours"
        );

    [Fact]
    public async Task SignUp_HoursConfirmedByTheOrganizer_OnTheMembersRecord_AndInTheTotals()
    {
        var (town, branch) = await app.AddTownAsync("志愿");
        var organizer = await app.SignInAsAdministratorOfAsync(town);
        var (member, client) = await app.SignInAsMemberAsync(branch, "甲志愿");
        var project = await ProjectAsync(town);

        Assert.Contains(
            "社区环境整治志愿服务",
            (await client.GetDocumentAsync("/Volunteering/Projects")).TextOf("#open-projects")
        );
        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync(client, project.Id)).StatusCode);
        var again = await SignUpAsync(client, project.Id);
        Assert.Contains("您已报名该项目", (await Html.ParseAsync(again)).TextOf("#error"));
        var signUp = await app.WithDbAsync(db => db.VolunteerSignUps.SingleAsync(s => s.ProjectId == project.Id));
        Assert.Equal((member.Id, branch.Id), (signUp.MemberId, signUp.OrganizationId));

        foreach (
            var (bad, message) in new[]
            {
                ("5", "0.5 到 4 小时"),
                ("0", "0.5 到 4 小时"),
                ("1.3", "以半小时计"),
                ("两小时", "0.5 到 4 小时"),
            }
        )
        {
            var refused = await HoursAsync(organizer, project.Id, signUp.Id, bad);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, (await Html.ParseAsync(refused)).TextOf("#error"));
        }
        Assert.Null(
            await app.WithDbAsync(db =>
                db.VolunteerSignUps.Where(s => s.Id == signUp.Id).Select(s => s.Hours).SingleAsync()
            )
        );
        // A member cannot confirm their own hours: the page is the organizer's.
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/Volunteering/Detail/{project.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await HoursAsync(organizer, project.Id, signUp.Id, "2.5")).StatusCode);
        Assert.Equal(
            2.5m,
            await app.WithDbAsync(db =>
                db.VolunteerSignUps.Where(s => s.Id == signUp.Id).Select(s => s.Hours).SingleAsync()
            )
        );

        var year = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1).ToChina().Year;
        var mine = await client.GetDocumentAsync("/Members/Mine");
        Assert.Equal([$"{year} 年", "1", "2.5"], mine.TableRows("#volunteer-hours table")[0]);
        var record = await organizer.GetDocumentAsync($"/Members/Detail/{member.Id}");
        Assert.Equal("2.5", record.TextOf("#volunteer-hours td.hours"));

        var district = await app.SignInAsDistrictAsync();
        var root = await app.WithDbAsync(db =>
            db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).FirstAsync()
        );
        var totals = await district.GetDocumentAsync($"/Volunteering/Totals?org={root}&year={year}");
        Assert.Contains(["志愿党委", "1", "1", "2.5"], totals.TableRows("#units"));
        Assert.NotNull(totals.QuerySelector("svg#volunteer-hours-chart"));
        var own = await organizer.GetDocumentAsync($"/Volunteering/Totals?org={town.Id}&year={year}");
        Assert.Equal(
            [
                ["志愿第一党支部", "1", "1", "2.5"],
            ],
            own.TableRows("#units")
        );
        Assert.Contains("共 2.5 小时", own.TextOf("#total"));
    }

    [Fact]
    public async Task SignUp_Full_Ended_OrOutsideTheAudience_Refused_HoursBeforeTheStartRefused()
    {
        var (town, branch) = await app.AddTownAsync("满员");
        var (_, other) = await app.AddTownAsync("别处");
        var organizer = await app.SignInAsAdministratorOfAsync(town);
        var (_, first) = await app.SignInAsMemberAsync(branch, "甲满员");
        var (_, second) = await app.SignInAsMemberAsync(branch, "乙满员");
        var (_, outsider) = await app.SignInAsMemberAsync(other, "别处党员");
        var future = await ProjectAsync(town, begunHours: -24, capacity: 1);
        var ended = await ProjectAsync(town, begunHours: 10);

        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync(first, future.Id)).StatusCode);
        Assert.Contains("报名人数已满", (await Html.ParseAsync(await SignUpAsync(second, future.Id))).TextOf("#error"));
        Assert.Contains("已经结束", (await Html.ParseAsync(await SignUpAsync(second, ended.Id))).TextOf("#error"));
        Assert.Equal(HttpStatusCode.NotFound, (await SignUpAsync(outsider, future.Id)).StatusCode);

        var signUp = await app.WithDbAsync(db => db.VolunteerSignUps.SingleAsync(s => s.ProjectId == future.Id));
        Assert.Contains(
            "项目开始后才能确认服务时长",
            (await Html.ParseAsync(await HoursAsync(organizer, future.Id, signUp.Id, "2"))).TextOf("#error")
        );
        var otherAdmin = await app.SignInAsAdministratorOfAsync(other);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await otherAdmin.GetAsync($"/Volunteering/Detail/{future.Id}")).StatusCode
        );
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.VolunteerSignUps.CountAsync(s => s.ProjectId == future.Id || s.ProjectId == ended.Id)
            )
        );
    }

    [Fact]
    public async Task Organizer_PublishesAProjectThroughTheForm_BadInputRefused()
    {
        var (town, _) = await app.AddTownAsync("发布志愿");
        var organizer = await app.SignInAsAdministratorOfAsync(town);
        var bad = await TestApp.PostFormAsync(
            organizer,
            $"/Volunteering/Edit?org={town.Id}",
            new Dictionary<string, string>
            {
                ["Input.OrganizationId"] = town.Id.ToString(),
                ["Input.Title"] = "",
                ["Input.Place"] = "敬老院",
                ["Input.StartsAt"] = "2030-06-01T09:00",
                ["Input.EndsAt"] = "2030-06-01T08:00",
                ["Input.Capacity"] = "0",
            }
        );
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写项目名称", html);
        Assert.Contains("结束时间应晚于开始时间", html);
        Assert.Contains("招募人数应为", html);
        var ok = await TestApp.PostFormAsync(
            organizer,
            $"/Volunteering/Edit?org={town.Id}",
            new Dictionary<string, string>
            {
                ["Input.OrganizationId"] = town.Id.ToString(),
                ["Input.Title"] = "敬老院义务劳动",
                ["Input.Place"] = "敬老院",
                ["Input.StartsAt"] = "2030-06-01T09:00",
                ["Input.EndsAt"] = "2030-06-01T12:00",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var p = await app.WithDbAsync(db => db.VolunteerProjects.SingleAsync(x => x.OrganizationId == town.Id));
        Assert.Equal((new DateTime(2030, 6, 1, 1, 0, 0), town.Path), (p.StartsAt, p.AudiencePath));
    }

    [Fact]
    public async Task SignUp_ManyAtOnceForTheLastPlaces_ExactlyTheLimitGetIn_AWithdrawnPlaceIsTakenAgain()
    {
        var (town, branch) = await app.AddTownAsync("抢报");
        var project = await ProjectAsync(town, begunHours: -24, capacity: 3);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 12; i++)
            clients.Add((await app.SignInAsMemberAsync(branch, $"抢报{i}")).Client);
        var tokens = await Task.WhenAll(clients.Select(c => TestApp.TokenAsync(c, "/Volunteering/Projects")));
        // The forms are ready first, so that the posts leave together.
        var answers = await Task.WhenAll(
            clients.Select(
                (c, i) =>
                    c.PostAsync(
                        "/Volunteering/Projects?handler=SignUp",
                        new FormUrlEncodedContent(
                            new Dictionary<string, string>
                            {
                                ["projectId"] = project.Id.ToString(),
                                ["__RequestVerificationToken"] = tokens[i],
                            }
                        )
                    )
            )
        );
        Assert.Equal(3, answers.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var lost in answers.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains("报名人数已满", (await Html.ParseAsync(lost)).TextOf("#error"));
        var places = await app.WithDbAsync(db =>
            db.VolunteerSignUps.Where(s => s.ProjectId == project.Id).Select(s => s.Place).ToListAsync()
        );
        Assert.Equal([1, 2, 3], places.Order());

        var winner = clients[Array.FindIndex(answers, r => r.StatusCode == HttpStatusCode.Redirect)];
        var loser = clients[Array.FindIndex(answers, r => r.StatusCode != HttpStatusCode.Redirect)];
        var withdraw = await TestApp.PostFormAsync(
            winner,
            "/Volunteering/Projects",
            new Dictionary<string, string> { ["projectId"] = project.Id.ToString() },
            "/Volunteering/Projects?handler=Withdraw"
        );
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync(loser, project.Id)).StatusCode);
        Assert.Contains(
            "报名人数已满",
            (await Html.ParseAsync(await SignUpAsync(winner, project.Id))).TextOf("#error")
        );
        Assert.Equal(
            3,
            await app.WithDbAsync(db =>
                db.VolunteerSignUps.CountAsync(s => s.ProjectId == project.Id && s.WithdrawnAt == null)
            )
        );
    }

    /// <summary>The database itself refuses a second live sign-up holding a place, whatever the code does.</summary>
    [Fact]
    public async Task UniqueIndex_RefusesTwoLiveSignUpsOnOnePlace_ButNotAWithdrawnOne()
    {
        var (town, branch) = await app.AddTownAsync("名额索引");
        var project = await ProjectAsync(town, begunHours: -24, capacity: 2);
        var a = await app.AddMemberAsync(branch, "甲索引");
        var b = await app.AddMemberAsync(branch, "乙索引");
        var c = await app.AddMemberAsync(branch, "丙索引");
        VolunteerSignUp Row(Member m, DateTime? withdrawn) =>
            new()
            {
                ProjectId = project.Id,
                MemberId = m.Id,
                OrganizationId = branch.Id,
                SignedUpAt = DateTime.UtcNow,
                WithdrawnAt = withdrawn,
                Place = 1,
            };
        await app.WithDbAsync(async db =>
        {
            db.VolunteerSignUps.AddRange(Row(a, DateTime.UtcNow), Row(b, null));
            return await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            app.WithDbAsync(async db =>
            {
                db.VolunteerSignUps.Add(Row(c, null));
                return await db.SaveChangesAsync();
            })
        );
    }
}
