using System.Net;
using Hongling.Tests.Features.Photos;
using Hongling.Web.Domain;
using Hongling.Web.Features.Albums;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Albums;

public sealed partial class AlbumTests
{
    [Fact]
    public async Task AdminOfB_Gets404ForAlbumsAndPhotosOfA_AndCannotCreateThere_NothingChanges()
    {
        var a = await BranchAsync("范围甲");
        var b = await BranchAsync("范围乙");
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "甲的相册");
        await UploadAsync(a.Admin, albumId, (TestImages.Jpeg(), "a.jpg"));
        var photoId = Assert.Single(await PhotoIdsAsync(albumId));
        var activityOfA = await app.WithDbAsync(async db =>
        {
            var x = new Activity
            {
                OrganizationId = a.Org.Id,
                AudiencePath = a.Org.Path,
                Topic = "甲的活动",
                Place = "-",
                StartsAt = DateTime.UtcNow,
                EndsAt = DateTime.UtcNow.AddHours(1),
            };
            db.Activities.Add(x);
            await db.SaveChangesAsync();
            return x;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/Albums/Detail/{albumId}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await b.Admin.GetAsync(AlbumPhotoEndpoints.ImageUrl(photoId))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await UploadAsync(b.Admin, albumId, (TestImages.Jpeg(), "b.jpg"))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    b.Admin,
                    "/Albums",
                    new Dictionary<string, string> { ["photoId"] = photoId.ToString() },
                    $"/Albums/Detail/{albumId}?handler=Remove"
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    b.Admin,
                    "/Albums",
                    new Dictionary<string, string>
                    {
                        ["Input.OrganizationId"] = a.Org.Id.ToString(),
                        ["Input.Title"] = "越权",
                    },
                    "/Albums?handler=Create"
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    b.Admin,
                    "/Albums",
                    new Dictionary<string, string>
                    {
                        ["Input.OrganizationId"] = b.Org.Id.ToString(),
                        ["Input.ActivityId"] = activityOfA.Id.ToString(),
                        ["Input.Title"] = "越权",
                    },
                    "/Albums?handler=Create"
                )
            ).StatusCode
        );

        Assert.Single(await PhotoIdsAsync(albumId));
        Assert.Equal(
            ["甲的相册"],
            await app.WithDbAsync(db =>
                db.Albums.Where(x => x.OrganizationId == a.Org.Id || x.OrganizationId == b.Org.Id)
                    .Select(x => x.Title)
                    .ToListAsync()
            )
        );
    }

    [Fact]
    public async Task ActivityAlbum_LinkedFromTheActivity_AndRemovingAPhoto()
    {
        var a = await BranchAsync("活动相册");
        var activity = await app.WithDbAsync(async db =>
        {
            var x = new Activity
            {
                OrganizationId = a.Org.Id,
                AudiencePath = a.Org.Path,
                Topic = "志愿服务",
                Place = "-",
                StartsAt = DateTime.UtcNow,
                EndsAt = DateTime.UtcNow.AddHours(1),
            };
            db.Activities.Add(x);
            await db.SaveChangesAsync();
            return x;
        });
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "志愿服务", activity.Id);
        Assert.Equal(albumId, await CreateAlbumAsync(a.Admin, a.Org, "再建一次", activity.Id)); // one album per activity
        Assert.Contains($"/Albums/Detail/{albumId}", await a.Admin.GetStringAsync($"/Activities/Detail/{activity.Id}"));
        await UploadAsync(a.Admin, albumId, (TestImages.Jpeg(), "a.jpg"));
        var photoId = Assert.Single(await PhotoIdsAsync(albumId));
        var removed = await TestApp.PostFormAsync(
            a.Admin,
            "/Albums",
            new Dictionary<string, string> { ["photoId"] = photoId.ToString() },
            $"/Albums/Detail/{albumId}?handler=Remove"
        );
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await PhotoIdsAsync(albumId));
    }

    [Fact]
    public async Task MonthlyPhotoCounts_FollowChinaTimeMonths()
    {
        var (town, branch) = await app.AddTownAsync("照片月报");
        await app.WithDbAsync(async db =>
        {
            var album = new Album
            {
                OrganizationId = branch.Id,
                AudiencePath = branch.Path,
                Title = "月报",
            };
            db.Albums.Add(album);
            foreach (
                var at in new[]
                {
                    "2026-10-31T15:59:59",
                    "2026-10-31T16:30:00",
                    "2026-11-30T15:59:00",
                    "2026-11-30T16:00:00",
                }
            )
                db.AlbumPhotos.Add(
                    new AlbumPhoto
                    {
                        Album = album,
                        OrganizationId = branch.Id,
                        AudiencePath = branch.Path,
                        UploadedAt = DateTime.SpecifyKind(DateTime.Parse(at), DateTimeKind.Utc),
                    }
                );
            return await db.SaveChangesAsync();
        });
        Assert.Equal(
            new Dictionary<int, int> { [branch.Id] = 2 },
            await app.WithDbAsync(db =>
                Hongling.Web.Features.OrgLife.MonthlyActivityCounts.OfAsync(
                    db,
                    Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure.Photos,
                    town.Path,
                    202611
                )
            )
        );
        Assert.Equal(
            new Dictionary<int, int> { [branch.Id] = 1 },
            await app.WithDbAsync(db =>
                Hongling.Web.Features.OrgLife.MonthlyActivityCounts.OfAsync(
                    db,
                    Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure.Photos,
                    town.Path,
                    202610
                )
            )
        );
        Assert.Equal(
            new Dictionary<int, int> { [branch.Id] = 1 },
            await app.WithDbAsync(db =>
                Hongling.Web.Features.OrgLife.MonthlyActivityCounts.OfAsync(
                    db,
                    Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure.Photos,
                    town.Path,
                    202612
                )
            )
        );
    }
}
