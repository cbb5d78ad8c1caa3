using System.Security.Cryptography;
using System.Text;

namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>The request signature of Alibaba Cloud's RPC-style APIs (SignatureVersion 1.0, HMAC-SHA1), as its
/// "签名机制" documentation gives it (https://help.aliyun.com/en/document_detail/145075.html; for SMS in particular
/// the "HTTP协议及签名" page, help.aliyun.com/document_detail/56189, mirrored at developer.aliyun.com/ask/218522):
/// <list type="number">
/// <item>percent-encode every parameter name and value as UTF-8: A–Z a–z 0–9 - _ . ~ stay, everything else
/// becomes %XY in upper-case hex (a space is %20, never +);</item>
/// <item>sort the encoded pairs by name and join them as name=value with &amp; (the canonicalized query string);</item>
/// <item>StringToSign = HTTPMethod + "&amp;" + percentEncode("/") + "&amp;" +
/// percentEncode(canonicalized query);</item>
/// <item>Signature = Base64(HMAC-SHA1(key: AccessKeySecret + "&amp;", UTF-8 of StringToSign)).</item>
/// </list>
/// The Signature parameter itself is never signed.</summary>
public static class AliyunSignature
{
    /// <summary>RFC 3986 encoding with only the unreserved characters left as they are.</summary>
    public static string PercentEncode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>The sorted, encoded name=value pairs joined with &amp;, without any Signature parameter.</summary>
    public static string CanonicalizedQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join(
            '&',
            parameters
                .Where(p => p.Key != "Signature")
                .Select(p => (Key: PercentEncode(p.Key), Value: PercentEncode(p.Value)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value)
        );

    public static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters) =>
        httpMethod.ToUpperInvariant() + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalizedQuery(parameters));

    public static string Sign(
        string httpMethod,
        IEnumerable<KeyValuePair<string, string>> parameters,
        string accessKeySecret
    )
    {
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        var data = Encoding.UTF8.GetBytes(StringToSign(httpMethod, parameters));
        return Convert.ToBase64String(HMACSHA1.HashData(key, data));
    }
}
