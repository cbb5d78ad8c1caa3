using Microsoft.Net.Http.Headers;

namespace Hongling.Web.Infrastructure.Uploads;

/// <summary>Serves a stored JPEG that only some callers may see: the caller's scoped query has found its
/// version (the upload time) or nothing (404). Cached only by the viewer's own browser and revalidated on
/// every use, so a replaced or removed image, or one that left the viewer's scope, is never shown stale.</summary>
public static class PrivateImage
{
    public static async Task<IResult> ServeAsync(
        HttpContext http,
        DateTime? version,
        bool thumbnail,
        Func<Task<byte[]?>> load
    )
    {
        if (version is null)
            return Results.NotFound();
        var etag = new EntityTagHeaderValue($"\"{version.Value.Ticks:x}{(thumbnail ? "-t" : "")}\"");
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            http.Response.Headers.ETag = etag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var bytes = await load();
        return bytes is null ? Results.NotFound() : Results.File(bytes, "image/jpeg", entityTag: etag);
    }
}
