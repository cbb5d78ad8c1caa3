using System.Security.Cryptography;
using System.Text;

namespace Hongling.Web.Features.Sites;

/// <summary>Device keys: 32 random bytes, written base64url (43 characters, no padding), shown to the administrator
/// once. The server keeps only the lower-hex SHA-256 of the key's text (a key this random needs no salt or slow hash:
/// it cannot be guessed, only stolen) and its last characters as a hint.</summary>
public static class TerminalKeys
{
    public const int HintLength = 6;

    public sealed record Issued(string Key, string Hash, string Hint);

    public static Issued New()
    {
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new(key, HashOf(key), key[^HintLength..]);
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key from an <c>Authorization: Bearer KEY</c> header, or null.</summary>
    public static string? FromHeader(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return null;
        var key = authorization[Bearer.Length..].Trim();
        return key.Length is > 0 and <= 200 ? key : null;
    }
}
