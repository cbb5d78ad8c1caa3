using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Members;

/// <summary>The member information set (党员信息采集), the member's own record and correction requests.</summary>
public sealed class MemberRecordTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(Organization Branch, HttpClient Admin)> BranchAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        return (branch, await app.SignInAsAdministratorOfAsync(town));
    }

    private static Dictionary<string, string> Form(
        Member m,
        Organization branch,
        string status = "Full",
        string fullOn = ""
    ) =>
        new()
        {
            ["Input.Name"] = m.Name,
            ["Input.Gender"] = "Male",
            ["Input.Ethnicity"] = "汉族",
            ["Input.BirthDate"] = m.BirthDate.ToString("yyyy-MM-dd"),
            ["Input.IdNumber"] = "",
            ["Input.Mobile"] = "13912345678",
            ["Input.Education"] = "Postgraduate",
            ["Input.JoinedOn"] = "2015-07-01",
            ["Input.Status"] = status,
            ["Input.OrganizationId"] = branch.Id.ToString(),
            ["Input.NativePlace"] = "重庆江津",
            ["Input.Degree"] = "Master",
            ["Input.Occupation"] = "教师",
            ["Input.WorkUnit"] = "江津第一中学",
            ["Input.Position"] = "教研组长",
            ["Input.HomeAddress"] = "几江街道1号",
            ["Input.FullMemberOn"] = fullOn,
        };

    [Fact]
    public async Task Admin_FillsTheInformationSet_ItIsShownAndTheUpdateTimeRecorded()
    {
        var (branch, admin) = await BranchAsync("采集镇");
        var member = await app.AddMemberAsync(branch, "李采集");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var saved = await TestApp.PostFormAsync(
            admin,
            $"/Members/Edit/{member.Id}",
            Form(member, branch, fullOn: "2016-07-01")
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var m = await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().SingleAsync(x => x.Id == member.Id));
        Assert.Equal(
            ("重庆江津", Degree.Master, "教师", "江津第一中学", "教研组长", "几江街道1号", new DateOnly(2016, 7, 1)),
            (m.NativePlace, m.Degree!.Value, m.Occupation, m.WorkUnit, m.Position, m.HomeAddress, m.FullMemberOn!.Value)
        );
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, m.UpdatedAt, TimeSpan.FromMilliseconds(1));
        var page = await admin.GetStringAsync($"/Members/Detail/{member.Id}");
        foreach (var text in new[] { "重庆江津", "硕士", "江津第一中学 · 教研组长", "几江街道1号", "2016年7月1日" })
            Assert.Contains(text, page);
    }

    [Fact]
    public async Task FullMemberDate_RulesGiveChineseMessages_AndNothingChanges()
    {
        var (branch, admin) = await BranchAsync("转正日期镇");
        var member = await app.AddMemberAsync(branch, "赵日期");
        var tooEarly = await TestApp.PostFormAsync(
            admin,
            $"/Members/Edit/{member.Id}",
            Form(member, branch, fullOn: "2016-03-01")
        );
        Assert.Contains("转正日期应在入党日期满一年之后", await tooEarly.Content.ReadAsStringAsync());
        var probationary = await TestApp.PostFormAsync(
            admin,
            $"/Members/Edit/{member.Id}",
            Form(member, branch, status: "Probationary", fullOn: "2016-07-01")
        );
        Assert.Contains("预备党员尚未转正,请不要填写转正日期", await probationary.Content.ReadAsStringAsync());
        var future = await TestApp.PostFormAsync(
            admin,
            $"/Members/Edit/{member.Id}",
            Form(member, branch, fullOn: app.Clock.GetUtcNow().AddDays(5).ToString("yyyy-MM-dd"))
        );
        Assert.Contains("转正日期不能晚于今天", await future.Content.ReadAsStringAsync());
        var m = await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().SingleAsync(x => x.Id == member.Id));
        Assert.Null(m.NativePlace);
        Assert.Null(m.FullMemberOn);
    }

    [Fact]
    public async Task Member_ReadsOwnRecord_AsksForACorrection_AdminCloses_MemberSeesTheReply()
    {
        var (branch, admin) = await BranchAsync("纠错镇");
        var member = await app.AddMemberAsync(branch, "钱纠错");
        var me = await app.SignInAsMemberAsync(member);

        var mine = await me.GetStringAsync("/Members/Mine");
        Assert.Contains("钱纠错", mine);
        Assert.Contains(member.IdNumberMasked, mine);
        // Read-only: the member cannot open the edit form or the admin list.
        Assert.NotEqual(HttpStatusCode.OK, (await me.GetAsync($"/Members/Edit/{member.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await me.GetAsync("/Members/Corrections")).StatusCode);

        var empty = await TestApp.PostFormAsync(
            me,
            "/Members/Mine",
            new Dictionary<string, string> { ["Text"] = "  " }
        );
        Assert.Contains("请写明哪项信息有误", await empty.Content.ReadAsStringAsync());
        var asked = await TestApp.PostFormAsync(
            me,
            "/Members/Mine",
            new Dictionary<string, string> { ["Text"] = "籍贯应为重庆江津" }
        );
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        var list = await admin.GetStringAsync("/Members/Corrections");
        Assert.Contains("籍贯应为重庆江津", list);
        Assert.Contains("待处理 1 条", list);
        var id = await app.WithDbAsync(db =>
            db.CorrectionRequests.IgnoreQueryFilters()
                .Where(r => r.MemberId == member.Id)
                .Select(r => r.Id)
                .SingleAsync()
        );

        // The member cannot close their own request.
        var self = await TestApp.PostFormAsync(
            me,
            "/Members/Mine",
            new Dictionary<string, string> { ["outcome"] = "Done" },
            $"/Members/Corrections?handler=Close&id={id}"
        );
        Assert.Contains("AccessDenied", self.Headers.Location?.OriginalString);
        Assert.Equal(
            CorrectionState.Open,
            await app.WithDbAsync(db =>
                db.CorrectionRequests.IgnoreQueryFilters().Where(r => r.Id == id).Select(r => r.State).SingleAsync()
            )
        );
        var noReason = await TestApp.PostFormAsync(
            admin,
            "/Members/Corrections",
            new Dictionary<string, string> { ["outcome"] = "Declined", ["reply"] = "" },
            $"/Members/Corrections?handler=Close&id={id}"
        );
        Assert.Contains("不予更正时请填写回复", await noReason.Content.ReadAsStringAsync());
        var closed = await TestApp.PostFormAsync(
            admin,
            "/Members/Corrections",
            new Dictionary<string, string> { ["outcome"] = "Done", ["reply"] = "已改为重庆江津" },
            $"/Members/Corrections?handler=Close&id={id}"
        );
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var twice = await TestApp.PostFormAsync(
            admin,
            "/Members/Corrections",
            new Dictionary<string, string> { ["outcome"] = "Declined", ["reply"] = "再次" },
            $"/Members/Corrections?handler=Close&id={id}"
        );
        Assert.Contains("该申请已处理", await twice.Content.ReadAsStringAsync());

        var after = await me.GetStringAsync("/Members/Mine");
        Assert.Contains("已更正", after);
        Assert.Contains("已改为重庆江津", after);
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.AuditEntries.IgnoreQueryFilters()
                    .CountAsync(a =>
                        a.EntityType == nameof(CorrectionRequest)
                        && a.Action == AuditAction.Updated
                        && a.EntityId == id.ToString()
                    )
            )
        );
    }

    [Fact]
    public async Task AdminOfB_NeitherSeesNorClosesAsRequests()
    {
        var (a, _) = await BranchAsync("甲纠错");
        var (_, adminB) = await BranchAsync("乙纠错");
        var member = await app.AddMemberAsync(a, "孙甲");
        await TestApp.PostFormAsync(
            await app.SignInAsMemberAsync(member),
            "/Members/Mine",
            new Dictionary<string, string> { ["Text"] = "手机号码有误" }
        );
        var id = await app.WithDbAsync(db =>
            db.CorrectionRequests.IgnoreQueryFilters()
                .Where(r => r.MemberId == member.Id)
                .Select(r => r.Id)
                .SingleAsync()
        );

        Assert.DoesNotContain("手机号码有误", await adminB.GetStringAsync("/Members/Corrections?all=true"));
        var post = await TestApp.PostFormAsync(
            adminB,
            "/Members/Corrections",
            new Dictionary<string, string> { ["outcome"] = "Done" },
            $"/Members/Corrections?handler=Close&id={id}"
        );
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(
            CorrectionState.Open,
            await app.WithDbAsync(db =>
                db.CorrectionRequests.IgnoreQueryFilters().Where(r => r.Id == id).Select(r => r.State).SingleAsync()
            )
        );
    }
}
