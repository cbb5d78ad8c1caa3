using System.Net;
using System.Net.Http.Headers;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static Hongling.Tests.Features.Photos.TestImages;

namespace Hongling.Tests.Features.Photos;

public sealed class MemberPhotoTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Secret = "GPS 31.2304N 121.4737E HONGLING-SECRET";

    private async Task<(HttpClient Client, Organization Branch)> AdminAsync(string town)
    {
        var (_, branch) = await app.AddTownAsync(town);
        return (await app.SignInAsAdministratorOfAsync(branch), branch);
    }

    /// <summary>Posts the detail page's upload form as a browser does: multipart, with the antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client,
        int memberId,
        byte[]? bytes,
        string fileName = "photo.jpg",
        string contentType = "image/jpeg"
    )
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TestApp.TokenAsync(client, "/")), "__RequestVerificationToken" },
        };
        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "photo", fileName);
        }
        return await client.PostAsync($"/Members/Detail/{memberId}?handler=UploadPhoto", form);
    }

    private static async Task<HttpResponseMessage> RemoveAsync(HttpClient client, int memberId) =>
        await TestApp.PostFormAsync(
            client,
            "/",
            new Dictionary<string, string>(),
            $"/Members/Detail/{memberId}?handler=RemovePhoto"
        );

    private Task<(Member Member, MemberPhoto? Photo)> StoredAsync(int memberId) =>
        app.WithDbAsync(async db =>
            (
                await db.Members.SingleAsync(m => m.Id == memberId),
                await db.MemberPhotos.SingleOrDefaultAsync(p => p.MemberId == memberId)
            )
        );

    private Task<List<AuditEntry>> PhotoAuditsAsync(int memberId) =>
        app.WithDbAsync(db =>
            db.AuditEntries.Where(a =>
                    a.EntityType == "Member" && a.EntityId == memberId.ToString() && a.Changes.Contains("Photo")
                )
                .OrderBy(a => a.Id)
                .ToListAsync()
        );

    [Fact]
    public async Task PhoneJpeg_IsStoredUprightWithoutItsMetadata_WithAThumbnail_AndTheRecordCountsAsUpdated()
    {
        var (client, branch) = await AdminAsync("照片镇");
        var member = await app.AddMemberAsync(branch, "照片甲");
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var response = await UploadAsync(client, member.Id, WithExif(Jpeg(300, 200), 6, Secret));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Members/Detail/{member.Id}", response.Headers.Location!.OriginalString);

        var (stored, photo) = await StoredAsync(member.Id);
        Assert.NotNull(photo);
        Assert.Equal(now, stored.PhotoUpdatedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(now, stored.UpdatedAt, TimeSpan.FromMilliseconds(1));
        Assert.False(Contains(photo.Image, "HONGLING-SECRET"));
        Assert.False(Contains(photo.Image, "Exif"));
        Assert.False(Contains(photo.Thumbnail, "HONGLING-SECRET"));
        using var image = SKBitmap.Decode(photo.Image);
        using var thumbnail = SKBitmap.Decode(photo.Thumbnail);
        Assert.Equal((200, 300), (image.Width, image.Height)); // turned upright
        Assert.Equal((200, 300), (photo.Width, photo.Height));
        Assert.True(Near(ColorAt(image, 0.1, 0.1), Blue));
        Assert.Equal((160, 240), (thumbnail.Width, thumbnail.Height));
        Assert.True(photo.Thumbnail.Length < photo.Image.Length);

        var page = await client.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("照片已更新。", page);
        Assert.Contains($"src=\"/photos/members/{member.Id}/thumbnail\"", page);
        Assert.Contains("更换照片", page);

        var audit = Assert.Single(await PhotoAuditsAsync(member.Id));
        Assert.Equal(AuditAction.Updated, audit.Action);
        Assert.Contains("\"Field\":\"Photo\",\"From\":\"\",\"To\":\"已上传\"", audit.Changes);
        Assert.Contains("照片:(空) → 已上传", await client.GetStringAsync($"/Audit?type=Member&id={member.Id}"));
    }

    [Fact]
    public async Task Png_IsAccepted_AndServedAsJpeg()
    {
        var (client, branch) = await AdminAsync("图镇");
        var member = await app.AddMemberAsync(branch, "图乙");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await UploadAsync(client, member.Id, Png(), "photo.png", "image/png")).StatusCode
        );

        var response = await client.GetAsync($"/photos/members/{member.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        using var served = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((300, 200), (served.Width, served.Height));
    }

    public static TheoryData<string, string> Refusals =>
        new()
        {
            { "gif", "只能上传 JPEG 或 PNG 格式的照片(按文件内容识别,修改扩展名无效)。" },
            { "webp", "只能上传 JPEG 或 PNG 格式的照片(按文件内容识别,修改扩展名无效)。" },
            { "svg", "只能上传 JPEG 或 PNG 格式的照片(按文件内容识别,修改扩展名无效)。" },
            { "text renamed .jpg", "只能上传 JPEG 或 PNG 格式的照片(按文件内容识别,修改扩展名无效)。" },
            { "empty", "上传的文件是空的,请重新选择照片。" },
            { "no file", "请选择要上传的照片。" },
            { "truncated jpeg", "照片文件已损坏或不完整,无法读取,请重新选择。" },
            { "truncated png", "照片文件已损坏或不完整,无法读取,请重新选择。" },
            { "over 10 MB", "照片文件不能超过 10 MB,请压缩后再上传。" },
            { "over 40 megapixels", "照片尺寸过大(超过 4000 万像素),请缩小后再上传。" },
        };

    [Theory, MemberData(nameof(Refusals))]
    public async Task AnythingButAReadableJpegOrPng_IsRefusedWithAMessage_AndNothingIsStored(
        string kind,
        string message
    )
    {
        var (client, branch) = await AdminAsync("拒收镇");
        var member = await app.AddMemberAsync(branch, "拒收丙");
        var jpeg = Jpeg(600, 400);
        var png = Png(600, 400);
        byte[]? bytes = kind switch
        {
            "gif" => Gif,
            "webp" => WebP(),
            "svg" => (
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"u8
                + "<rect width=\"10\" height=\"10\"/></svg>"u8
            ).ToArray(),
            "text renamed .jpg" => "这不是照片,只是改了扩展名的文本文件。"u8.ToArray(),
            "empty" => [],
            "no file" => null,
            "truncated jpeg" => jpeg[..(jpeg.Length / 2)],
            "truncated png" => png[..(png.Length / 2)],
            "over 10 MB" => [.. jpeg, .. new byte[10 * 1024 * 1024]],
            "over 40 megapixels" => ClaimingSize(jpeg, 8000, 6000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await UploadAsync(client, member.Id, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.TextOf("#photo-error[role=alert]"));
        var (stored, photo) = await StoredAsync(member.Id);
        Assert.Null(photo);
        Assert.Null(stored.PhotoUpdatedAt);
        Assert.Empty(await PhotoAuditsAsync(member.Id));
    }

    [Fact]
    public async Task Photo_IsServedPrivately_WithAnETag_AndRevalidatedWithout304Bytes()
    {
        var (client, branch) = await AdminAsync("缓存镇");
        var member = await app.AddMemberAsync(branch, "缓存丁");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/photos/members/{member.Id}")).StatusCode);
        await UploadAsync(client, member.Id, Jpeg(2000, 1500));

        var image = await client.GetAsync($"/photos/members/{member.Id}");
        var thumbnail = await client.GetAsync($"/photos/members/{member.Id}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.True(image.Headers.CacheControl!.Private);
        Assert.True(image.Headers.CacheControl.NoCache);
        Assert.False(image.Headers.CacheControl.Public);
        Assert.NotNull(image.Headers.ETag);
        Assert.NotEqual(image.Headers.ETag, thumbnail.Headers.ETag);
        using (var full = SKBitmap.Decode(await image.Content.ReadAsByteArrayAsync()))
            Assert.Equal(1024, full.Width);
        using (var small = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()))
            Assert.Equal(240, small.Width);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/photos/members/{member.Id}");
        again.Headers.IfNoneMatch.Add(image.Headers.ETag!);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // A new photo is a new version.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await UploadAsync(client, member.Id, Png());
        var stale = new HttpRequestMessage(HttpMethod.Get, $"/photos/members/{member.Id}");
        stale.Headers.IfNoneMatch.Add(image.Headers.ETag!);
        var replaced = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(image.Headers.ETag, replaced.Headers.ETag);
    }

    [Fact]
    public async Task ReplacingAndRemoving_KeepOneRow_ClearTheDate_AndAreLogged()
    {
        var (client, branch) = await AdminAsync("更换镇");
        var member = await app.AddMemberAsync(branch, "更换戊");
        await UploadAsync(client, member.Id, Jpeg());
        var first = (await StoredAsync(member.Id)).Member.PhotoUpdatedAt;
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await UploadAsync(client, member.Id, Png(120, 160), "new.png", "image/png")).StatusCode
        );
        var (replaced, photo) = await StoredAsync(member.Id);
        Assert.True(replaced.PhotoUpdatedAt > first);
        Assert.Equal((120, 160), (photo!.Width, photo.Height));
        Assert.Equal(1, await app.WithDbAsync(db => db.MemberPhotos.CountAsync(p => p.MemberId == member.Id)));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var removed = await RemoveAsync(client, member.Id);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var (after, gone) = await StoredAsync(member.Id);
        Assert.Null(gone);
        Assert.Null(after.PhotoUpdatedAt);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, after.UpdatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/photos/members/{member.Id}")).StatusCode);
        var page = await client.GetStringAsync($"/Members/Detail/{member.Id}");
        Assert.Contains("照片已删除。", page);
        Assert.Contains("暂无照片", page);

        Assert.Equal(
            ["已上传", "已更换", ""],
            (await PhotoAuditsAsync(member.Id)).Select(a =>
                System.Text.Json.JsonDocument.Parse(a.Changes).RootElement[0].GetProperty("To").GetString()
            )
        );
    }

    [Fact]
    public async Task AdminOfAnotherTown_GetsNotFound_ForUploadRemoveAndReading()
    {
        var (clientA, branchA) = await AdminAsync("甲照片");
        var (clientB, _) = await AdminAsync("乙照片");
        var member = await app.AddMemberAsync(branchA, "甲方党员");
        await UploadAsync(clientA, member.Id, Jpeg());
        var before = await StoredAsync(member.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(clientB, member.Id, Png())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RemoveAsync(clientB, member.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/photos/members/{member.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await clientB.GetAsync($"/photos/members/{member.Id}/thumbnail")).StatusCode
        );

        var after = await StoredAsync(member.Id);
        Assert.Equal(before.Member.PhotoUpdatedAt, after.Member.PhotoUpdatedAt);
        Assert.Equal(before.Photo!.Image, after.Photo!.Image);
        Assert.Single(await PhotoAuditsAsync(member.Id));
    }

    [Fact]
    public async Task Member_SeesTheirOwnPhoto_NotAnothers_AndCannotUpload()
    {
        var (admin, branch) = await AdminAsync("本人镇");
        var me = await app.AddMemberAsync(branch, "本人己");
        var other = await app.AddMemberAsync(branch, "同支部庚");
        await UploadAsync(admin, me.Id, Jpeg());
        await UploadAsync(admin, other.Id, Jpeg());
        var client = await app.SignInAsMemberAsync(me);

        var mine = await client.GetAsync($"/photos/members/{me.Id}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("image/jpeg", mine.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/photos/members/{me.Id}/thumbnail")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/photos/members/{other.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/photos/members/{other.Id}/thumbnail")).StatusCode
        );

        var before = (await StoredAsync(me.Id)).Member.PhotoUpdatedAt;
        var upload = await UploadAsync(client, me.Id, Png());
        Assert.NotEqual(HttpStatusCode.OK, upload.StatusCode);
        Assert.NotEqual($"/Members/Detail/{me.Id}", upload.Headers.Location?.OriginalString);
        Assert.Equal(before, (await StoredAsync(me.Id)).Member.PhotoUpdatedAt);
    }

    [Fact]
    public async Task SignedOut_GetsNoPhoto()
    {
        var (admin, branch) = await AdminAsync("匿名镇");
        var member = await app.AddMemberAsync(branch, "匿名辛");
        await UploadAsync(admin, member.Id, Jpeg());
        var response = await app.NewClient().GetAsync($"/photos/members/{member.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
