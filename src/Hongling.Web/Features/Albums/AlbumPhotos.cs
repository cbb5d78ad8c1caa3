using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Completeness;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Hongling.Web.Features.Albums;

/// <summary>Album photos: re-encoded on upload (Infrastructure/Uploads), all of one upload or none.</summary>
public static class AlbumPhotos
{
    /// <summary>A phone photo as it comes (10 MB); kept at 1600 px, enough for a screen; 320 px thumbnails
    /// fill a two-column grid on a phone.</summary>
    public static readonly ImageLimits Limits = new(
        MaxBytes: 10 * 1024 * 1024,
        MaxPixels: 40_000_000,
        LongestSide: 1600,
        ThumbnailSide: 320
    );
    public const int MaxFilesPerUpload = 10;

    /// <summary>Ten files at the limit and the form around them; a larger body is cut off as 413.</summary>
    public const long MaxRequestBytes = MaxFilesPerUpload * 10L * 1024 * 1024 + 1024 * 1024;

    /// <summary>Pixels one upload may decode in all: ten 12-megapixel phone photos, or four at the 40-megapixel
    /// limit.</summary>
    public const long MaxPixelsPerUpload = 160_000_000;

    /// <summary>Re-encodes every file; the first refusal (named by file) refuses the whole upload. The sizes the
    /// files declare are added up before any is decoded, so an upload too large in all costs no decoding.</summary>
    public static async Task<(List<ReencodedImage> Images, string? Refusal)> ReadAllAsync(
        IReadOnlyList<IFormFile> files,
        CancellationToken ct
    )
    {
        if (files.Count == 0)
            return ([], RuleErrors.ImageMissing.Message);
        if (files.Count > MaxFilesPerUpload)
            return ([], $"一次最多上传{MaxFilesPerUpload}张照片。");
        var bytes = new List<byte[]>();
        foreach (var file in files)
        {
            if (file.Length == 0 || file.Length > Limits.MaxBytes)
            {
                var refusal = file.Length == 0 ? RuleErrors.ImageEmpty : ImageUpload.TooLarge(Limits);
                return ([], Named(files, file, refusal.Message));
            }
            bytes.Add(await ImageUpload.BytesAsync(file, ct));
        }
        if (bytes.Sum(ImageUpload.DeclaredPixels) > MaxPixelsPerUpload)
            return ([], RuleErrors.ImageTooManyPixelsInAll(MaxPixelsPerUpload).Message);
        var images = new List<ReencodedImage>();
        for (var i = 0; i < files.Count; i++)
        {
            var result = await ImageUpload.ReencodeAsync(bytes[i], Limits, ct);
            if (result.Image is null)
                return ([], Named(files, files[i], result.Refusal!));
            images.Add(result.Image);
        }
        return (images, null);
    }

    private static string Named(IReadOnlyList<IFormFile> files, IFormFile file, string refusal) =>
        files.Count == 1 ? refusal : $"“{file.FileName}”:{refusal} 本次上传的照片均未保存。";
}

/// <summary>GET /photos/albums/{id}[/thumbnail]: the JPEG for whoever the scoped AlbumPhotos set lets see it
/// (the album's administrators and the members it is published to), 404 for everyone else. Private cache,
/// revalidated on every use.</summary>
public static class AlbumPhotoEndpoints
{
    public static string ImageUrl(int photoId) => $"/photos/albums/{photoId}";

    public static string ThumbnailUrl(int photoId) => $"/photos/albums/{photoId}/thumbnail";

    public static IEndpointRouteBuilder MapAlbumPhotos(this IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/photos/albums/{id:int}").RequireAuthorization().ExcludeFromDescription();
        photos.MapGet("/", (int id, HttpContext http, HonglingDb db, CancellationToken ct) =>
            ServeAsync(id, thumbnail: false, http, db, ct)
        );
        photos.MapGet("/thumbnail", (int id, HttpContext http, HonglingDb db, CancellationToken ct) =>
            ServeAsync(id, thumbnail: true, http, db, ct)
        );
        // The photos of public albums, for the website's organization pages: anyone, no sign-in.
        var site = app.MapGroup("/site/photos/{id:int}").AllowAnonymous().ExcludeFromDescription();
        site.MapGet("/", (int id, HttpContext http, HonglingDb db, CancellationToken ct) =>
            ServeAsync(id, thumbnail: false, http, db, ct, published: true)
        );
        site.MapGet("/thumbnail", (int id, HttpContext http, HonglingDb db, CancellationToken ct) =>
            ServeAsync(id, thumbnail: true, http, db, ct, published: true)
        );
        return app;
    }

    private static async Task<IResult> ServeAsync(
        int id,
        bool thumbnail,
        HttpContext http,
        HonglingDb db,
        CancellationToken ct,
        bool published = false
    )
    {
        var rows = (published ? Website.PublicContent.Photos(db) : db.AlbumPhotos).Where(p => p.Id == id);
        var version = await rows.Select(p => (DateTime?)p.UploadedAt).FirstOrDefaultAsync(ct);
        return await PrivateImage.ServeAsync(http, version, thumbnail, () =>
            (thumbnail ? rows.Select(p => p.Thumbnail) : rows.Select(p => p.Image)).FirstOrDefaultAsync(ct)
        );
    }
}
