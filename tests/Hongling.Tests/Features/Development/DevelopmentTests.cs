using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Development;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Development;

public sealed partial class DevelopmentTests(TestApp app) : IClassFixture<TestApp>
{
    private DateOnly Today => app.Clock.TodayInChina();

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<(HttpClient Client, Organization Town, Organization Branch, string Card)> TownAdminAsync(
        string town
    )
    {
        var (t, branch) = await app.AddTownAsync(town);
        var card = TestApp.NewCard();
        return (await app.SignInAsNewAccountAsync(card, administers: [t]), t, branch, card);
    }

    private static Dictionary<string, string> Applicant(
        Organization branch,
        DateOnly appliedOn,
        string name = "李申请",
        string mobile = "13912345678"
    ) =>
        new()
        {
            ["Input.Name"] = name,
            ["Input.Gender"] = "Female",
            ["Input.Mobile"] = mobile,
            ["Input.AppliedOn"] = D(appliedOn),
            ["Input.OrganizationId"] = branch.Id.ToString(),
            ["Input.Note"] = "递交书面申请",
        };

    private static async Task<int> RegisterAsync(
        HttpClient client,
        Organization branch,
        DateOnly appliedOn,
        string name = "李申请"
    )
    {
        var response = await TestApp.PostFormAsync(client, "/Development/Register", Applicant(branch, appliedOn, name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(DetailUrl().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> AdvanceAsync(
        HttpClient client,
        int id,
        string to,
        DateOnly on,
        string note = ""
    ) =>
        TestApp.PostFormAsync(
            client,
            $"/Development/Detail/{id}",
            new Dictionary<string, string>
            {
                ["to"] = to,
                ["On"] = D(on),
                ["Note"] = note,
            },
            $"/Development/Detail/{id}?handler=Advance"
        );

    private static Dictionary<string, string> Admission(DateOnly on, string idNumber, string name = "李申请") =>
        new()
        {
            ["On"] = D(on),
            ["Note"] = "支部大会通过",
            ["Input.Name"] = name,
            ["Input.Gender"] = "Female",
            ["Input.Ethnicity"] = "汉族",
            ["Input.BirthDate"] = IdNumber.BirthDate(IdNumber.Normalize(idNumber)) is { } b ? D(b) : "1990-01-01",
            ["Input.IdNumber"] = idNumber,
            ["Input.Mobile"] = "13912345678",
            ["Input.Education"] = "Bachelor",
        };

    private Task<Recruit> RecruitAsync(int id) =>
        app.WithDbAsync(db =>
            db.Recruits.AsNoTracking().Include(r => r.Steps.OrderBy(s => s.Id)).SingleAsync(r => r.Id == id)
        );

    /// <summary>A recruit set up directly at a stage, with its history.</summary>
    private Task<Recruit> AddRecruitAsync(
        Organization branch,
        DevelopmentStage stage,
        DateOnly applied,
        DateOnly? activist = null,
        DateOnly? candidate = null,
        string name = "赵发展"
    ) =>
        app.WithDbAsync(async db =>
        {
            var r = new Recruit
            {
                Name = name,
                Gender = Gender.Male,
                Mobile = "13800138000",
                OrganizationId = branch.Id,
                Stage = stage,
                AppliedOn = applied,
                ActivistOn = activist,
                CandidateOn = candidate,
            };
            r.Steps.Add(
                new RecruitStep
                {
                    Stage = DevelopmentStage.Applicant,
                    On = applied,
                    RecordedBy = "测试",
                }
            );
            if (activist is { } a)
                r.Steps.Add(
                    new RecruitStep
                    {
                        Stage = DevelopmentStage.Activist,
                        On = a,
                        RecordedBy = "测试",
                    }
                );
            if (candidate is { } c)
                r.Steps.Add(
                    new RecruitStep
                    {
                        Stage = DevelopmentStage.Candidate,
                        On = c,
                        RecordedBy = "测试",
                    }
                );
            db.Recruits.Add(r);
            await db.SaveChangesAsync();
            return r;
        });

    private Task<Member> ProbationaryAsync(Organization branch, string name, DateOnly joinedOn) =>
        app.AddMemberAsync(branch, name)
            .ContinueWith(t =>
                app.WithDbAsync(async db =>
                {
                    var m = await db.Members.SingleAsync(x => x.Id == t.Result.Id);
                    m.Status = MemberStatus.Probationary;
                    m.JoinedOn = joinedOn;
                    await db.SaveChangesAsync();
                    return m;
                })
            )
            .Unwrap();

    private static async Task<string> HtmlAsync(Task<HttpResponseMessage> response) =>
        await (await response).Content.ReadAsStringAsync();

    [Fact]
    public async Task HappyPath_ThroughAllFiveStages_KeepsEveryDateAndTheHistory_AndCreatesTheMember()
    {
        var (client, _, branch, card) = await TownAdminAsync("发展镇");
        var applied = Today.AddDays(-1200);
        var activist = Today.AddDays(-1000);
        var candidate = activist.AddYears(1).AddDays(20);
        var admitted = Today.AddDays(-400);
        var full = DevelopmentRules.FullMembershipDue(admitted).AddDays(3);
        var id = await RegisterAsync(client, branch, applied);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await AdvanceAsync(client, id, "Activist", activist, "支部委员会研究")).StatusCode
        );
        Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(client, id, "Candidate", candidate)).StatusCode);
        var idNumber = TestApp.NextIdNumber();
        var admit = await TestApp.PostFormAsync(client, $"/Development/Admit/{id}", Admission(admitted, idNumber));
        Assert.Equal(HttpStatusCode.Redirect, admit.StatusCode);

        var recruit = await RecruitAsync(id);
        Assert.Equal(DevelopmentStage.Probationary, recruit.Stage);
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == recruit.MemberId));
        Assert.Equal(
            (MemberStatus.Probationary, admitted, branch.Id, "李申请", Gender.Female),
            (member.Status, member.JoinedOn, member.OrganizationId, member.Name, member.Gender)
        );
        Assert.Equal(IdNumber.Mask(idNumber), member.IdNumberMasked);
        Assert.Contains("/Development/Full/" + member.Id, await client.GetStringAsync($"/Members/Detail/{member.Id}"));

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await AdvanceAsync(client, id, "Full", full, "支部大会讨论通过")).StatusCode
        );
        recruit = await RecruitAsync(id);
        Assert.Equal(DevelopmentStage.Full, recruit.Stage);
        Assert.Equal(
            (applied, activist, candidate, admitted, full),
            (
                recruit.AppliedOn,
                recruit.ActivistOn!.Value,
                recruit.CandidateOn!.Value,
                recruit.AdmittedOn!.Value,
                recruit.FullOn!.Value
            )
        );
        Assert.Equal(
            [
                (DevelopmentStage.Applicant, applied),
                (DevelopmentStage.Activist, activist),
                (DevelopmentStage.Candidate, candidate),
                (DevelopmentStage.Probationary, admitted),
                (DevelopmentStage.Full, full),
            ],
            recruit.Steps.Select(s => (s.Stage, s.On))
        );
        Assert.All(recruit.Steps, s => Assert.Contains(card, s.RecordedBy));
        Assert.Equal("支部大会讨论通过", recruit.Steps[^1].Note);
        member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == recruit.MemberId));
        Assert.Equal((MemberStatus.Full, full), (member.Status, member.FullMemberOn!.Value));

        var detail = await client.GetStringAsync($"/Development/Detail/{id}");
        Assert.Contains("正式党员", detail);
        foreach (var d in new[] { applied, activist, candidate, admitted, full })
            Assert.Contains(D(d), detail);
        Assert.DoesNotContain("id=\"next-step\"", detail);

        // The audit log has the registration and each of the four stage changes, and the member's creation and 转正.
        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "Recruit" && a.EntityId == id.ToString())
                .OrderBy(a => a.Id)
                .ToListAsync()
        );
        Assert.Equal(
            [AuditAction.Created, AuditAction.Updated, AuditAction.Updated, AuditAction.Updated, AuditAction.Updated],
            audit.Select(a => a.Action)
        );
        Assert.Contains("正式党员", audit[^1].Changes);
        Assert.Equal(
            2,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.EntityId == member.Id.ToString())
            )
        );
        Assert.Contains("发展党员", await client.GetStringAsync($"/Audit?type=Recruit&id={id}"));
    }

    [Fact]
    public async Task List_CountsEachStage_AndFiltersByStage()
    {
        var (client, _, branch, _) = await TownAdminAsync("名单镇");
        await AddRecruitAsync(branch, DevelopmentStage.Applicant, Today.AddDays(-10), name: "申请甲");
        await AddRecruitAsync(branch, DevelopmentStage.Applicant, Today.AddDays(-20), name: "申请乙");
        await AddRecruitAsync(
            branch,
            DevelopmentStage.Activist,
            Today.AddDays(-300),
            Today.AddDays(-200),
            name: "积极丙"
        );
        var all = await client.GetDocumentAsync($"/Development?org={branch.Id}");
        Assert.Equal(
            new[] { "申请甲", "申请乙", "积极丙" }.Order(),
            all.TableRows("#recruits").Select(r => r[0]).Order()
        );
        Assert.Equal("入党申请人 2", all.TextOf("a[data-stage=Applicant]")); // the stage tabs, with their counts
        Assert.Equal("入党积极分子 1", all.TextOf("a[data-stage=Activist]"));
        var activists = await client.GetDocumentAsync($"/Development?org={branch.Id}&stage=Activist");
        Assert.Equal(["积极丙"], activists.TableRows("#recruits").Select(r => r[0]));
    }

    [Fact]
    public async Task Register_ValidatesMobileDateAndBranch()
    {
        var (client, town, branch, _) = await TownAdminAsync("登记镇");
        var form = Applicant(branch, Today.AddDays(1), mobile: "12345");
        var html = await HtmlAsync(TestApp.PostFormAsync(client, "/Development/Register", form));
        Assert.Contains("手机号码应为以1开头的11位数字", html);
        Assert.Contains("递交入党申请日期不能晚于今天", html);
        form = Applicant(town, Today);
        Assert.Contains(
            "入党申请人只能登记在党支部",
            await HtmlAsync(TestApp.PostFormAsync(client, "/Development/Register", form))
        );
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.Recruits.CountAsync(r => r.OrganizationId == branch.Id || r.OrganizationId == town.Id)
            )
        );
    }

    [Fact]
    public async Task SkippingAStage_RepeatingOne_AFutureDate_OrAnEarlierDate_AreRefused()
    {
        var (client, _, branch, _) = await TownAdminAsync("跳级镇");
        var id = await RegisterAsync(client, branch, Today.AddDays(-100));
        Assert.Contains("不能跳过“入党积极分子”", await HtmlAsync(AdvanceAsync(client, id, "Candidate", Today)));
        Assert.Contains("不能跳过“入党积极分子”", await HtmlAsync(AdvanceAsync(client, id, "Full", Today)));
        Assert.Contains("不能重复", await HtmlAsync(AdvanceAsync(client, id, "Applicant", Today)));
        Assert.Contains(
            "确定为入党积极分子日期不能晚于今天",
            await HtmlAsync(AdvanceAsync(client, id, "Activist", Today.AddDays(1)))
        );
        Assert.Contains(
            "不能早于递交入党申请日期",
            await HtmlAsync(AdvanceAsync(client, id, "Activist", Today.AddDays(-101)))
        );
        // Admission is refused for an applicant too, on the page and when posted.
        Assert.Contains("不能跳过“入党积极分子”", await client.GetStringAsync($"/Development/Admit/{id}"));
        var admit = await HtmlAsync(
            TestApp.PostFormAsync(client, $"/Development/Admit/{id}", Admission(Today, TestApp.NextIdNumber()))
        );
        Assert.Contains("不能跳过“入党积极分子”", admit);
        var recruit = await RecruitAsync(id);
        Assert.Equal(DevelopmentStage.Applicant, recruit.Stage);
        Assert.Null(recruit.ActivistOn);
        Assert.Single(recruit.Steps);
        Assert.Null(recruit.MemberId);
    }

    [Fact]
    public async Task ActivistToCandidate_BeforeAYearOfTraining_IsRefused()
    {
        var (client, _, branch, _) = await TownAdminAsync("培养镇");
        var activist = Today.AddDays(-300);
        var r = await AddRecruitAsync(branch, DevelopmentStage.Activist, Today.AddDays(-500), activist);
        var html = await HtmlAsync(AdvanceAsync(client, r.Id, "Candidate", Today));
        Assert.Contains("入党积极分子须经一年以上培养教育才能确定为发展对象", html);
        Assert.Contains($"最早可在{activist.AddYears(1):yyyy年M月d日}确定", html);
        var after = await RecruitAsync(r.Id);
        Assert.Equal(DevelopmentStage.Activist, after.Stage);
        Assert.Null(after.CandidateOn);
        Assert.Equal(2, after.Steps.Count);
    }

    [Fact]
    public async Task Admission_WithABadIdNumber_IsRefused_AndNothingIsSaved()
    {
        var (client, _, branch, _) = await TownAdminAsync("档案镇");
        var r = await AddRecruitAsync(
            branch,
            DevelopmentStage.Candidate,
            Today.AddDays(-900),
            Today.AddDays(-800),
            Today.AddDays(-100),
            name: "错号人"
        );
        var good = TestApp.NextIdNumber();
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');
        var auditsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var html = await HtmlAsync(
            TestApp.PostFormAsync(client, $"/Development/Admit/{r.Id}", Admission(Today.AddDays(-10), bad, "错号人"))
        );
        Assert.Contains("身份证号码校验位不正确", html);
        // Too young at the admission date: the member form's rule, shown at the admission date.
        var young = TestApp.NewIdNumber(Today.AddYears(-18).AddDays(30), 1);
        Assert.Contains(
            "入党日期应在年满18周岁之后",
            await HtmlAsync(
                TestApp.PostFormAsync(
                    client,
                    $"/Development/Admit/{r.Id}",
                    Admission(Today.AddDays(-10), young, "错号人")
                )
            )
        );
        // An admission date before the candidate date.
        Assert.Contains(
            "不能早于确定为发展对象日期",
            await HtmlAsync(
                TestApp.PostFormAsync(
                    client,
                    $"/Development/Admit/{r.Id}",
                    Admission(Today.AddDays(-101), good, "错号人")
                )
            )
        );

        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "错号人")));
        var after = await RecruitAsync(r.Id);
        Assert.Equal(DevelopmentStage.Candidate, after.Stage);
        Assert.Null(after.MemberId);
        Assert.Null(after.AdmittedOn);
        Assert.Equal(3, after.Steps.Count);
        Assert.Equal(auditsBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Full_BeforeAYear_IsRefused_AfterIsAccepted_ForAMemberWithoutARecruit()
    {
        var (client, _, branch, _) = await TownAdminAsync("转正镇");
        var joined = Today.AddDays(-200);
        var member = await ProbationaryAsync(branch, "直接录入", joined);
        var page = await client.GetStringAsync($"/Development/Full/{member.Id}");
        Assert.Contains(DevelopmentRules.FullMembershipDue(joined).ToString("yyyy年M月d日"), page);
        var html = await HtmlAsync(
            TestApp.PostFormAsync(
                client,
                $"/Development/Full/{member.Id}",
                new Dictionary<string, string> { ["On"] = D(Today) }
            )
        );
        Assert.Contains("预备期为一年", html);
        Assert.Contains($"最早可在{DevelopmentRules.FullMembershipDue(joined):yyyy年M月d日}转为正式党员", html);
        Assert.Equal(
            MemberStatus.Probationary,
            (await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == member.Id))).Status
        );

        var older = await ProbationaryAsync(branch, "满一年", Today.AddDays(-400));
        Assert.Contains(
            "转正日期不能晚于今天",
            await HtmlAsync(
                TestApp.PostFormAsync(
                    client,
                    $"/Development/Full/{older.Id}",
                    new Dictionary<string, string> { ["On"] = D(Today.AddDays(1)) }
                )
            )
        );
        var on = DevelopmentRules.FullMembershipDue(older.JoinedOn);
        var done = await TestApp.PostFormAsync(
            client,
            $"/Development/Full/{older.Id}",
            new Dictionary<string, string> { ["On"] = D(on) }
        );
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("已转为正式党员", await client.GetStringAsync(done.Headers.Location!.OriginalString));
        var full = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == older.Id));
        Assert.Equal((MemberStatus.Full, on), (full.Status, full.FullMemberOn!.Value));
        Assert.Contains(
            "已是正式党员",
            await HtmlAsync(
                TestApp.PostFormAsync(
                    client,
                    $"/Development/Full/{older.Id}",
                    new Dictionary<string, string> { ["On"] = D(Today) }
                )
            )
        );
        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a =>
                    a.EntityType == "Member" && a.EntityId == older.Id.ToString() && a.Action == AuditAction.Updated
                )
                .ToListAsync()
        );
        Assert.Contains("FullMemberOn", Assert.Single(audit).Changes);
    }

    [Fact]
    public async Task TodoList_ShowsExactlyTheDueMembers_InScope_AndMovesWithTheClock()
    {
        var (_, townA, branchA, cardA) = await TownAdminAsync("待办甲镇");
        var (_, _, branchB, _) = await TownAdminAsync("待办乙镇");
        var overdue = await ProbationaryAsync(branchA, "已逾期", Today.AddDays(-370));
        var soon = await ProbationaryAsync(branchA, "将到期", Today.AddDays(-345));
        var later = await ProbationaryAsync(branchA, "未到期", Today.AddDays(-325));
        await ProbationaryAsync(branchA, "刚接收", Today.AddDays(-10));
        await app.AddMemberAsync(branchA, "老党员");
        await ProbationaryAsync(branchB, "乙镇逾期", Today.AddDays(-500));

        async Task<IDocument> TodoAsync(string url = "/Development/Todo") =>
            await (await app.SignedInClientAsync(cardA)).GetDocumentAsync(url);
        var todo = await TodoAsync();
        Assert.Equal(["已逾期", "将到期"], Names(todo));
        Assert.Equal("2", todo.TextOf("#todo-total"));
        Assert.True(Row(todo, overdue).ClassList.Contains("table-danger"));
        Assert.False(Row(todo, soon).ClassList.Contains("table-danger"));
        Assert.Equal(D(DevelopmentRules.FullMembershipDue(overdue.JoinedOn)), Row(todo, overdue).Cells()[3]);
        Assert.Equal(["已逾期", "将到期"], Names(await TodoAsync($"/Development/Todo?org={branchA.Id}")));
        // the home page's card, in red
        Assert.Equal("2", (await TodoAsync("/")).TextOf("#todo-card .fs-3.text-danger"));

        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(["已逾期", "将到期", "未到期"], Names(await TodoAsync()));
        app.Clock.Advance(TimeSpan.FromDays(30));
        todo = await TodoAsync();
        Assert.Equal(["已逾期", "将到期", "未到期"], Names(todo));
        Assert.True(Row(todo, soon).ClassList.Contains("table-danger"));
        Assert.DoesNotContain("乙镇逾期", todo.Body!.TextContent);
        _ = townA;
        _ = later;
    }

    /// <summary>The names on the to-do list, in its order (each links to the member).</summary>
    private static List<string> Names(IDocument todo) =>
        [.. todo.QuerySelectorAll("#todo tr[data-member] td:first-child a").Select(a => a.Text())];

    private static IElement Row(IDocument todo, Member m) => todo.One($"#todo tr[data-member='{m.Id}']");

    [Fact]
    public async Task AnotherTownsAdministrator_Gets404_AndNeverSeesTheirPeople()
    {
        var (_, townA, branchA, _) = await TownAdminAsync("范围甲镇");
        var (clientB, _, branchB, _) = await TownAdminAsync("范围乙镇");
        var r = await AddRecruitAsync(branchA, DevelopmentStage.Applicant, Today.AddDays(-30), name: "甲镇申请人");
        var candidate = await AddRecruitAsync(
            branchA,
            DevelopmentStage.Candidate,
            Today.AddDays(-900),
            Today.AddDays(-800),
            Today.AddDays(-10),
            name: "甲镇对象"
        );
        var due = await ProbationaryAsync(branchA, "甲镇预备", Today.AddDays(-400));
        await ProbationaryAsync(branchB, "乙镇预备", Today.AddDays(-400));

        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Development/Detail/{r.Id}")).StatusCode);
        var advance = await TestApp.PostFormAsync(
            clientB,
            "/Development",
            new Dictionary<string, string> { ["to"] = "Activist", ["On"] = D(Today) },
            $"/Development/Detail/{r.Id}?handler=Advance"
        );
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await clientB.GetAsync($"/Development/Admit/{candidate.Id}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    clientB,
                    "/Development",
                    Admission(Today, TestApp.NextIdNumber(), "甲镇对象"),
                    $"/Development/Admit/{candidate.Id}"
                )
            ).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Development/Full/{due.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    clientB,
                    "/Development",
                    new Dictionary<string, string> { ["On"] = D(Today) },
                    $"/Development/Full/{due.Id}"
                )
            ).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Development?org={townA.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await clientB.GetAsync($"/Development/Todo?org={branchA.Id}")).StatusCode
        );

        var list = await clientB.GetStringAsync("/Development");
        Assert.DoesNotContain("甲镇", list);
        var todo = await clientB.GetStringAsync("/Development/Todo");
        Assert.Contains("乙镇预备", todo);
        Assert.DoesNotContain("甲镇预备", todo);
        // Registering into another town's branch is refused like any branch outside the scope.
        Assert.Contains(
            "请选择您管辖范围内的党支部",
            await HtmlAsync(TestApp.PostFormAsync(clientB, "/Development/Register", Applicant(branchA, Today)))
        );

        Assert.Equal(DevelopmentStage.Applicant, (await RecruitAsync(r.Id)).Stage);
        Assert.Equal(DevelopmentStage.Candidate, (await RecruitAsync(candidate.Id)).Stage);
        Assert.Equal(
            MemberStatus.Probationary,
            (await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == due.Id))).Status
        );
    }

    [Fact]
    public async Task APlainMember_CannotOpenThePages()
    {
        var (_, branch) = await app.AddTownAsync("党员镇");
        var me = await app.AddMemberAsync(branch, "普通党员");
        var r = await AddRecruitAsync(branch, DevelopmentStage.Applicant, Today.AddDays(-5));
        var client = await app.SignInAsMemberAsync(me);
        foreach (
            var url in new[]
            {
                "/Development",
                "/Development/Todo",
                "/Development/Register",
                $"/Development/Detail/{r.Id}",
                $"/Development/Admit/{r.Id}",
                $"/Development/Full/{me.Id}",
            }
        )
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        Assert.DoesNotContain("/Development", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task TwoAdministratorsAdvancingAtOnce_OnlyOneStepIsRecorded()
    {
        var (_, town, branch, _) = await TownAdminAsync("并发镇");
        var r = await AddRecruitAsync(branch, DevelopmentStage.Applicant, Today.AddDays(-50));
        var (desk1, scope1) = Desk(town);
        var (desk2, scope2) = Desk(town);
        var seen1 = (await desk1.FindAsync(r.Id))!;
        var seen2 = (await desk2.FindAsync(r.Id))!;
        await desk1.AdvanceAsync(seen1, DevelopmentStage.Activist, Today.AddDays(-3), null);
        var e = await Assert.ThrowsAsync<RuleException>(() =>
            desk2.AdvanceAsync(seen2, DevelopmentStage.Activist, Today.AddDays(-2), null)
        );
        Assert.Equal(RuleErrors.DevelopmentRaced, e.Error);
        Assert.Contains("刚刚已被他人更新", e.Message);
        scope1.Dispose();
        scope2.Dispose();
        var after = await RecruitAsync(r.Id);
        Assert.Equal((DevelopmentStage.Activist, Today.AddDays(-3)), (after.Stage, after.ActivistOn!.Value));
        Assert.Equal(2, after.Steps.Count);
    }

    private (DevelopmentDesk Desk, IServiceScope Scope) Desk(Organization administered)
    {
        var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([administered.Path], null, null, "test", "测试");
        return (scope.ServiceProvider.GetRequiredService<DevelopmentDesk>(), scope);
    }

    [GeneratedRegex("/Development/Detail/(\\d+)")]
    private static partial Regex DetailUrl();
}
