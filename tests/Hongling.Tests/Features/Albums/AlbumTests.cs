using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Hongling.Tests.Features.Photos;
using Hongling.Web.Domain;
using Hongling.Web.Features.Albums;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Albums;

/// <summary>Branch albums: creation, byte-checked uploads, who sees the photos, scope, monthly counts.</summary>
public sealed partial class AlbumTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Branch(Organization Org, HttpClient Admin, Member Member, string MemberCard);

    private async Task<Branch> BranchAsync(string name)
    {
        var (_, org) = await app.AddTownAsync(name);
        var member = await app.AddMemberAsync(org, "党员" + name);
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, member);
        return new Branch(org, await app.SignInAsAdministratorOfAsync(org), member, card);
    }

    private static async Task<int> CreateAlbumAsync(
        HttpClient admin,
        Organization org,
        string title,
        int? activityId = null
    )
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = org.Id.ToString(),
            ["Input.Title"] = title,
        };
        if (activityId is { } a)
            fields["Input.ActivityId"] = a.ToString();
        var response = await TestApp.PostFormAsync(admin, "/Albums", fields, "/Albums?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(
            Regex.Match(response.Headers.Location!.OriginalString, @"/Albums/Detail/(\d+)").Groups[1].Value
        );
    }

    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient admin,
        int albumId,
        params (byte[] Bytes, string Name)[] files
    )
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TestApp.TokenAsync(admin, "/Albums")), "__RequestVerificationToken" },
            { new StringContent("重温入党誓词"), "caption" },
        };
        foreach (var (bytes, name) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photos", name);
        }
        return await admin.PostAsync($"/Albums/Detail/{albumId}?handler=Upload", form);
    }

    private Task<List<int>> PhotoIdsAsync(int albumId) =>
        app.WithDbAsync(db => db.AlbumPhotos.Where(p => p.AlbumId == albumId).Select(p => p.Id).ToListAsync());

    [Fact]
    public async Task Upload_JpegAndPng_ReencodedWithThumbnails_MembersOfTheBranchSeeThem_OthersGet404()
    {
        var a = await BranchAsync("相册甲");
        var b = await BranchAsync("相册乙");
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "七一主题党日");
        var secret = "GPS 29.29N 106.25E";
        var response = await UploadAsync(
            a.Admin,
            albumId,
            (TestImages.WithExif(TestImages.Jpeg(), 1, secret), "a.jpg"),
            (TestImages.Png(), "b.png")
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ids = await PhotoIdsAsync(albumId);
        Assert.Equal(2, ids.Count);

        var member = await app.SignedInClientAsync(a.MemberCard);
        Assert.Contains("七一主题党日", await member.GetStringAsync("/Albums"));
        var page = await member.GetStringAsync($"/Albums/Detail/{albumId}");
        Assert.Contains(AlbumPhotoEndpoints.ThumbnailUrl(ids[0]), page);
        Assert.DoesNotContain("upload-form", page); // members view, administrators manage
        var image = await member.GetAsync(AlbumPhotoEndpoints.ImageUrl(ids[0]));
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.True(ImageUpload.IsJpegOrPng(bytes));
        Assert.DoesNotContain(secret, Encoding.ASCII.GetString(bytes));
        var thumb = await (
            await member.GetAsync(AlbumPhotoEndpoints.ThumbnailUrl(ids[1]))
        ).Content.ReadAsByteArrayAsync();
        Assert.True(thumb.Length > 0 && thumb.Length < bytes.Length * 4);
        // A member's upload is refused like any write outside their scope.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await UploadAsync(member, albumId, (TestImages.Jpeg(), "m.jpg"))).StatusCode
        );

        var outsider = await app.SignedInClientAsync(b.MemberCard);
        Assert.DoesNotContain("七一主题党日", await outsider.GetStringAsync("/Albums"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Albums/Detail/{albumId}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await outsider.GetAsync(AlbumPhotoEndpoints.ImageUrl(ids[0]))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await b.Admin.GetAsync(AlbumPhotoEndpoints.ThumbnailUrl(ids[0]))).StatusCode
        );
        Assert.Equal(2, (await PhotoIdsAsync(albumId)).Count);
    }

    public static TheoryData<string, string, string> BadFiles =>
        new()
        {
            { "<?php system($_GET['c']); ?>", "shell.jpg", RuleErrors.ImageNotJpegOrPng.Message },
            { "<html><script>alert(1)</script></html>", "page.jpg", RuleErrors.ImageNotJpegOrPng.Message },
            { "", "empty.jpg", RuleErrors.ImageEmpty.Message },
        };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_ARenamedScriptOrAnEmptyFile_RefusedInChinese_NothingStored(
        string content,
        string name,
        string message
    )
    {
        var a = await BranchAsync("坏文件" + name);
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "相册");
        var response = await UploadAsync(a.Admin, albumId, (Encoding.UTF8.GetBytes(content), name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Empty(await PhotoIdsAsync(albumId));
    }

    [Fact]
    public async Task Upload_Oversized_OrOneBadFileAmongGoodOnes_RefusedAndNothingStored()
    {
        var a = await BranchAsync("超大");
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "相册");
        var huge = new byte[AlbumPhotos.Limits.MaxBytes + 1];
        TestImages.Jpeg().CopyTo(huge, 0);
        var response = await UploadAsync(a.Admin, albumId, (huge, "huge.jpg"));
        Assert.Contains(ImageUpload.TooLarge(AlbumPhotos.Limits).Message, await response.Content.ReadAsStringAsync());
        var mixed = await UploadAsync(
            a.Admin,
            albumId,
            (TestImages.Jpeg(), "good.jpg"),
            (Encoding.UTF8.GetBytes("<?php ?>"), "bad.jpg")
        );
        var html = await mixed.Content.ReadAsStringAsync();
        Assert.Contains("bad.jpg", html);
        Assert.Contains("本次上传的照片均未保存", html);
        Assert.Empty(await PhotoIdsAsync(albumId));
    }

    [Fact]
    public async Task Upload_TooManyPixelsInAll_IsRefusedBeforeAnyIsDecoded()
    {
        var a = await BranchAsync("像素");
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "相册");
        // Five files each declaring 6000 × 6000 (36 megapixels, within the per-file limit): 180 in all. Their
        // pixels are not really there, so decoding any of them would refuse it as damaged instead.
        var claims = Enumerable
            .Range(1, 5)
            .Select(i => (TestImages.PngClaimingSize(TestImages.Png(), 6000, 6000), $"p{i}.png"))
            .ToArray();
        var response = await UploadAsync(a.Admin, albumId, claims);
        Assert.Contains(
            RuleErrors.ImageTooManyPixelsInAll(AlbumPhotos.MaxPixelsPerUpload).Message,
            await response.Content.ReadAsStringAsync()
        );
        Assert.Empty(await PhotoIdsAsync(albumId));
    }

    [Fact]
    public async Task Upload_WaitsForAFreeDecoder()
    {
        var a = await BranchAsync("排队");
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "相册");
        // Every decoder busy (as under four albums of large uploads at once): the upload waits its turn.
        // Every decoder, waiting for those other tests' uploads hold at the moment (the semaphore is the process's).
        var all = Math.Max(1, Environment.ProcessorCount / 2);
        var held = 0;
        for (; held < all; held++)
            await ImageUpload.Decoders.WaitAsync(TestContext.Current.CancellationToken);
        Task<HttpResponseMessage> upload;
        try
        {
            upload = UploadAsync(a.Admin, albumId, (TestImages.Jpeg(), "a.jpg"));
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            Assert.False(upload.IsCompleted);
            Assert.Empty(await PhotoIdsAsync(albumId));
        }
        finally
        {
            ImageUpload.Decoders.Release(held);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await upload).StatusCode);
        Assert.Single(await PhotoIdsAsync(albumId));
    }
}
