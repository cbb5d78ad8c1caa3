using System.Security.Cryptography;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure.Uploads;

/// <summary>Images in rich text (Domain/RichTextImage): the upload behind every editor's 插入图片 and the
/// endpoint that serves them. Uploading is for the administrators of the organization (its id in the route,
/// 404 outside the caller's scope), checked by the bytes and re-encoded like album photos.
///
/// Serving is by the unguessable id alone, to anyone, signed in or not: the same image may sit in a notice
/// for one branch's members, an article on the public website and the minutes of a meeting, each read by
/// different people, and checking the reader against every text that shows it would need a reference table
/// kept in step with every editor, and would forbid shared caching. The id is 128 bits from the system's
/// cryptographic generator and appears only in content shown to its readers, so holding the URL is the
/// permission, as for the image in a shared-link document: a reader could pass the URL on, but could pass
/// the picture itself on as well. An image never changes under its id, so it is cached for a year.</summary>
public static class RichTextImages
{
    /// <summary>As album photos: a phone photo as it comes (10 MB), kept at 1600 px, enough for any screen.</summary>
    public static readonly ImageLimits Limits = new(
        MaxBytes: 10 * 1024 * 1024,
        MaxPixels: 40_000_000,
        LongestSide: 1600,
        ThumbnailSide: 320
    );

    /// <summary>The file at its limit and the form around it; a larger body is refused before it is read.</summary>
    public const long MaxRequestBytes = 10 * 1024 * 1024 + 64 * 1024;

    public const string FormField = "file";

    public static string UploadUrl(int orgId) => $"/api/orgs/{orgId}/rich-text-images";

    public sealed record Uploaded(string Url, int Width, int Height);

    public static IEndpointRouteBuilder MapRichTextImages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orgs/{orgId:int}/rich-text-images", UploadAsync)
            .RequireAuthorization(OrgPolicies.OrgInScope)
            .WithTags("RichText")
            .WithSummary(
                "上传正文图片(JPEG 或 PNG,不超过 10 MB,按文件内容识别并重新编码);表单字段 file,请求头 RequestVerificationToken;返回图片地址"
            );
        // The images themselves: no sign-in and no scope to load (see the class comment).
        app.MapGet("/media/{id:guid}.jpg", ServeAsync).AllowAnonymous().WithoutOrgScope().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> UploadAsync(
        int orgId,
        HttpContext http,
        IAntiforgery antiforgery,
        HonglingDb db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxRequestBytes;
        if (http.Request.ContentLength > MaxRequestBytes)
            return Problems.From(ImageUpload.TooLarge(Limits) with { Status = StatusCodes.Status413PayloadTooLarge });
        if (await TokenForm.ReadAsync(http, antiforgery, ct) is not { } form)
            return Problems.From(RuleErrors.ImageFormExpired);
        if (!http.Request.HasFormContentType)
            return Problems.From(RuleErrors.ImageMissing);
        var result = await ImageUpload.ReadAsync(form.Files.GetFile(FormField), Limits, ct);
        if (result.Image is not { } image)
            return Problems.From(result.Error!);

        var row = new RichTextImage
        {
            Id = new Guid(RandomNumberGenerator.GetBytes(16)),
            OrganizationId = orgId,
            Image = image.Jpeg,
            Width = image.Width,
            Height = image.Height,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            AccountId = db.Scope.AccountId!,
            UploadedBy = db.Scope.ActorName,
        };
        db.RichTextImages.Add(row);
        await db.SaveChangesAsync(ct); // the save check refuses an organization outside the scope as well
        var url = RichText.ImageUrl(row.Id);
        return TypedResults.Created(url, new Uploaded(url, image.Width, image.Height));
    }

    private static async Task<IResult> ServeAsync(Guid id, HttpContext http, HonglingDb db, CancellationToken ct)
    {
        // The visible opt-out of the org scope: the unguessable id is the permission (see the class comment).
        var bytes = await db
            .RichTextImages.IgnoreQueryFilters()
            .Where(i => i.Id == id)
            .Select(i => i.Image)
            .FirstOrDefaultAsync(ct);
        if (bytes is null)
            return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(bytes, "image/jpeg");
    }
}
