using Microsoft.AspNetCore.Antiforgery;

namespace Hongling.Web.Infrastructure;

/// <summary>The form of a minimal-API request that carries a valid antiforgery token (in the form or the
/// RequestVerificationToken header). Null when the token is missing or wrong, or when the body is no readable form
/// (empty, cut short, a boundary that never comes): the endpoint answers that as an expired page in Chinese, never
/// as a server error. A request that is not a form but has a valid header token reads as an empty form.</summary>
public static class TokenForm
{
    public static async Task<IFormCollection?> ReadAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        CancellationToken ct = default
    )
    {
        try
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return null;
            return http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : FormCollection.Empty;
        }
        catch (Exception e)
            when (e is IOException or InvalidDataException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return null;
        }
    }
}
