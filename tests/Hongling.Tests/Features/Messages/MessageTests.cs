using System.Net;
using System.Text.RegularExpressions;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Messages;

public sealed class MessageTests(TestApp app) : IClassFixture<TestApp>
{
    private static Task<HttpResponseMessage> WriteAsync(HttpClient member, int org, string body) =>
        TestApp.PostFormAsync(
            member,
            "/Messages/Mine",
            new Dictionary<string, string> { ["Input.OrganizationId"] = org.ToString(), ["Input.Body"] = body }
        );

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient admin, int id, string reply) =>
        TestApp.PostFormAsync(
            admin,
            $"/Messages/Detail/{id}",
            new Dictionary<string, string> { ["Reply"] = reply },
            $"/Messages/Detail/{id}?handler=Reply"
        );

    private static Task<HttpResponseMessage> RateAsync(HttpClient member, int id, string rating) =>
        TestApp.PostFormAsync(
            member,
            "/Messages/Mine",
            new Dictionary<string, string> { ["rating"] = rating },
            $"/Messages/Mine?handler=Rate&id={id}"
        );

    private Task<Message> MessageAsync(string body) =>
        app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Body == body));

    [Fact]
    public async Task MemberWrites_AdminReplies_ResponseTimesAndTheirAverageAreShown_MemberRatesOnce()
    {
        var (town, branch) = await app.AddTownAsync("留言镇");
        var (_, member) = await app.SignInAsMemberAsync(branch, "留言人");
        var adminCard = TestApp.NewCard();
        var admin = await app.SignInAsNewAccountAsync(adminCard, administers: [town]);
        // An administrator's session ends after 30 idle minutes: after each wait below they sign in again.
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(member, branch.Id, "支部何时开会?")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(member, town.Id, "党委何时开会?")).StatusCode);
        var first = await MessageAsync("支部何时开会?");
        var second = await MessageAsync("党委何时开会?");
        Assert.Equal(MessageState.Unanswered, first.State);

        // Rating before a reply is refused.
        Assert.Contains(
            "留言尚未回复",
            await (await RateAsync(member, first.Id, "Satisfied")).Content.ReadAsStringAsync()
        );
        Assert.Contains("支部何时开会?", await admin.GetStringAsync($"/Messages?org={town.Id}"));

        app.Clock.Advance(TimeSpan.FromHours(2));
        admin = await app.SignedInClientAsync(adminCard);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(admin, first.Id, "本周五下午")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(2));
        admin = await app.SignedInClientAsync(adminCard);
        // amending keeps the first reply time
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(admin, first.Id, "改为周六上午")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(admin, second.Id, "下周一")).StatusCode);
        first = await MessageAsync("支部何时开会?");
        Assert.Equal(MessageState.Answered, first.State);
        Assert.Equal(7200, first.ResponseSeconds);
        Assert.Equal("改为周六上午", first.Reply);
        Assert.Equal(4 * 3600, (await MessageAsync("党委何时开会?")).ResponseSeconds);

        var stats = await admin.GetDocumentAsync($"/Messages?org={town.Id}&state=");
        // received, replied, average reply time
        Assert.Equal(["1", "1", "2 小时 0 分"], stats.RowCells($"tr[data-org='{branch.Id}']")[1..4]);
        // Another message at the branch, replied in 4 hours: the branch's average is 3 hours.
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(member, branch.Id, "党费标准?")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(4));
        admin = await app.SignedInClientAsync(adminCard);
        await ReplyAsync(admin, (await MessageAsync("党费标准?")).Id, "按收入比例");
        stats = await admin.GetDocumentAsync($"/Messages?org={town.Id}&state=");
        Assert.Equal(["2", "2", "3 小时 0 分"], stats.RowCells($"tr[data-org='{branch.Id}']")[1..4]);

        var mine = await member.GetStringAsync("/Messages/Mine");
        Assert.Contains("改为周六上午", mine);
        Assert.Equal(HttpStatusCode.Redirect, (await RateAsync(member, first.Id, "Satisfied")).StatusCode);
        Assert.Contains(
            "已经评价过了",
            await (await RateAsync(member, first.Id, "Unsatisfied")).Content.ReadAsStringAsync()
        );
        Assert.Equal(MessageRating.Satisfied, (await MessageAsync("支部何时开会?")).Rating);
    }

    [Fact]
    public async Task Member_CannotRateSomeoneElsesMessage_NorWriteOutsideTheirChain()
    {
        var (_, branch) = await app.AddTownAsync("评价镇");
        var (_, elsewhere) = await app.AddTownAsync("他处镇");
        var (_, writer) = await app.SignInAsMemberAsync(branch, "写信人");
        var (_, other) = await app.SignInAsMemberAsync(branch, "旁人");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        await WriteAsync(writer, branch.Id, "别人的留言");
        var message = await MessageAsync("别人的留言");
        await ReplyAsync(admin, message.Id, "已答复");
        Assert.Equal(HttpStatusCode.NotFound, (await RateAsync(other, message.Id, "Unsatisfied")).StatusCode);
        Assert.Null((await MessageAsync("别人的留言")).Rating);
        Assert.DoesNotContain("别人的留言", await other.GetStringAsync("/Messages/Mine"));

        Assert.Equal(HttpStatusCode.NotFound, (await WriteAsync(writer, elsewhere.Id, "写到别处")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "写到别处")));
        Assert.Equal(HttpStatusCode.OK, (await WriteAsync(writer, branch.Id, "")).StatusCode); // empty: form error
    }

    [Fact]
    public async Task AdminOfAnotherSubtree_GetsNotFound_ForReadReplyAndClose_AndNothingChanges()
    {
        var (_, branch) = await app.AddTownAsync("甲留言");
        var (_, otherBranch) = await app.AddTownAsync("乙留言");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var foreign = await app.WithDbAsync(async db =>
        {
            var m = new Message
            {
                OrganizationId = otherBranch.Id,
                AuthorName = "群众",
                Body = "乙的留言",
                PostedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
                State = MessageState.Unanswered,
            };
            db.Messages.Add(m);
            await db.SaveChangesAsync();
            return m;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Messages/Detail/{foreign.Id}")).StatusCode);
        var token = await TestApp.TokenAsync(admin, $"/Messages?org={branch.Id}");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await admin.PostAsync(
                    $"/Messages/Detail/{foreign.Id}?handler=Reply",
                    new FormUrlEncodedContent(
                        new Dictionary<string, string>
                        {
                            ["__RequestVerificationToken"] = token,
                            ["Reply"] = "越权回复",
                        }
                    )
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await admin.PostAsync(
                    $"/Messages/Detail/{foreign.Id}?handler=Close",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
                )
            ).StatusCode
        );
        var after = await MessageAsync("乙的留言");
        Assert.Null(after.Reply);
        Assert.Equal(MessageState.Unanswered, after.State);
        Assert.DoesNotContain("乙的留言", await admin.GetStringAsync($"/Messages?org={branch.Id}&state="));
    }
}
