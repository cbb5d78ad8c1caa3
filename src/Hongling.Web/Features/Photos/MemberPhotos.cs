using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Hongling.Web.Features.Photos;

/// <summary>Member photos (党员照片): stored re-encoded (Infrastructure/Uploads) beside the member, and
/// served only to those who can see the member's record.</summary>
public sealed class MemberPhotos(HonglingDb db, TimeProvider clock)
{
    /// <summary>10 MB takes an ordinary phone photo as it is; 40 megapixels is past any phone's default
    /// picture; 1024 px is plenty for a record photo. The 240 px thumbnail is sharp at 120 CSS px on
    /// a phone screen; it keeps the whole picture (no crop), the page frames it.</summary>
    public static readonly ImageLimits Limits = new(
        MaxBytes: 10 * 1024 * 1024,
        MaxPixels: 40_000_000,
        LongestSide: 1024,
        ThumbnailSide: 240
    );

    /// <summary>The request limit of the page that takes the upload: a little over the file limit, so a file
    /// somewhat too large still gets the clear message; a larger body is cut off as 413.</summary>
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    private const string AuditField = "Photo";

    /// <summary>Sets or replaces the photo of a member the caller administers (loaded through
    /// AdministeredMembers and tracked): the member's record counts as updated, and the log says so.</summary>
    public async Task SetAsync(Member member, ReencodedImage image, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var photo = await db.MemberPhotos.FirstOrDefaultAsync(p => p.MemberId == member.Id, ct);
        db.LogChange(member, AuditField, photo is null ? "" : "已上传", photo is null ? "已上传" : "已更换");
        if (photo is null)
            db.MemberPhotos.Add(photo = new MemberPhoto { MemberId = member.Id });
        (photo.Image, photo.Thumbnail, photo.Width, photo.Height, photo.UploadedAt) = (
            image.Jpeg,
            image.Thumbnail,
            image.Width,
            image.Height,
            now
        );
        member.PhotoUpdatedAt = now;
        member.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes the photo of a member the caller administers; false when there was none.</summary>
    public async Task<bool> RemoveAsync(Member member, CancellationToken ct)
    {
        var photo = await db.MemberPhotos.FirstOrDefaultAsync(p => p.MemberId == member.Id, ct);
        if (photo is null && member.PhotoUpdatedAt is null)
            return false;
        if (photo is not null)
            db.MemberPhotos.Remove(photo);
        db.LogChange(member, AuditField, "已上传", "");
        member.PhotoUpdatedAt = null;
        member.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>GET /photos/members/{id}[/thumbnail]: the JPEG, for any signed-in account that can see the
/// member (their administrators, and the member themself) and 404 for everyone else (PrivateImage).</summary>
public static class MemberPhotoEndpoints
{
    public static string ImageUrl(int memberId) => $"/photos/members/{memberId}";

    public static string ThumbnailUrl(int memberId) => $"/photos/members/{memberId}/thumbnail";

    public static IEndpointRouteBuilder MapMemberPhotos(this IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/photos/members/{id:int}").RequireAuthorization().ExcludeFromDescription();
        photos.MapGet("/", (int id, HttpContext http, HonglingDb db, CancellationToken ct) =>
            ServeAsync(id, thumbnail: false, http, db, ct)
        );
        photos.MapGet("/thumbnail", (int id, HttpContext http, HonglingDb db, CancellationToken ct) =>
            ServeAsync(id, thumbnail: true, http, db, ct)
        );
        return app;
    }

    private static async Task<IResult> ServeAsync(
        int id,
        bool thumbnail,
        HttpContext http,
        HonglingDb db,
        CancellationToken ct
    )
    {
        // The scoped Members set decides who may see the photo; MemberPhotos has no filter of its own.
        var version = await db.Members.Where(m => m.Id == id).Select(m => m.PhotoUpdatedAt).FirstOrDefaultAsync(ct);
        var rows = db.MemberPhotos.Where(p => p.MemberId == id);
        return await PrivateImage.ServeAsync(http, version, thumbnail, () =>
            (thumbnail ? rows.Select(p => p.Thumbnail) : rows.Select(p => p.Image)).FirstOrDefaultAsync(ct)
        );
    }
}

/// <summary>The photo box on a member's page (Features/Photos/_MemberPhoto.cshtml).</summary>
public sealed record PhotoPanel(int MemberId, DateTime? PhotoUpdatedAt, string? Error);
