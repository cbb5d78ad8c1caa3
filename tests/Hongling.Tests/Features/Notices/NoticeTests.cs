using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Notices;

public sealed class NoticeTests(TestApp app) : IClassFixture<TestApp>
{
    private static Task<HttpResponseMessage> PublishAsync(
        HttpClient client,
        int org,
        string title,
        string body,
        bool subtree,
        string? tokenPage = null
    ) =>
        TestApp.PostFormAsync(
            client,
            tokenPage ?? $"/Notices/Edit?org={org}",
            new Dictionary<string, string>
            {
                ["Input.Title"] = title,
                ["Input.Body"] = body,
                ["Input.IncludeSubtree"] = subtree ? "true" : "false",
            },
            $"/Notices/Edit?org={org}"
        );

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Notices.Where(n => n.Title == title).Select(n => n.Id).SingleAsync());

    [Fact]
    public async Task Member_SeesUnreadOnHome_OpeningRecordsOneReceipt_AndTheShareReadIsRight()
    {
        var (_, branch) = await app.AddTownAsync("公告镇");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var (_, reader) = await app.SignInAsMemberAsync(branch, "读者");
        await app.SignInAsMemberAsync(branch, "未读者");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await PublishAsync(
                    admin,
                    branch.Id,
                    "关于开展主题党日的通知",
                    "<p>请按时参加</p><script>x()</script>",
                    subtree: false
                )
            ).StatusCode
        );
        var id = await IdOfAsync("关于开展主题党日的通知");
        Assert.DoesNotContain(
            "script",
            await app.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.Body).SingleAsync())
        );

        Assert.Contains("关于开展主题党日的通知", await reader.GetStringAsync("/"));
        Assert.Contains("请按时参加", await reader.GetStringAsync($"/Notices/Read/{id}"));
        await reader.GetStringAsync($"/Notices/Read/{id}"); // again: still one receipt
        Assert.Equal(1, await app.WithDbAsync(db => db.NoticeReads.CountAsync(r => r.NoticeId == id)));
        Assert.DoesNotContain("关于开展主题党日的通知", await reader.GetStringAsync("/"));

        var detail = await admin.GetDocumentAsync($"/Notices/Detail/{id}");
        Assert.Equal("1", detail.TextOf("#share-read"));
        Assert.Equal("2", detail.TextOf("#share-audience"));
        Assert.Equal("50%", detail.TextOf("#share-percent"));
        // each item: the name, then the branch
        Assert.Equal(["未读者"], detail.QuerySelectorAll("#not-read li").Select(li => li.FirstChild!.TextContent));
        Assert.Contains("1 / 2(50%)", await admin.GetStringAsync($"/Notices?org={branch.Id}"));
    }

    [Fact]
    public async Task SubtreeNotice_ReachesBranchMembers_OwnOnlyNotice_ReachesNoOtherBranch()
    {
        var (town, branch) = await app.AddTownAsync("范围镇");
        var (_, elsewhere) = await app.AddTownAsync("别处镇");
        var townAdmin = await app.SignInAsAdministratorOfAsync(town);
        var (_, member) = await app.SignInAsMemberAsync(branch, "支部党员");
        var (_, stranger) = await app.SignInAsMemberAsync(elsewhere, "外镇党员");
        await PublishAsync(townAdmin, town.Id, "全镇通知", "全镇", subtree: true);
        await PublishAsync(townAdmin, town.Id, "党委本级通知", "本级", subtree: false);
        var home = await member.GetStringAsync("/");
        Assert.Contains("全镇通知", home);
        Assert.DoesNotContain("党委本级通知", home);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await member.GetAsync($"/Notices/Read/{await IdOfAsync("党委本级通知")}")).StatusCode
        );
        Assert.DoesNotContain("全镇通知", await stranger.GetStringAsync("/"));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await stranger.GetAsync($"/Notices/Read/{await IdOfAsync("全镇通知")}")).StatusCode
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.NoticeReads.CountAsync(r => r.Notice.Title == "全镇通知")));
    }

    [Fact]
    public async Task AnotherSubtree_PublishAndDetail_Answer404_AndNothingIsCreated()
    {
        var (_, branch) = await app.AddTownAsync("甲公告");
        var (otherTown, otherBranch) = await app.AddTownAsync("乙公告");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var foreignAdmin = await app.SignInAsAdministratorOfAsync(otherBranch);
        await PublishAsync(foreignAdmin, otherBranch.Id, "乙的公告", "乙", subtree: false);
        var foreign = await IdOfAsync("乙的公告");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Notices/Detail/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Notices/Edit?org={otherTown.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await PublishAsync(
                    admin,
                    otherTown.Id,
                    "越权公告",
                    "x",
                    subtree: true,
                    tokenPage: $"/Notices/Edit?org={branch.Id}"
                )
            ).StatusCode
        );
        Assert.False(await app.WithDbAsync(db => db.Notices.AnyAsync(n => n.Title == "越权公告")));
    }
}
