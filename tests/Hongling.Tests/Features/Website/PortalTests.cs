using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Website;

/// <summary>The website as a portal: the banner with the district's name and the members' sign-in, news cards
/// with their picture, public albums' photos only, the directory, the board, and search over published articles
/// only.</summary>
public sealed class PortalTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Seeded(Organization Town, Organization Branch, int News, int Draft, int Update, string Image);

    private Task<Seeded> SeedAsync(string name) =>
        app.WithDbAsync(async db =>
        {
            var (town, branch) = await app.AddTownAsync(name);
            var at = app.Clock.GetUtcNow().UtcDateTime;
            var image = $"/media/{Guid.NewGuid():D}.jpg";
            Submission News(string title, bool adopted) =>
                new()
                {
                    OrganizationId = town.Id,
                    Title = title,
                    Author = "通讯员",
                    Body = $"<p>{title}的正文,讲述门户建设。</p><p><img src=\"{image}\" alt=\"\"></p>",
                    SubmittedAt = at,
                    SubmittedBy = "测试",
                    State = adopted ? SubmissionState.Adopted : SubmissionState.Submitted,
                    DecidedAt = adopted ? at : null,
                    DecidedBy = adopted ? "区委组织部" : null,
                };
            var news = News(name + "要闻", adopted: true);
            var draft = News(name + "要闻草稿", adopted: false);
            var update = new WorkUpdate
            {
                OrganizationId = branch.Id,
                Title = name + "动态",
                Body = "<p>支部开展学习。</p>",
                PublishedAt = at,
            };
            Album AlbumOf(string title, bool isPublic) =>
                new()
                {
                    OrganizationId = branch.Id,
                    AudiencePath = branch.Path,
                    Title = title,
                    IsPublic = isPublic,
                    CreatedAt = at,
                };
            var (shown, hidden) = (AlbumOf("公开相册", true), AlbumOf("内部相册", false));
            AlbumPhoto Photo(Album album, string caption) =>
                new()
                {
                    Album = album,
                    OrganizationId = branch.Id,
                    AudiencePath = branch.Path,
                    Caption = caption,
                    Image = [1],
                    Thumbnail = [1],
                    Width = 1,
                    Height = 1,
                    UploadedAt = at,
                };
            db.AddRange(news, draft, update, Photo(shown, name + "公开照片"), Photo(hidden, name + "内部照片"));
            db.Messages.Add(
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "访客",
                    Body = name + "的公开留言",
                    IsPublic = true,
                    PostedAt = at,
                    State = MessageState.Answered,
                    Reply = "谢谢关注",
                    RepliedAt = at,
                }
            );
            await db.SaveChangesAsync();
            // Written past the application: the cached pages are evicted by hand.
            await app.Services.GetRequiredService<SiteCache>().EvictAsync();
            return new Seeded(town, branch, news.Id, draft.Id, update.Id, image);
        });

    private static List<string> Hrefs(AngleSharp.Dom.IParentNode page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href") ?? "")];

    [Fact]
    public async Task Home_ShowsBanner_SignIn_NewsWithPicture_PublicPhotosOnly_Directory_AndBoard()
    {
        var s = await SeedAsync("门户镇");
        var home = await app.NewClient().GetDocumentAsync("/site");
        Assert.Equal("红领党建网", home.TextOf("#banner h1"));
        Assert.Equal("测试区委", home.TextOf("#district"));
        Assert.Equal("/Account/Login", home.One("#member-sign-in").GetAttribute("href"));
        var card = home.QuerySelectorAll("#news .site-card").Single(c => c.TextContent.Contains("门户镇要闻"));
        Assert.Equal(s.Image, card.QuerySelector(".site-thumb img")!.GetAttribute("src"));
        Assert.Contains("门户镇要闻的正文", card.TextContent);
        Assert.DoesNotContain("门户镇要闻草稿", home.TextOf("#news"));
        var update = home.QuerySelectorAll("#updates .site-card").Single(c => c.TextContent.Contains("门户镇动态"));
        Assert.NotNull(update.QuerySelector(".site-thumb-empty"));
        Assert.Contains("门户镇公开照片", home.TextOf("#photos"));
        Assert.DoesNotContain("门户镇内部照片", home.Body!.TextContent);
        Assert.Contains(Hrefs(home, "#directory a"), h => h == $"/site/orgs?parent={s.Town.Id}");
        Assert.Contains("门户镇的公开留言", home.TextOf("#board-latest"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/site/news/{s.Draft}")).StatusCode);
    }

    [Fact]
    public async Task Directory_WalksTheTree_FromTheRootToABranch_AndAnUnknownOrganizationIs404()
    {
        var s = await SeedAsync("目录镇");
        var visitor = app.NewClient();
        var root = await visitor.GetDocumentAsync("/site/orgs");
        Assert.Contains(Hrefs(root, "#org-children a"), h => h == $"/site/orgs?parent={s.Town.Id}");
        var town = await visitor.GetDocumentAsync($"/site/orgs?parent={s.Town.Id}");
        Assert.Contains("测试区委", town.TextOf("#org-trail"));
        Assert.Contains(Hrefs(town, "#org-children a"), h => h == $"/site/org/{s.Branch.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/site/orgs?parent=99999999")).StatusCode);
        var org = await visitor.GetDocumentAsync($"/site/org/{s.Branch.Id}");
        Assert.Equal($"/site/orgs?parent={s.Branch.Id}", org.One("#org-directory").GetAttribute("href"));
    }

    [Fact]
    public async Task Search_FindsPublishedArticlesOnly_AndRefusesALongQuery()
    {
        var s = await SeedAsync("搜索镇");
        var visitor = app.NewClient();
        var found = await visitor.GetDocumentAsync("/site/search?q=" + Uri.EscapeDataString("搜索镇要闻"));
        var hrefs = Hrefs(found, "#search-results a")
            .Where(h => h.StartsWith("/site/news/") || h.StartsWith("/site/update/"));
        Assert.Equal([$"/site/news/{s.News}"], hrefs);
        Assert.Contains("找到 1 篇", found.TextOf("#search-count"));
        // By the text as well as the title; a work update too.
        var byText = await visitor.GetDocumentAsync("/site/search?q=" + Uri.EscapeDataString("支部开展学习"));
        Assert.Contains(Hrefs(byText, "#search-results a"), h => h == $"/site/update/{s.Update}");
        var tooLong = await visitor.GetDocumentAsync("/site/search?q=" + new string('党', 51));
        Assert.Contains("搜索词太长", tooLong.TextOf("#search-error"));
        Assert.Empty(tooLong.QuerySelectorAll("#search-results"));
    }
}
