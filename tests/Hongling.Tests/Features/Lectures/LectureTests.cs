using System.Net;
using System.Text.RegularExpressions;
using Hongling.Web.Domain;
using Hongling.Web.Features.Lectures;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Lectures;

/// <summary>The red lecture hall: enrolment within the seats (at the same moment too), QR check-in on the activities'
/// mechanism, completion and its certificate, recruits' courses on their development record, and the scope.</summary>
public sealed class LectureTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<(LectureCourse Course, LectureSession Session)> CourseAsync(
        Organization org,
        int seats,
        LectureTarget target = LectureTarget.AllMembers
    ) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var course = new LectureCourse
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                Title = "学习党章专题讲座",
                Target = target,
                Seats = seats,
                CompletionSessions = 1,
                CreatedBy = "测试",
            };
            db.LectureCourses.Add(course);
            await db.SaveChangesAsync();
            var session = new LectureSession
            {
                CourseId = course.Id,
                Number = 1,
                Topic = "党章总纲",
                Place = "党员服务中心",
                StartsAt = now.AddMinutes(30),
                EndsAt = now.AddHours(2),
            };
            db.LectureSessions.Add(session);
            await db.SaveChangesAsync();
            return (course, session);
        });

    private static Task<HttpResponseMessage> EnrolAsync(HttpClient member, int courseId) =>
        TestApp.PostFormAsync(
            member,
            "/Lectures/Mine",
            new Dictionary<string, string> { ["courseId"] = courseId.ToString() }
        );

    private static async Task<string> CheckInAsync(HttpClient member, string url)
    {
        var code = Regex.Match(url, "code=([^&]+)").Groups[1].Value;
        var response = await TestApp.PostFormAsync(
            member,
            url,
            new Dictionary<string, string> { ["code"] = Uri.UnescapeDataString(code) },
            url.Split('?')[0]
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task QrCheckIn_MarksAttendance_CompletesTheCourse_AndPrintsTheCertificate()
    {
        var (town, branch) = await app.AddTownAsync("讲坛");
        var admin = await app.SignInAsAdministratorOfAsync(town);
        var (member, client) = await app.SignInAsMemberAsync(branch, "赵讲坛");
        var (_, fellow) = await app.SignInAsMemberAsync(branch, "钱讲坛");
        var (course, session) = await CourseAsync(town, 10);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(client, course.Id)).StatusCode);

        var qr = await admin.GetDocumentAsync($"/Lectures/Qr/{session.Id}");
        Assert.StartsWith("data:image/png;base64,", qr.One("img#qr").GetAttribute("src"));
        var url = new Uri(qr.One("a#checkin-link").GetAttribute("href")!).PathAndQuery;
        Assert.Contains("确认签到", await client.GetStringAsync(url));
        Assert.Contains(SessionCheckIn.NotEnrolled, await CheckInAsync(fellow, url));
        Assert.Contains(
            SessionCheckIn.Invalid,
            await CheckInAsync(client, $"/Lectures/CheckIn/{session.Id}?code=forged")
        );
        Assert.Contains("签到成功", await CheckInAsync(client, url));
        Assert.Contains("您已签到", await CheckInAsync(client, url));

        var enrolment = await app.WithDbAsync(db =>
            db.LectureEnrolments.Include(e => e.Attendance).SingleAsync(e => e.CourseId == course.Id)
        );
        Assert.Equal(member.Id, enrolment.MemberId);
        Assert.Equal(CheckInMethod.QrCode, Assert.Single(enrolment.Attendance).Method);
        Assert.NotNull(enrolment.CompletedOn);
        var certificate = await client.GetDocumentAsync($"/Lectures/Certificate/{enrolment.Id}");
        Assert.Equal("赵讲坛", certificate.TextOf("#cert-name"));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await fellow.GetAsync($"/Lectures/Certificate/{enrolment.Id}")).StatusCode
        );
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Lectures/Certificate/{enrolment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Enrol_AtTheSameMoment_NeverPastTheSeats()
    {
        var (town, branch) = await app.AddTownAsync("名额");
        var (course, _) = await CourseAsync(town, 3);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
            clients.Add((await app.SignInAsMemberAsync(branch, "名额" + i)).Client);
        var tokens = await Task.WhenAll(clients.Select(c => TestApp.TokenAsync(c, "/Lectures/Mine")));
        var responses = await Task.WhenAll(
            clients.Select(
                (c, i) =>
                    c.PostAsync(
                        "/Lectures/Mine",
                        new FormUrlEncodedContent(
                            new Dictionary<string, string>
                            {
                                ["courseId"] = course.Id.ToString(),
                                ["__RequestVerificationToken"] = tokens[i],
                            }
                        )
                    )
            )
        );
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains(LectureDesk.Full.Message, await r.Content.ReadAsStringAsync());
        var seats = await app.WithDbAsync(db =>
            db.LectureEnrolments.Where(e => e.CourseId == course.Id).Select(e => e.SeatNumber).ToListAsync()
        );
        Assert.Equal([1, 2, 3], seats.Order());
        var enrolled = clients[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Redirect)];
        Assert.Contains(
            LectureDesk.AlreadyEnrolled.Message,
            await (await EnrolAsync(enrolled, course.Id)).Content.ReadAsStringAsync()
        );
    }

    [Fact]
    public async Task ActivistsCourse_RecruitEnrolledByTheBranch_ShowsOnTheDevelopmentRecord_OutsideIs404()
    {
        var (town, branch) = await app.AddTownAsync("积极分子");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var (course, session) = await CourseAsync(town, 5, LectureTarget.Activists);
        var recruit = await app.WithDbAsync(async db =>
        {
            var r = new Recruit
            {
                Name = "孙积极",
                OrganizationId = branch.Id,
                Stage = DevelopmentStage.Activist,
                AppliedOn = new DateOnly(2025, 3, 1),
                ActivistOn = new DateOnly(2025, 6, 1),
            };
            db.Recruits.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        var enrol = await TestApp.PostFormAsync(
            admin,
            $"/Lectures/Detail/{course.Id}",
            new Dictionary<string, string> { ["recruitId"] = recruit.Id.ToString() },
            $"/Lectures/Detail/{course.Id}?handler=Recruit"
        );
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        var enrolmentId = await app.WithDbAsync(db =>
            db.LectureEnrolments.Where(e => e.RecruitId == recruit.Id).Select(e => e.Id).SingleAsync()
        );
        var attend = await TestApp.PostFormAsync(
            admin,
            $"/Lectures/Detail/{course.Id}",
            new Dictionary<string, string>
            {
                ["enrolmentId"] = enrolmentId.ToString(),
                ["sessionId"] = session.Id.ToString(),
            },
            $"/Lectures/Detail/{course.Id}?handler=Attend"
        );
        Assert.Equal(HttpStatusCode.Redirect, attend.StatusCode);
        var record = await admin.GetDocumentAsync($"/Development/Detail/{recruit.Id}");
        Assert.Contains("学习党章专题讲座", record.One("#lectures").TextContent);
        Assert.Contains(
            DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8)).ToString("yyyy-MM-dd"),
            record.One("#lectures").TextContent
        );

        var (_, otherBranch) = await app.AddTownAsync("外镇讲坛");
        var outsider = await app.SignInAsAdministratorOfAsync(otherBranch);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Lectures/Detail/{course.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Lectures/Qr/{session.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await outsider.GetAsync($"/Lectures/Certificate/{enrolmentId}")).StatusCode
        );
    }

    private static Task<HttpResponseMessage> CancelAsync(HttpClient member, int courseId) =>
        TestApp.PostFormAsync(
            member,
            "/Lectures/Mine",
            new Dictionary<string, string> { ["courseId"] = courseId.ToString() },
            "/Lectures/Mine?handler=Cancel"
        );

    [Fact]
    public async Task Cancel_BeforeTheStart_FreesTheSeat_AfterCheckInOrStartRefused_OthersCourse404()
    {
        var (town, branch) = await app.AddTownAsync("退课");
        var (_, first) = await app.SignInAsMemberAsync(branch, "甲退课");
        var (_, second) = await app.SignInAsMemberAsync(branch, "乙退课");
        var (course, session) = await CourseAsync(town, 1);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(first, course.Id)).StatusCode);
        Assert.Contains(
            LectureDesk.Full.Message,
            await (await EnrolAsync(second, course.Id)).Content.ReadAsStringAsync()
        );
        // Not enrolled: nothing of theirs to cancel.
        Assert.Equal(HttpStatusCode.NotFound, (await CancelAsync(second, course.Id)).StatusCode);
        Assert.NotNull((await first.GetDocumentAsync("/Lectures/Mine")).QuerySelector("#my-courses button.cancel"));

        Assert.Equal(HttpStatusCode.Redirect, (await CancelAsync(first, course.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(second, course.Id)).StatusCode);
        Assert.Equal(
            [1],
            await app.WithDbAsync(db =>
                db.LectureEnrolments.Where(e => e.CourseId == course.Id).Select(e => e.SeatNumber).ToListAsync()
            )
        );

        // Checked in: the enrolment stays, and so it does once the first session has begun.
        await app.WithDbAsync(async db =>
        {
            var e = await db.LectureEnrolments.SingleAsync(x => x.CourseId == course.Id);
            db.LectureAttendance.Add(
                new LectureAttendance
                {
                    EnrolmentId = e.Id,
                    SessionId = session.Id,
                    At = DateTime.UtcNow,
                }
            );
            return await db.SaveChangesAsync();
        });
        var refused = await CancelAsync(second, course.Id);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(LectureDesk.CancelAfterCheckIn.Message, await refused.Content.ReadAsStringAsync());
        var (later, _) = await CourseAsync(town, 5);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(first, later.Id)).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Contains(
            LectureDesk.CancelAfterStart.Message,
            await (await CancelAsync(first, later.Id)).Content.ReadAsStringAsync()
        );
        Assert.Equal(
            2,
            await app.WithDbAsync(db => db.LectureEnrolments.CountAsync(e => e.Course.OrganizationId == town.Id))
        );
    }
}
