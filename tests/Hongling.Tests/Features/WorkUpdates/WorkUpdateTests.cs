using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.WorkUpdates;

public sealed class WorkUpdateTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(HttpClient Client, Organization Town, Organization Branch)> TownAdminAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        return (await app.SignInAsAdministratorOfAsync(town), town, branch);
    }

    private static Task<HttpResponseMessage> PublishAsync(
        HttpClient client,
        int org,
        string title,
        string body,
        string kind = "Original",
        string? source = null,
        string? tokenPage = null
    ) =>
        TestApp.PostFormAsync(
            client,
            tokenPage ?? $"/WorkUpdates/Edit?org={org}",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = kind,
                ["Input.Source"] = source ?? "",
                ["Input.Title"] = title,
                ["Input.Body"] = body,
                ["Input.Column"] = "",
            },
            $"/WorkUpdates/Edit?org={org}"
        );

    [Fact]
    public async Task Publish_ForABranch_ShowsOnItsPage_TheParentsFeed_AndTheWebsite()
    {
        var (client, town, branch) = await TownAdminAsync("动态镇");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await PublishAsync(client, branch.Id, "支部开展主题党日", "第一段\n\n第二段")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await PublishAsync(client, town.Id, "党委中心组学习", "学习内容", "Forward", "人民网")).StatusCode
        );
        var feed = await client.GetStringAsync($"/WorkUpdates?org={town.Id}");
        Assert.Contains("支部开展主题党日", feed);
        Assert.Contains("党委中心组学习", feed);
        Assert.Contains("来源:人民网", feed);
        var own = await client.GetStringAsync($"/WorkUpdates?org={town.Id}&subtree=false");
        Assert.DoesNotContain("支部开展主题党日", own);

        var visitor = app.NewClient();
        var branchPage = await visitor.GetStringAsync($"/site/org/{branch.Id}");
        Assert.Contains("支部开展主题党日", branchPage);
        Assert.DoesNotContain("党委中心组学习", branchPage);
        Assert.Contains("支部开展主题党日", await visitor.GetStringAsync($"/site/org/{town.Id}"));
        var id = await app.WithDbAsync(db =>
            db.WorkUpdates.Where(w => w.Title == "支部开展主题党日").Select(w => w.Id).SingleAsync()
        );
        var article = await visitor.GetStringAsync($"/site/update/{id}");
        Assert.Contains("<p>第一段</p><p>第二段</p>", article);
    }

    [Fact]
    public async Task ParentFeed_IsPaged()
    {
        var (client, town, branch) = await TownAdminAsync("分页镇");
        await app.WithDbAsync(db =>
        {
            for (var i = 0; i < 25; i++)
                db.WorkUpdates.Add(
                    new WorkUpdate
                    {
                        OrganizationId = i % 2 == 0 ? town.Id : branch.Id,
                        Title = $"动态{i:D2}号",
                        Body = "<p>x</p>",
                        PublishedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
                    }
                );
            return db.SaveChangesAsync();
        });
        var first = await client.GetStringAsync($"/WorkUpdates?org={town.Id}");
        Assert.Contains("动态24号", first);
        Assert.DoesNotContain("动态04号", first);
        Assert.Contains("第 1 / 2 页", first);
        var second = await client.GetStringAsync($"/WorkUpdates?org={town.Id}&p=2");
        Assert.Contains("动态04号", second);
        Assert.DoesNotContain("动态05号", second);
    }

    [Fact]
    public async Task RichText_DropsScriptsHandlersAndJavascriptLinks_KeepsPlatformImages()
    {
        var (client, town, _) = await TownAdminAsync("净化镇");
        // Images from anywhere else refuse the text (Infrastructure/RichTextImageTests); the platform's own stay.
        const string body =
            "<p onclick=\"alert(1)\">正文</p><script>alert(2)</script><img src=\"/media/3f2504e0-4f89-41d3-9a0c-"
            + "0305e82c3301.jpg\" onerror=\"alert(3)\" alt=\"图\">"
            + "<a href=\"javascript:alert(4)\">链接</a><iframe src=\"https://x\"></iframe>";
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(client, town.Id, "净化", body)).StatusCode);
        var stored = await app.WithDbAsync(db =>
            db.WorkUpdates.Where(w => w.Title == "净化").Select(w => w.Body).SingleAsync()
        );
        Assert.Contains("<img src=\"/media/3f2504e0-4f89-41d3-9a0c-0305e82c3301.jpg\" alt=\"图\">", stored);
        foreach (var bad in new[] { "script", "onclick", "onerror", "javascript:", "alert", "iframe" })
            Assert.DoesNotContain(bad, stored);
    }

    [Fact]
    public async Task ExcerptWithoutSource_IsRefused()
    {
        var (client, town, _) = await TownAdminAsync("来源镇");
        var response = await PublishAsync(client, town.Id, "无来源摘录", "内容", "Excerpt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("摘录或转发的动态请注明来源", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.WorkUpdates.AnyAsync(w => w.Title == "无来源摘录")));
    }

    [Fact]
    public async Task AnotherSubtree_PublishEditDelete_Answer404_AndChangeNothing()
    {
        var (client, town, _) = await TownAdminAsync("本镇");
        var (otherTown, otherBranch) = await app.AddTownAsync("他镇");
        var foreign = await app.WithDbAsync(async db =>
        {
            var w = new WorkUpdate
            {
                OrganizationId = otherBranch.Id,
                Title = "他镇动态",
                Body = "<p>原文</p>",
                PublishedAt = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc),
            };
            db.WorkUpdates.Add(w);
            await db.SaveChangesAsync();
            return w;
        });
        var ownPage = $"/WorkUpdates/Edit?org={town.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/WorkUpdates/Edit/{foreign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/WorkUpdates?org={otherTown.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await PublishAsync(client, otherBranch.Id, "越权发布", "内容", tokenPage: ownPage)).StatusCode
        );
        var edit = await TestApp.PostFormAsync(
            client,
            ownPage,
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Original",
                ["Input.Title"] = "篡改",
                ["Input.Body"] = "篡改",
            },
            $"/WorkUpdates/Edit/{foreign.Id}"
        );
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    client,
                    ownPage,
                    new Dictionary<string, string>(),
                    $"/WorkUpdates/Edit/{foreign.Id}?handler=Delete"
                )
            ).StatusCode
        );
        var after = await app.WithDbAsync(db => db.WorkUpdates.AsNoTracking().SingleAsync(w => w.Id == foreign.Id));
        Assert.Equal("他镇动态", after.Title);
        Assert.False(await app.WithDbAsync(db => db.WorkUpdates.AnyAsync(w => w.Title == "越权发布")));
    }
}
