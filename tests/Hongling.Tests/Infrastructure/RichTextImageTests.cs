using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hongling.Tests.Features.Photos;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Hongling.Tests.Infrastructure;

/// <summary>Images in rich text: uploaded through the editor, stored and served by the platform; an image
/// from anywhere else refuses the text with a message, and stored ones are dropped when shown.</summary>
public sealed partial class RichTextImageTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Tracker = "https://example.org/track.png";
    private static readonly string TrackerRefusal =
        $"正文中的图片“{Tracker}”来自外部网站。请用“插入图片”上传图片,不能引用外部网址。";

    private sealed record Town(Organization Org, Organization Branch, HttpClient Admin);

    private async Task<Town> TownAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        return new Town(town, branch, await app.SignInAsAdministratorOfAsync(town));
    }

    /// <summary>As insert-image.js posts it: the file as "file", the page's token in the header.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client,
        int orgId,
        byte[] bytes,
        string name,
        string tokenPage,
        bool withToken = true
    )
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, RichTextImages.UploadUrl(orgId)) { Content = form };
        if (withToken)
            request.Headers.Add("RequestVerificationToken", await TestApp.TokenAsync(client, tokenPage));
        return await client.SendAsync(request);
    }

    private static async Task<string> UploadedUrlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Matches(MediaUrl(), url);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        return url;
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    private static Task<HttpResponseMessage> PostNoticeAsync(HttpClient admin, int org, string title, string body) =>
        TestApp.PostFormAsync(
            admin,
            $"/Notices/Edit?org={org}",
            new Dictionary<string, string>
            {
                ["Input.Title"] = title,
                ["Input.Body"] = body,
                ["Input.IncludeSubtree"] = "true",
            }
        );

    private static Task<HttpResponseMessage> PostUpdateAsync(HttpClient admin, int org, string title, string body) =>
        TestApp.PostFormAsync(
            admin,
            $"/WorkUpdates/Edit?org={org}",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Original",
                ["Input.Source"] = "",
                ["Input.Title"] = title,
                ["Input.Body"] = body,
                ["Input.Column"] = "",
            }
        );

    private Task<int> ImageCountAsync() => app.WithDbAsync(db => db.RichTextImages.CountAsync());

    [Fact]
    public async Task Notice_WithAnExternalImage_IsRefusedWithTheMessage_AndNothingIsSaved()
    {
        var t = await TownAsync("外图公告镇");
        var response = await PostNoticeAsync(
            t.Admin,
            t.Org.Id,
            "带外链图片的公告",
            $"<p>请按时参加</p><img src=\"{Tracker}\" alt=\"\">"
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TrackerRefusal, await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Notices.AnyAsync(n => n.Title == "带外链图片的公告")));
    }

    [Theory]
    [InlineData($"<p>正文</p><img src=\"{Tracker}\">", "来自外部网站")]
    [InlineData("第一段\n\n<img src=\"//evil.example/x.png\">", "来自外部网站")]
    [InlineData("<p>正文<img src=\"http://intranet-unreachable.example/a.jpg\" alt=\"图\"></p>", "来自外部网站")]
    [InlineData("<div><img src=\"https://example.org/hidden-in-a-dropped-tag.png\"></div>", "来自外部网站")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">", "不是用“插入图片”上传的")]
    [InlineData("<img src=\"/Account/Logout\">", "不是用“插入图片”上传的")]
    [InlineData("<img src=\"/media/00000000-0000-0000-0000-000000000000.jpg?x=1\">", "不是用“插入图片”上传的")]
    public async Task WorkUpdate_WithAnImageNotFromThePlatform_IsRefusedWithTheMessage_AndNothingIsSaved(
        string body,
        string expected
    )
    {
        var t = await TownAsync("外图动态镇");
        var title = "外图动态" + Guid.NewGuid().ToString("N")[..8];
        var response = await PostUpdateAsync(t.Admin, t.Org.Id, title, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, page);
        Assert.Contains("请用“插入图片”上传图片", page);
        Assert.False(await app.WithDbAsync(db => db.WorkUpdates.AnyAsync(w => w.Title == title)));
    }

    [Fact]
    public async Task EveryOtherEditor_RefusesAnExternalImage_AndSavesNothing()
    {
        var t = await TownAsync("外图各处镇");
        var body = $"<p>正文</p><img src=\"{Tracker}\">";

        var submission = await TestApp.PostFormAsync(
            t.Admin,
            $"/Submissions/Create?org={t.Org.Id}",
            new Dictionary<string, string>
            {
                ["Input.Title"] = "外图报送",
                ["Input.Body"] = body,
                ["Input.Author"] = "通讯员",
                ["Input.Column"] = "",
            }
        );
        Assert.Contains(TrackerRefusal, await submission.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Title == "外图报送")));

        var profileUrl = $"/Organizations/Profile/{t.Branch.Id}";
        var profile = await TestApp.PostFormAsync(
            t.Admin,
            profileUrl,
            new Dictionary<string, string> { ["Input.Introduction"] = body, ["Input.Address"] = "外图路1号" }
        );
        Assert.Contains(TrackerRefusal, await profile.Content.ReadAsStringAsync());
        Assert.Null(
            await app.WithDbAsync(db =>
                db.Organizations.Where(o => o.Id == t.Branch.Id).Select(o => o.Address).SingleAsync()
            )
        );

        var activity = await app.WithDbAsync(async db =>
        {
            var a = new Activity
            {
                OrganizationId = t.Branch.Id,
                AudiencePath = t.Branch.Path,
                Kind = ActivityKind.ThemeDay,
                Topic = "外图主题党日",
                Place = "会议室",
                StartsAt = new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc),
                EndsAt = new DateTime(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc),
            };
            db.Activities.Add(a);
            await db.SaveChangesAsync();
            return a;
        });
        var minutes = await TestApp.PostFormAsync(
            t.Admin,
            $"/Activities/Detail/{activity.Id}",
            new Dictionary<string, string> { ["Minutes"] = body },
            $"/Activities/Detail/{activity.Id}?handler=Minutes"
        );
        Assert.Contains(TrackerRefusal, await minutes.Content.ReadAsStringAsync());
        Assert.Null(
            await app.WithDbAsync(db =>
                db.Activities.Where(a => a.Id == activity.Id).Select(a => a.Minutes).SingleAsync()
            )
        );

        using var material = new MultipartFormDataContent
        {
            {
                new StringContent(await TestApp.TokenAsync(t.Admin, "/Study/MaterialEdit")),
                "__RequestVerificationToken"
            },
            { new StringContent("外图文章"), "Input.Title" },
            { new StringContent(nameof(MaterialColumn.KnowledgeBase)), "Input.Column" },
            { new StringContent(nameof(MaterialKind.Article)), "Input.Kind" },
            { new StringContent("10"), "Input.EstimatedMinutes" },
            { new StringContent(t.Org.Id.ToString()), "Input.AudienceIds" },
            { new StringContent(body), "Input.Body" },
        };
        var article = await t.Admin.PostAsync("/Study/MaterialEdit", material);
        Assert.Contains(TrackerRefusal, await article.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Materials.AnyAsync(m => m.Title == "外图文章")));
    }

    [Fact]
    public async Task Upload_ReencodesWithoutMetadata_AndTheImageShowsOnTheWebsiteToAVisitor_AndOnTheMembersNotice()
    {
        var t = await TownAsync("插图镇");
        var (_, reader) = await app.SignInAsMemberAsync(t.Branch, "读图党员");
        const string secret = "GPS 29.29N 106.25E";
        var editor = $"/WorkUpdates/Edit?org={t.Org.Id}";
        var jpegUrl = await UploadedUrlAsync(
            await UploadAsync(
                t.Admin,
                t.Org.Id,
                TestImages.WithExif(TestImages.Jpeg(2400, 1600), 1, secret),
                "现场.jpg",
                editor
            )
        );
        var pngUrl = await UploadedUrlAsync(
            await UploadAsync(t.Admin, t.Org.Id, TestImages.Png(), "截图.png", $"/Notices/Edit?org={t.Org.Id}")
        );

        // The bytes a visitor gets: a fresh JPEG (the PNG too), no EXIF, at most 1600 px, cached for good, never
        // sniffed.
        var visitor = app.NewClient();
        var image = await visitor.GetAsync(jpegUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(image.Headers.CacheControl!.Public);
        Assert.Contains("immutable", image.Headers.CacheControl.ToString());
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.False(TestImages.Contains(bytes, secret));
        Assert.DoesNotContain(TestImages.Markers(bytes), m => m.Marker == 0xE1); // no APP1 (EXIF/XMP) segment
        using (var decoded = SKBitmap.Decode(bytes))
            Assert.Equal((1600, 1067), (decoded.Width, decoded.Height));
        var png = await (await visitor.GetAsync(pngUrl)).Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, png[..3]);
        using (var decoded = SKBitmap.Decode(png))
            Assert.True(TestImages.Near(TestImages.ColorAt(decoded, 0.25, 0.25), TestImages.Red));

        // Inserted as the control inserts it, into plain text: the paragraphs stay, the image is kept.
        var body = $"第一段\n\n<img src=\"{jpegUrl}\" alt=\"\">\n\n第二段";
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(t.Admin, t.Org.Id, "图片动态", body)).StatusCode);
        var stored = await app.WithDbAsync(db =>
            db.WorkUpdates.Where(w => w.Title == "图片动态").Select(w => new { w.Id, w.Body }).SingleAsync()
        );
        Assert.Equal($"<p>第一段</p><p><img src=\"{jpegUrl}\" alt=\"\"></p><p>第二段</p>", stored.Body);
        Assert.Contains($"<img src=\"{jpegUrl}\" alt=\"\">", await visitor.GetStringAsync($"/site/update/{stored.Id}"));

        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await PostNoticeAsync(
                    t.Admin,
                    t.Org.Id,
                    "图片公告",
                    $"<p>见图</p><img src=\"{pngUrl}\" alt=\"\" onerror=\"alert(1)\">"
                )
            ).StatusCode
        );
        var noticeId = await app.WithDbAsync(db =>
            db.Notices.Where(n => n.Title == "图片公告").Select(n => n.Id).SingleAsync()
        );
        var notice = await reader.GetStringAsync($"/Notices/Read/{noticeId}");
        Assert.Contains($"<img src=\"{pngUrl}\" alt=\"\">", notice);
        Assert.DoesNotContain("onerror", notice);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(pngUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/media/{Guid.NewGuid():D}.jpg")).StatusCode);
        var jpegId = Guid.Parse(jpegUrl["/media/".Length..^".jpg".Length]);
        var row = await app.WithDbAsync(db => db.RichTextImages.AsNoTracking().SingleAsync(i => i.Id == jpegId));
        Assert.Equal((t.Org.Id, 1600, 1067), (row.OrganizationId, row.Width, row.Height));
        Assert.False(string.IsNullOrEmpty(row.AccountId));
    }

    [Fact]
    public async Task Upload_OfANonImage_IsRefusedByItsBytes_WithAChineseProblem_AndStoresNothing()
    {
        var t = await TownAsync("假图镇");
        var editor = $"/Notices/Edit?org={t.Org.Id}";
        var before = await ImageCountAsync();
        foreach (
            var (bytes, name, expected) in new (byte[], string, string)[]
            {
                ("<?php system($_GET['c']); ?>"u8.ToArray(), "photo.jpg", RuleErrors.ImageNotJpegOrPng.Message),
                (TestImages.Gif, "photo.png", RuleErrors.ImageNotJpegOrPng.Message),
                ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46], "broken.jpg", RuleErrors.ImageUnreadable.Message),
                (
                    [0xFF, 0xD8, 0xFF, .. new byte[RichTextImages.Limits.MaxBytes]],
                    "huge.jpg",
                    ImageUpload.TooLarge(RichTextImages.Limits).Message
                ),
            }
        )
        {
            var response = await UploadAsync(t.Admin, t.Org.Id, bytes, name, editor);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(expected, await ProblemDetailAsync(response));
        }
        Assert.Equal(before, await ImageCountAsync());
    }

    [Fact]
    public async Task Upload_ForAnotherSubtree_ByAMember_OrWithoutToken_IsRefused_AndStoresNothing()
    {
        var t = await TownAsync("本图镇");
        var (otherTown, _) = await app.AddTownAsync("他图镇");
        var (_, member) = await app.SignInAsMemberAsync(t.Branch, "读图党员");
        var before = await ImageCountAsync();
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await UploadAsync(t.Admin, otherTown.Id, TestImages.Jpeg(), "a.jpg", $"/Notices/Edit?org={t.Org.Id}")
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await UploadAsync(t.Admin, 999_999, TestImages.Jpeg(), "a.jpg", $"/Notices/Edit?org={t.Org.Id}")
            ).StatusCode
        );
        // A member reads their branch but administers nothing: the branch is outside their scope.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await UploadAsync(member, t.Branch.Id, TestImages.Jpeg(), "a.jpg", "/Account/ChangePassword")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await UploadAsync(app.NewClient(), t.Org.Id, TestImages.Jpeg(), "a.jpg", "/Account/Login")).StatusCode
        );
        var forged = await UploadAsync(t.Admin, t.Org.Id, TestImages.Jpeg(), "a.jpg", "", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(RuleErrors.ImageFormExpired.Message, await ProblemDetailAsync(forged));
        // A body cut short (a boundary that never closes) and no header token: the form cannot be read for one.
        using var cut = new HttpRequestMessage(HttpMethod.Post, RichTextImages.UploadUrl(t.Org.Id))
        {
            Content = new StringContent(
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n"
            ),
        };
        cut.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var broken = await t.Admin.SendAsync(cut);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(RuleErrors.ImageFormExpired.Message, await ProblemDetailAsync(broken));
        Assert.Equal(before, await ImageCountAsync());
    }

    [Fact]
    public async Task StoredExternalImages_AreDroppedWhenShown_PlatformImagesStay()
    {
        var t = await TownAsync("旧图镇");
        var platform = await UploadedUrlAsync(
            await UploadAsync(t.Admin, t.Org.Id, TestImages.Jpeg(), "a.jpg", $"/Notices/Edit?org={t.Org.Id}")
        );
        // Written before the rule (or around it): straight into the database.
        var id = await app.WithDbAsync(async db =>
        {
            var w = new WorkUpdate
            {
                OrganizationId = t.Org.Id,
                Title = "旧的外链图片",
                PublishedAt = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc),
                Body =
                    $"<p>旧文</p><img src=\"{Tracker}\" alt=\"外\"><img src=\"{platform}\" alt=\"\"><a href=\"https:"
                    + $"//www.12371.cn\">共产党员网</a>",
            };
            db.WorkUpdates.Add(w);
            await db.SaveChangesAsync();
            return w.Id;
        });
        var article = await app.NewClient().GetStringAsync($"/site/update/{id}");
        var body = BodyOf().Match(article).Groups[1].Value;
        Assert.DoesNotContain("example.org", body);
        Assert.Contains($"<img src=\"{platform}\" alt=\"\">", body);
        Assert.Contains("<a href=\"https://www.12371.cn\">共产党员网</a>", body); // links are left alone
    }

    [GeneratedRegex(@"\A/media/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jpg\z")]
    private static partial Regex MediaUrl();

    [GeneratedRegex("id=\"article-body\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex BodyOf();
}
