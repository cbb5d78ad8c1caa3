using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Exams;

/// <summary>Candidates who are not members (报名人员, 用户实时注册): registering, signing in with the mobile
/// number, approval for one exam by the administrators of their organization, taking it, the results, and
/// that one registrant never reaches another's attempt (the account, not a null member id, is the key).</summary>
public sealed class RegistrationTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewMobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    public static Dictionary<string, string> Form(
        Organization org,
        string mobile,
        string name = "王站长",
        string password = TestApp.Password,
        string? confirm = null
    ) =>
        new()
        {
            ["Input.Name"] = name,
            ["Input.Mobile"] = mobile,
            ["Input.WorkUnit"] = "石柱乡远程教育站点",
            ["Input.OrganizationId"] = org.Id.ToString(),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        };

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, Dictionary<string, string> form) =>
        TestApp.PostFormAsync(client, "/Exams/Register", form);

    /// <summary>A registered and signed-in candidate under <paramref name="town"/>.</summary>
    private async Task<(Registrant Registrant, HttpClient Client)> RegistrantAsync(Organization town, string name)
    {
        var client = app.NewClient();
        var mobile = NewMobile();
        var r = await RegisterAsync(client, Form(town, mobile, name));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return (
            await app.WithDbAsync(db =>
                db.Registrants.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Mobile == mobile)
            ),
            client
        );
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient admin, int examId, string handler, params int[] ids)
    {
        var fields = new List<KeyValuePair<string, string>> { new("examId", examId.ToString()) };
        fields.AddRange(ids.Select(i => new KeyValuePair<string, string>("ids", i.ToString())));
        return PostListAsync(
            admin,
            $"/Exams/Registrants?exam={examId}",
            $"/Exams/Registrants?handler={handler}",
            fields
        );
    }

    private static async Task<HttpResponseMessage> PostListAsync(
        HttpClient client,
        string pageUrl,
        string postUrl,
        List<KeyValuePair<string, string>> fields
    )
    {
        fields.Add(new("__RequestVerificationToken", await TestApp.TokenAsync(client, pageUrl)));
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task Register_CreatesTheAccountAndSignsIn_ThenTheMobileNumberSignsIn()
    {
        var (town, _) = await app.AddTownAsync("注册");
        var client = app.NewClient();
        var mobile = NewMobile();
        var r = await RegisterAsync(client, Form(town, mobile, "李远教"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/Exams/Mine?registered=true", r.Headers.Location!.ToString());
        var mine = await client.GetStringAsync("/Exams/Mine?registered=true", Ct);
        Assert.Contains("注册成功", mine);
        Assert.Contains("目前没有批准您参加的考试", mine);

        var registrant = await app.WithDbAsync(db =>
            db.Registrants.IgnoreQueryFilters()
                .AsNoTracking()
                .Include(x => x.Account)
                .SingleAsync(x => x.Mobile == mobile)
        );
        Assert.Equal(
            ("李远教", "石柱乡远程教育站点", town.Id, town.Path),
            (registrant.Name, registrant.WorkUnit, registrant.OrganizationId, registrant.OrgPath)
        );
        Assert.Equal(mobile, registrant.Account!.UserName);
        Assert.Null(registrant.Account.MemberId);

        var again = app.NewClient();
        var signIn = await TestApp.SignInAsync(again, mobile);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await again.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Exams/Mine", home.Headers.Location!.ToString());
        // A registrant administers nothing and reads no member's record.
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/Exams/Registrants", Ct)).StatusCode);
        Assert.StartsWith(
            "/Account/AccessDenied",
            (await again.GetAsync("/Exams/Registrants", Ct)).Headers.Location!.AbsolutePath
        );
    }

    [Fact]
    public async Task Register_BadInput_GetsChineseMessages_AndSavesNothing()
    {
        var (town, branch) = await app.AddTownAsync("注册错");
        var taken = (await RegistrantAsync(town, "已注册")).Registrant.Mobile;
        var before = await app.WithDbAsync(async db =>
            (await db.Users.CountAsync(), await db.Registrants.IgnoreQueryFilters().CountAsync())
        );
        var client = app.NewClient();
        async Task<string> Post(Dictionary<string, string> form)
        {
            var r = await RegisterAsync(client, form);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return await r.Content.ReadAsStringAsync(Ct);
        }

        var empty = await Post(new Dictionary<string, string>());
        foreach (
            var message in new[]
            {
                "请填写姓名",
                "请填写手机号码",
                "请填写工作单位",
                "请选择所属乡镇或单位",
                "请设置密码",
            }
        )
            Assert.Contains(message, empty);
        Assert.Contains("手机号码应为以1开头的11位数字", await Post(Form(town, "12345")));
        Assert.Contains("该手机号码已注册,请直接登录", await Post(Form(town, taken)));
        Assert.Contains("两次输入的密码不一致", await Post(Form(town, NewMobile(), confirm: "another1234")));
        Assert.Contains("密码至少需要8位", await Post(Form(town, NewMobile(), password: "ab12")));
        // A branch is not offered: registrants belong to the district or a town.
        Assert.Contains("请从列表中选择所属乡镇(街道)", await Post(Form(branch, NewMobile())));
        var form = Form(town, NewMobile());
        form["Input.OrganizationId"] = "999999";
        Assert.Contains("请从列表中选择所属乡镇(街道)", await Post(form));

        var after = await app.WithDbAsync(async db =>
            (await db.Users.CountAsync(), await db.Registrants.IgnoreQueryFilters().CountAsync())
        );
        Assert.Equal(before, after);
        Assert.DoesNotContain(branch.Name, await client.GetStringAsync("/Exams/Register", Ct));
        Assert.Contains(town.Name, await client.GetStringAsync("/Exams/Register", Ct));
    }

    [Fact]
    public async Task ApprovedRegistrant_TakesTheExam_AndTheResultsShowTheWorkUnitWithTheMobileMasked()
    {
        var (town, _) = await app.AddTownAsync("报名考");
        var bank = await app.AddBankAsync(town);
        var exam = await app.AddExamAsync(town, bank);
        var (registrant, candidate) = await RegistrantAsync(town, "赵考生");

        // Not approved yet: the exam is not theirs to see or start.
        Assert.DoesNotContain(exam.Title, await candidate.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await ExamSteps.StartAsync(candidate, exam)).StatusCode);

        var admin = await app.SignInAsAdministratorOfAsync(town);
        var list = await admin.GetStringAsync($"/Exams/Registrants?exam={exam.Id}", Ct);
        Assert.Contains("赵考生", list);
        Assert.Contains(Mobile.Mask(registrant.Mobile), list);
        Assert.DoesNotContain(registrant.Mobile, list);
        Assert.Contains("未批准", list);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(admin, exam.Id, "Approve", registrant.Id)).StatusCode);
        Assert.Contains("已批准", await admin.GetStringAsync($"/Exams/Registrants?exam={exam.Id}", Ct));
        Assert.Contains(exam.Title, await candidate.GetStringAsync("/Exams/Mine", Ct));

        var id = await ExamSteps.StartedAsync(candidate, exam);
        var paper = await ExamSteps.PaperAsync(candidate, id);
        var single = paper.Items.First(i => i.Type == "Single");
        Assert.Equal(
            HttpStatusCode.OK,
            (await ExamSteps.SaveAsync(candidate, id, single.Position, 1, single.Options[0].Key)).StatusCode
        );
        var submit = await candidate.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var attempt = await app.WithDbAsync(db =>
            db.Attempts.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id)
        );
        Assert.Equal(
            (AttemptState.Graded, (int?)null, (int?)registrant.Id, town.Id),
            (attempt.State, attempt.MemberId, attempt.RegistrantId, attempt.OrganizationId)
        );
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync($"/Exams/Review/{id}", Ct)).StatusCode);
        Assert.Contains(exam.Title, await candidate.GetStringAsync("/Exams/Mine", Ct));

        var results = await admin.GetStringAsync($"/Exams/Results/{exam.Id}", Ct);
        Assert.Contains("赵考生", results);
        Assert.Contains("石柱乡远程教育站点(报名人员,报名考党委)", results);
        Assert.Contains(Mobile.Mask(registrant.Mobile), results);
        Assert.DoesNotContain(registrant.Mobile, results);
        var export = await admin.GetAsync($"/Exams/Results/{exam.Id}?handler=Export", Ct);
        using var book = new XLWorkbook(await export.Content.ReadAsStreamAsync(Ct));
        var row = book.Worksheet(1).Row(2);
        Assert.Equal("赵考生", row.Cell(1).GetString());
        Assert.Equal("石柱乡远程教育站点(报名人员,报名考党委)", row.Cell(2).GetString());
        Assert.Equal(Mobile.Mask(registrant.Mobile), row.Cell(3).GetString());

        // Revoked: no new attempt (the exam allows one anyway), and the exam leaves their list while the history stays.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(admin, exam.Id, "Revoke", registrant.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ExamSteps.StartAsync(candidate, exam)).StatusCode);
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.ExamApprovals.IgnoreQueryFilters().CountAsync(x => x.RegistrantId == registrant.Id)
            )
        );
    }

    [Fact]
    public async Task OneRegistrant_NeverReachesAnothersAttempt()
    {
        var (town, branch) = await app.AddTownAsync("报名隔离");
        var bank = await app.AddBankAsync(town);
        var exam = await app.AddExamAsync(town, bank);
        var (a, clientA) = await RegistrantAsync(town, "甲考生");
        var (b, clientB) = await RegistrantAsync(town, "乙考生");
        var admin = await app.SignInAsAdministratorOfAsync(town);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(admin, exam.Id, "Approve", a.Id, b.Id)).StatusCode);
        var idA = await ExamSteps.StartedAsync(clientA, exam);
        var idB = await ExamSteps.StartedAsync(clientB, exam);
        Assert.NotEqual(idA, idB);
        var itemA = (await ExamSteps.PaperAsync(clientA, idA)).Items.First(i => i.Type == "Single");

        // Neither has a member id: were the key the member, null would equal null here.
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/exams/attempts/{idA}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Exams/Take/{idA}", Ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ExamSteps.SaveAsync(clientB, idA, itemA.Position, 5, itemA.Options[0].Key)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await clientB.PostAsync($"/api/exams/attempts/{idA}/submit", null, Ct)).StatusCode
        );
        // A member without a registrant record (and an administrator's own account) are no different.
        var (_, member) = await app.CandidateAsync(branch);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/exams/attempts/{idA}", Ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await clientA.PostAsync($"/api/exams/attempts/{idA}/submit", null, Ct)).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Exams/Review/{idA}", Ct)).StatusCode);
        Assert.DoesNotContain(idA.ToString(), await clientB.GetStringAsync("/Exams/Mine", Ct));
        var stored = await app.WithDbAsync(db =>
            db.Attempts.IgnoreQueryFilters().AsNoTracking().Include(x => x.Items).SingleAsync(x => x.Id == idA)
        );
        Assert.All(stored.Items, i => Assert.True(i.AnswerSeq == 0, "B's save must not reach A's paper"));
        Assert.Equal(
            AttemptState.InProgress,
            (
                await app.WithDbAsync(db =>
                    db.Attempts.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == idB)
                )
            ).State
        );
    }

    [Fact]
    public async Task Approvals_OutsideTheAdministratorsScope_Answer404_AndChangeNothing()
    {
        var (town, _) = await app.AddTownAsync("报名甲镇");
        var (otherTown, _) = await app.AddTownAsync("报名乙镇");
        var bank = await app.AddBankAsync(town);
        var exam = await app.AddExamAsync(town, bank);
        var otherExam = await app.AddExamAsync(otherTown, await app.AddBankAsync(otherTown));
        var (registrant, _) = await RegistrantAsync(town, "甲镇考生");
        var outsider = await app.SignInAsAdministratorOfAsync(otherTown);

        var list = await outsider.GetStringAsync($"/Exams/Registrants?exam={otherExam.Id}", Ct);
        Assert.DoesNotContain("甲镇考生", list);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await outsider.GetAsync($"/Exams/Registrants?exam={exam.Id}", Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await DecideAsync(outsider, otherExam.Id, "Approve", registrant.Id)).StatusCode
        );
        var admin = await app.SignInAsAdministratorOfAsync(town);
        // The town's own administrator cannot approve for an exam they do not see either.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await PostListAsync(
                    admin,
                    "/Exams/Registrants",
                    "/Exams/Registrants?handler=Approve",
                    [new("examId", otherExam.Id.ToString()), new("ids", registrant.Id.ToString())]
                )
            ).StatusCode
        );
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.ExamApprovals.IgnoreQueryFilters().CountAsync(x => x.RegistrantId == registrant.Id)
            )
        );

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(admin, exam.Id, "Approve", registrant.Id)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await PostListAsync(
                    outsider,
                    "/Exams/Registrants",
                    "/Exams/Registrants?handler=Revoke",
                    [new("examId", exam.Id.ToString()), new("ids", registrant.Id.ToString())]
                )
            ).StatusCode
        );
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.ExamApprovals.IgnoreQueryFilters().CountAsync(x => x.RegistrantId == registrant.Id)
            )
        );
    }
}

/// <summary>Registration is rate-limited per client address (its own host, so the limit is not shared with other
/// tests).</summary>
public sealed class RegistrationLimitTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AFloodOfRegistrations_From_OneAddress_Gets429()
    {
        var (town, _) = await app.AddTownAsync("注册限流");
        var client = app.NewClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < TestApp.RegistrationsPerHour + 1; i++)
            codes.Add((await RegistrationTests.RegisterAsync(client, RegistrationTests.Form(town, "1"))).StatusCode);
        Assert.All(codes.Take(TestApp.RegistrationsPerHour), c => Assert.Equal(HttpStatusCode.OK, c));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
        // Opening the form is not counted, and the limit keeps its Chinese page.
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.GetAsync("/Exams/Register", TestContext.Current.CancellationToken)).StatusCode
        );
    }
}
