using System.Net;
using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Website;

public sealed class WebsiteTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Home_IsCachedForVisitors_PublishingEvictsIt_AndSignedInUsersAlwaysGetItFresh()
    {
        var (town, _) = await app.AddTownAsync("缓存镇");
        var visitor = app.NewClient();
        var first = await visitor.GetAsync("/site");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("红领党建网", await first.Content.ReadAsStringAsync());

        // Written behind the website's back: the cached home does not show it yet.
        await app.WithDbAsync(db =>
        {
            db.WorkUpdates.Add(
                new WorkUpdate
                {
                    OrganizationId = town.Id,
                    Title = "绕过缓存的动态",
                    Body = "<p>x</p>",
                    PublishedAt = new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc),
                }
            );
            return db.SaveChangesAsync();
        });
        Assert.DoesNotContain("绕过缓存的动态", await visitor.GetStringAsync("/site"));

        var admin = await app.SignInAsAdministratorOfAsync(town);
        Assert.Contains("绕过缓存的动态", await admin.GetStringAsync("/site"));

        // Publishing through the application evicts the cache.
        var published = await TestApp.PostFormAsync(
            admin,
            $"/WorkUpdates/Edit?org={town.Id}",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Recommend",
                ["Input.Title"] = "推荐阅读",
                ["Input.Body"] = "好文章",
                ["Input.Column"] = "学习园地",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var home = await visitor.GetStringAsync("/site");
        Assert.Contains("推荐阅读", home);
        Assert.Contains("绕过缓存的动态", home);
        Assert.Contains("学习园地", home);
        Assert.Contains("推荐阅读", await visitor.GetStringAsync("/site/columns?name=学习园地"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/site/update/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/site/news/999999")).StatusCode);
    }
}
