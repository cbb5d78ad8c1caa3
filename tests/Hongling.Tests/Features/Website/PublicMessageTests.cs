using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Website;

/// <summary>Visitors' messages through the website. The class posts at most five public messages: the
/// per-address limit is shared by every test of the class (the flood has its own class).</summary>
public sealed class PublicMessageTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task VisitorMessage_IsStoredAsText_RepliedByAdmin_AndShownEncodedOnTheBoard_WithoutPhone()
    {
        var (_, branch) = await app.AddTownAsync("网站镇");
        var visitor = app.NewClient();
        var form = await SiteForms.OpenAsync(visitor, branch.Id);
        const string body = "<script>alert('x')</script>请问流动党员如何参加组织生活?";
        var posted = await SiteForms.PostAsync(visitor, branch.Id, form, "王<b>五</b>", body, phone: "13912345678");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("留言已提交", await visitor.GetStringAsync(posted.Headers.Location!.ToString()));
        var message = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.OrganizationId == branch.Id));
        Assert.Equal(body, message.Body);
        Assert.Null(message.MemberId);

        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var detail = await admin.GetStringAsync($"/Messages/Detail/{message.Id}");
        Assert.DoesNotContain("<script>alert", detail);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", detail);
        Assert.Contains("139****5678", detail);
        Assert.DoesNotContain("13912345678", detail);

        // Not on the board before the reply.
        Assert.DoesNotContain("流动党员如何参加", await visitor.GetStringAsync("/site/board"));
        var reply = await TestApp.PostFormAsync(
            admin,
            $"/Messages/Detail/{message.Id}",
            new Dictionary<string, string> { ["Reply"] = "可以联系流入地党组织<script>y()</script>" },
            $"/Messages/Detail/{message.Id}?handler=Reply"
        );
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var board = await visitor.GetStringAsync("/site/board");
        Assert.Contains("流动党员如何参加组织生活", board);
        Assert.Contains("可以联系流入地党组织&lt;script&gt;", board);
        Assert.DoesNotContain("<script>", board);
        Assert.DoesNotContain("<b>五", board);
        Assert.DoesNotContain("5678", board);
        Assert.Contains("王**", board);
    }

    [Fact]
    public async Task WrongExpiredOrForgedChallenge_IsRefused_AndNothingIsSaved()
    {
        var (_, branch) = await app.AddTownAsync("验证镇");
        var visitor = app.NewClient();
        var form = await SiteForms.OpenAsync(visitor, branch.Id);
        var wrong = await SiteForms.PostAsync(
            visitor,
            branch.Id,
            form,
            "李四",
            "错误答案",
            answer: (form.Answer + 1).ToString()
        );
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证问题回答错误", await wrong.Content.ReadAsStringAsync());

        var forged = await SiteForms.PostAsync(visitor, branch.Id, form, "李四", "伪造令牌", token: "CfDJ8forged");
        Assert.Contains("验证问题无效", await forged.Content.ReadAsStringAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(21));
        var expired = await SiteForms.PostAsync(visitor, branch.Id, form, "李四", "过期答案");
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains("验证问题已过期", await expired.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.OrganizationId == branch.Id)));
    }

    [Fact]
    public async Task Board_ShowsOnlyAnsweredPublicMessages_AndTheOrgPageShowsNoMemberData()
    {
        var (_, branch) = await app.AddTownAsync("公开镇");
        await app.AddMemberAsync(branch, "党员甲乙");
        await app.WithDbAsync(db =>
        {
            var at = new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc);
            db.Messages.AddRange(
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "甲",
                    Body = "公开已答",
                    IsPublic = true,
                    PostedAt = at,
                    State = MessageState.Answered,
                    Reply = "答复一",
                    RepliedAt = at.AddHours(1),
                },
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "乙",
                    Body = "私密已答",
                    IsPublic = false,
                    PostedAt = at,
                    State = MessageState.Answered,
                    Reply = "答复二",
                    RepliedAt = at.AddHours(1),
                },
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "丙",
                    Body = "公开未答",
                    IsPublic = true,
                    PostedAt = at,
                    State = MessageState.Unanswered,
                }
            );
            return db.SaveChangesAsync();
        });
        var visitor = app.NewClient();
        var board = await visitor.GetStringAsync($"/site/board?org={branch.Id}");
        Assert.Contains("公开已答", board);
        Assert.DoesNotContain("私密已答", board);
        Assert.DoesNotContain("公开未答", board);
        var page = await visitor.GetStringAsync($"/site/org/{branch.Id}");
        Assert.DoesNotContain("党员甲乙", page);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/site/org/999999")).StatusCode);
    }
}
