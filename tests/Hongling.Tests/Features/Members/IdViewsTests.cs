using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Members;

/// <summary>谁查看了我的身份证号: a full view of an ID number needs a reason, is logged, and the member sees their own
/// views (who, when, why) and nobody else's.</summary>
public sealed class IdViewsTests(TestApp app) : IClassFixture<TestApp>
{
    private static Task<HttpResponseMessage> RevealAsync(HttpClient admin, int memberId, string? reason) =>
        TestApp.PostFormAsync(
            admin,
            $"/Members/Detail/{memberId}",
            reason is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["reason"] = reason },
            $"/Members/Detail/{memberId}?handler=RevealIdNumber"
        );

    private Task<int> ViewsOfAsync(int memberId) =>
        app.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a =>
                a.Action == AuditAction.Viewed && a.EntityType == nameof(Member) && a.EntityId == memberId.ToString()
            )
        );

    [Fact]
    public async Task Reveal_WithoutAReason_ShowsNothing_AndLogsNothing()
    {
        var (_, branch) = await app.AddTownAsync("无因镇");
        var id = TestApp.NextIdNumber();
        var member = await app.AddMemberAsync(branch, "无因", id);
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        foreach (var reason in new[] { null, "", "随便看看" })
        {
            var response = await RevealAsync(admin, member.Id, reason);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("请选择查看原因", page.TextOf("#reveal-error"));
            Assert.DoesNotContain(id, page.Body!.TextContent);
        }
        Assert.Equal(0, await ViewsOfAsync(member.Id));
    }

    [Fact]
    public async Task Member_SeesWhoViewedTheirIdNumber_WhenAndWhy_AndNoOneElsesViews()
    {
        var (_, branch) = await app.AddTownAsync("查看记录镇");
        var id = TestApp.NextIdNumber();
        var me = await app.AddMemberAsync(branch, "被查看", id);
        var neighbour = await app.AddMemberAsync(branch, "同支部");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var shown = await RevealAsync(admin, me.Id, "办理组织关系转接");
        Assert.Contains($"<span id=\"full-id\">{id}</span>", await shown.Content.ReadAsStringAsync());
        await RevealAsync(admin, neighbour.Id, "核对党员信息");
        var actor = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityId == me.Id.ToString() && a.Action == AuditAction.Viewed)
                .Select(a => a.ActorName)
                .SingleAsync()
        );

        var myClient = await app.SignInAsMemberAsync(me);
        var mine = await myClient.GetDocumentAsync("/Members/IdViews");
        var view = Assert.Single(mine.QuerySelectorAll("#id-views li"));
        Assert.Equal(actor, view.QuerySelector(".view-who")!.TextContent);
        Assert.Equal("办理组织关系转接", view.QuerySelector(".view-why")!.TextContent);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", view.QuerySelector(".view-at")!.TextContent);
        Assert.DoesNotContain("核对党员信息", mine.Body!.TextContent);

        // Another member of the branch sees only their own view; one never viewed sees none.
        var theirs = await (await app.SignInAsMemberAsync(neighbour)).GetDocumentAsync("/Members/IdViews");
        var theirView = Assert.Single(theirs.QuerySelectorAll("#id-views li"));
        Assert.Equal("核对党员信息", theirView.QuerySelector(".view-why")!.TextContent);
        var (_, quiet) = await app.SignInAsMemberAsync(branch, "无人查看");
        var none = await quiet.GetDocumentAsync("/Members/IdViews");
        Assert.Empty(none.QuerySelectorAll("#id-views li"));
        Assert.Contains("还没有人查看过", none.TextOf("#no-views"));
        // The members' page links to it.
        var record = await myClient.GetDocumentAsync("/Members/Mine");
        Assert.Equal("/Members/IdViews", record.One("#id-views-link").GetAttribute("href"));
    }
}
