using System.Net;
using Hongling.Tests.Features.Photos;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Albums;

public sealed partial class AlbumTests
{
    [Fact]
    public async Task PublicAlbum_ShowsOnTheWebsitePage_PrivateOneStaysPrivate_AndOnlyItsAdminPublishesIt()
    {
        var a = await BranchAsync("网站相册甲");
        var b = await BranchAsync("网站相册乙");
        var albumId = await CreateAlbumAsync(a.Admin, a.Org, "志愿服务");
        await UploadAsync(a.Admin, albumId, (TestImages.Jpeg(), "a.jpg"));
        var photoId = (await PhotoIdsAsync(albumId)).Single();
        var visitor = app.NewClient();

        // Not public yet: not on the page, and its bytes are not served to visitors.
        Assert.DoesNotContain($"/site/photos/{photoId}", await visitor.GetStringAsync($"/site/org/{a.Org.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/site/photos/{photoId}/thumbnail")).StatusCode);

        // Another subtree's administrator cannot publish it.
        var foreign = await TestApp.PostFormAsync(
            b.Admin,
            "/Albums",
            new Dictionary<string, string> { ["isPublic"] = "true" },
            $"/Albums/Detail/{albumId}?handler=Public"
        );
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.False(
            await app.WithDbAsync(db => db.Albums.Where(x => x.Id == albumId).Select(x => x.IsPublic).SingleAsync())
        );

        var published = await TestApp.PostFormAsync(
            a.Admin,
            "/Albums",
            new Dictionary<string, string> { ["isPublic"] = "true" },
            $"/Albums/Detail/{albumId}?handler=Public"
        );
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains($"/site/photos/{photoId}/thumbnail", await visitor.GetStringAsync($"/site/org/{a.Org.Id}"));
        var thumbnail = await visitor.GetAsync($"/site/photos/{photoId}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        // A public album does not open the private album endpoint to visitors.
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync($"/photos/albums/{photoId}")).StatusCode);
    }
}
