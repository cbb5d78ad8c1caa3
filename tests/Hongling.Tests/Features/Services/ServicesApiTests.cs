using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Services;

/// <summary>The member services' JSON API (bookings, aid, lectures, volunteering): a member's phone does what the
/// pages do, refusals are Chinese problem bodies, and whatever another town offers answers 404.</summary>
public sealed class ServicesApiTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Towns(Organization Town, Organization Branch, Organization Other, HttpClient Member);

    private async Task<Towns> TownsAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        var (other, _) = await app.AddTownAsync("别处" + name);
        var (_, member) = await app.SignInAsMemberAsync(branch, "王" + name);
        return new Towns(town, branch, other, member);
    }

    private Task<T> AddAsync<T>(T row)
        where T : class =>
        app.WithDbAsync(async db =>
        {
            db.Add(row);
            await db.SaveChangesAsync();
            return row;
        });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status, string code)
    {
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    private BookableResource Room(Organization org) =>
        new()
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            Kind = BookableKind.Room,
            Name = org.Name + "学习室",
            Place = "服务中心",
            Capacity = 10,
            Weekdays = 127,
            OpensAt = new TimeOnly(8, 0),
            ClosesAt = new TimeOnly(18, 0),
            SlotMinutes = 60,
            CancelHoursBefore = 2,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };

    [Fact]
    public async Task Bookings_ListSlotsBookCancel_BadSlotInChinese_OtherTownsResource404()
    {
        var t = await TownsAsync("接口预约");
        var room = await AddAsync(Room(t.Town));
        var foreign = await AddAsync(Room(t.Other));

        var resources = await t.Member.GetFromJsonAsync<JsonElement>("/api/bookings/resources");
        var ids = resources.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(room.Id, ids);
        Assert.DoesNotContain(foreign.Id, ids);
        var week = await t.Member.GetFromJsonAsync<JsonElement>($"/api/bookings/resources/{room.Id}/slots");
        Assert.Equal(7, week.GetArrayLength());
        await ProblemAsync(
            await t.Member.GetAsync($"/api/bookings/resources/{foreign.Id}/slots"),
            HttpStatusCode.NotFound,
            "booking_not_found"
        );

        var slot = DateTime.SpecifyKind(
            app.Clock.TodayInChina().AddDays(2).ToDateTime(new TimeOnly(9, 0)) - ChinaTime.Offset,
            DateTimeKind.Utc
        );
        var booked = await t.Member.PostAsJsonAsync($"/api/bookings/resources/{room.Id}", new { startsAt = slot });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ProblemAsync(
            await t.Member.PostAsJsonAsync($"/api/bookings/resources/{room.Id}", new { startsAt = slot }),
            HttpStatusCode.Conflict,
            "booking_already_yours"
        );
        var night = await ProblemAsync(
            await t.Member.PostAsJsonAsync($"/api/bookings/resources/{room.Id}", new { startsAt = slot.AddHours(12) }),
            HttpStatusCode.BadRequest,
            "booking_outside_opening_hours"
        );
        Assert.Contains("不在开放时间内", night.GetProperty("detail").GetString());
        await ProblemAsync(
            await t.Member.PostAsJsonAsync($"/api/bookings/resources/{foreign.Id}", new { startsAt = slot }),
            HttpStatusCode.NotFound,
            "booking_not_found"
        );
        week = await t.Member.GetFromJsonAsync<JsonElement>($"/api/bookings/resources/{room.Id}/slots");
        Assert.Contains(week.EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()), s =>
            s.GetProperty("mine").GetBoolean() && s.GetProperty("taken").GetInt32() == 1
        );

        var (_, stranger) = await app.SignInAsMemberAsync(t.Branch, "李接口预约");
        await ProblemAsync(
            await stranger.PostAsync($"/api/bookings/{bookingId}/cancel", null),
            HttpStatusCode.NotFound,
            "booking_not_found"
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await t.Member.PostAsync($"/api/bookings/{bookingId}/cancel", null)).StatusCode
        );
        var mine = await t.Member.GetFromJsonAsync<JsonElement>("/api/bookings/mine");
        Assert.NotEqual(JsonValueKind.Null, mine.EnumerateArray().Single().GetProperty("cancelledAt").ValueKind);
    }

    [Fact]
    public async Task Aid_FundsApplyMine_MissingAttachmentInChinese_OtherTownsFund404()
    {
        var t = await TownsAsync("接口帮扶");
        Fund Fund(Organization org) =>
            new()
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                Name = org.Name + "互助金",
                Kind = FundKind.MutualAid,
            };
        var fund = await AddAsync(Fund(t.Town));
        var foreign = await AddAsync(Fund(t.Other));
        var funds = await t.Member.GetFromJsonAsync<JsonElement>("/api/aid/funds");
        Assert.Equal([fund.Id], funds.EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));

        async Task<HttpResponseMessage> Apply(int fundId, string amount, bool withFile)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(await TestApp.TokenAsync(t.Member, "/Aid/Apply")), "__RequestVerificationToken" },
                { new StringContent(fundId.ToString()), "fundId" },
                { new StringContent("Emergency"), "kind" },
                { new StringContent(amount), "amount" },
                { new StringContent("家中老人住院,生活困难"), "reason" },
            };
            if (withFile)
                form.Add(new ByteArrayContent("%PDF-1.4\n%%EOF"u8.ToArray()), "files", "住院证明.pdf");
            return await t.Member.PostAsync("/api/aid/applications", form);
        }
        var noFile = await ProblemAsync(
            await Apply(fund.Id, "500", false),
            HttpStatusCode.BadRequest,
            "aid_attachment_required"
        );
        Assert.Contains("请上传证明材料", noFile.GetProperty("detail").GetString());
        await ProblemAsync(await Apply(fund.Id, "五百", true), HttpStatusCode.BadRequest, "aid_amount_not_positive");
        await ProblemAsync(await Apply(foreign.Id, "500", true), HttpStatusCode.NotFound, "fund_not_found");
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.AidApplications.CountAsync(a => a.FundId == fund.Id || a.FundId == foreign.Id)
            )
        );

        Assert.Equal(HttpStatusCode.Created, (await Apply(fund.Id, "500", true)).StatusCode);
        var mine = (await t.Member.GetFromJsonAsync<JsonElement>("/api/aid/applications")).EnumerateArray().Single();
        Assert.Equal(
            ("审核中", 500m),
            (mine.GetProperty("statusText").GetString(), mine.GetProperty("amountAsked").GetDecimal())
        );
    }

    /// <summary>A body that is no readable form (empty, cut short, a boundary that never comes) is a Chinese problem
    /// (an empty form names the fund it lacks), never a server error, whether the token is in the header or
    /// nowhere. Nothing is saved.</summary>
    [Fact]
    public async Task Aid_ApplyWithABrokenBody_IsAProblemNotAServerError()
    {
        var t = await TownsAsync("接口坏表单");
        var token = await TestApp.TokenAsync(t.Member, "/Aid/Apply");
        async Task<HttpResponseMessage> Post(string body, string contentType, bool withToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/aid/applications")
            {
                Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            if (withToken)
                request.Headers.Add("RequestVerificationToken", token);
            return await t.Member.SendAsync(request);
        }
        const string multipart = "multipart/form-data; boundary=xyz";
        (string Body, string Type)[] broken =
        [
            ("", multipart),
            ("", "multipart/form-data"),
            ("--xyz\r\nContent-Disposition: form-data; name=\"fundId\"\r\n\r\n1", multipart),
            ("--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n%PDF", multipart),
            ("garbage without a boundary", multipart),
            ("", "application/x-www-form-urlencoded"),
        ];
        foreach (var (body, type) in broken)
        foreach (var withToken in new[] { true, false })
        {
            var r = await Post(body, type, withToken);
            Assert.True(
                (int)r.StatusCode is >= 400 and < 500,
                $"{type} [{body}] token {withToken}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"
            );
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(
            0,
            await app.WithDbAsync(db => db.AidApplications.CountAsync(a => a.Member!.OrganizationId == t.Branch.Id))
        );
    }

    [Fact]
    public async Task Lectures_ListEnrolCancel_OtherTownsCourse404()
    {
        var t = await TownsAsync("接口讲坛");
        LectureCourse Course(Organization org) =>
            new()
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                Title = org.Name + "党课",
                Target = LectureTarget.AllMembers,
                Seats = 5,
                CompletionSessions = 1,
                CreatedBy = "测试",
            };
        var course = await AddAsync(Course(t.Town));
        var foreign = await AddAsync(Course(t.Other));
        var list = await t.Member.GetFromJsonAsync<JsonElement>("/api/lectures");
        Assert.Equal(
            [course.Id],
            list.GetProperty("offered").EnumerateArray().Select(c => c.GetProperty("id").GetInt32())
        );

        var enrolled = await t.Member.PostAsync($"/api/lectures/{course.Id}/enrolment", null);
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        Assert.Equal(1, (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seat").GetInt32());
        await ProblemAsync(
            await t.Member.PostAsync($"/api/lectures/{course.Id}/enrolment", null),
            HttpStatusCode.Conflict,
            "lecture_already_enrolled"
        );
        await ProblemAsync(
            await t.Member.PostAsync($"/api/lectures/{foreign.Id}/enrolment", null),
            HttpStatusCode.NotFound,
            "lecture_not_found"
        );
        list = await t.Member.GetFromJsonAsync<JsonElement>("/api/lectures");
        Assert.Equal(
            course.Id,
            list.GetProperty("enrolled").EnumerateArray().Single().GetProperty("courseId").GetInt32()
        );

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await t.Member.DeleteAsync($"/api/lectures/{course.Id}/enrolment")).StatusCode
        );
        await ProblemAsync(
            await t.Member.DeleteAsync($"/api/lectures/{course.Id}/enrolment"),
            HttpStatusCode.NotFound,
            "lecture_enrolment_not_found"
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.LectureEnrolments.CountAsync(e => e.CourseId == course.Id)));
    }

    [Fact]
    public async Task Volunteering_ListSignUpWithdraw_FullInChinese_OtherTownsProject404()
    {
        var t = await TownsAsync("接口志愿");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        VolunteerProject Project(Organization org) =>
            new()
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                Title = org.Name + "义诊",
                Place = "广场",
                StartsAt = now.AddDays(1),
                EndsAt = now.AddDays(1).AddHours(3),
                Capacity = 1,
                CreatedAt = now,
                CreatedBy = "测试",
            };
        var project = await AddAsync(Project(t.Town));
        var foreign = await AddAsync(Project(t.Other));
        var list = await t.Member.GetFromJsonAsync<JsonElement>("/api/volunteering/projects");
        Assert.Equal([project.Id], list.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));

        Assert.Equal(
            HttpStatusCode.OK,
            (await t.Member.PostAsync($"/api/volunteering/projects/{project.Id}/signup", null)).StatusCode
        );
        var (_, second) = await app.SignInAsMemberAsync(t.Branch, "李接口志愿");
        var full = await ProblemAsync(
            await second.PostAsync($"/api/volunteering/projects/{project.Id}/signup", null),
            HttpStatusCode.Conflict,
            "volunteer_project_full"
        );
        Assert.Contains("报名人数已满", full.GetProperty("detail").GetString());
        await ProblemAsync(
            await t.Member.PostAsync($"/api/volunteering/projects/{foreign.Id}/signup", null),
            HttpStatusCode.NotFound,
            "volunteer_project_not_found"
        );
        list = await t.Member.GetFromJsonAsync<JsonElement>("/api/volunteering/projects");
        Assert.True(list.EnumerateArray().Single().GetProperty("signedUp").GetBoolean());

        Assert.Equal(
            HttpStatusCode.OK,
            (await t.Member.PostAsync($"/api/volunteering/projects/{project.Id}/withdraw", null)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await second.PostAsync($"/api/volunteering/projects/{project.Id}/signup", null)).StatusCode
        );
    }
}
