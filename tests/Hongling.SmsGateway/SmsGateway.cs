using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hongling.SmsGateway;

/// <summary>What the gateway received: every request, accepted or not.</summary>
public sealed record ReceivedRequest(
    DateTimeOffset At,
    string Method,
    Dictionary<string, string> Parameters,
    bool SignatureValid,
    int Status,
    string Code,
    string? BizId
);

/// <summary>A local HTTP endpoint that answers like Alibaba Cloud SMS SendSms (see README.md). Its signature check is
/// written apart from the application's signer, from the provider's documented algorithm: percent-decode the
/// query, drop Signature, re-encode (RFC 3986, unreserved A-Z a-z 0-9 - _ . ~), sort, join, prefix with
/// "GET&amp;%2F&amp;" and the encoded query, HMAC-SHA1 with the secret plus "&amp;", Base64.</summary>
public static partial class SmsGateway
{
    private const int MaxKept = 200_000;

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var keyId = app.Configuration["Gateway:AccessKeyId"]
            ?? throw new InvalidOperationException("Gateway:AccessKeyId is required.");
        var secret = app.Configuration["Gateway:AccessKeySecret"]
            ?? throw new InvalidOperationException("Gateway:AccessKeySecret is required.");
        var signName = app.Configuration["Gateway:SignName"];
        var templateCode = app.Configuration["Gateway:TemplateCode"];
        var received = new ConcurrentQueue<ReceivedRequest>();
        var nonces = new ConcurrentDictionary<string, byte>();

        async Task<IResult> Handle(HttpContext http)
        {
            var raw = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : "";
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
                raw = await new StreamReader(http.Request.Body).ReadToEndAsync();
            var pairs = Decode(raw);
            var parameters = pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
            var check = Check(http.Request.Method, pairs, parameters);
            received.Enqueue(
                new ReceivedRequest(
                    DateTimeOffset.UtcNow,
                    http.Request.Method,
                    parameters,
                    check.SignatureValid,
                    check.Status,
                    check.Code,
                    check.BizId
                )
            );
            while (received.Count > MaxKept)
                received.TryDequeue(out _);
            var body = new Dictionary<string, string>
            {
                ["RequestId"] = Guid.NewGuid().ToString().ToUpperInvariant(),
                ["Code"] = check.Code,
                ["Message"] = check.Message,
            };
            if (check.BizId is not null)
                body["BizId"] = check.BizId;
            return Results.Content(
                JsonSerializer.Serialize(body),
                "application/json; charset=utf-8",
                Encoding.UTF8,
                check.Status
            );
        }

        Answer Check(string method, List<KeyValuePair<string, string>> pairs, Dictionary<string, string> p)
        {
            foreach (
                var name in (string[])
                    [
                        "AccessKeyId",
                        "Action",
                        "Signature",
                        "SignatureMethod",
                        "SignatureNonce",
                        "SignatureVersion",
                        "Timestamp",
                        "Version",
                    ]
            )
                if (!p.ContainsKey(name))
                    return Reject(400, "Missing" + name, $"{name} is mandatory for this action.");
            if (p["AccessKeyId"] != keyId)
                return Reject(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
            if (p["SignatureMethod"] != "HMAC-SHA1" || p["SignatureVersion"] != "1.0")
                return Reject(400, "InvalidSignatureMethod", "Specified signature method is not supported.");
            if (
                !DateTime.TryParseExact(
                    p["Timestamp"],
                    "yyyy-MM-dd'T'HH:mm:ss'Z'",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                    out var at
                )
            )
                return Reject(
                    400,
                    "InvalidTimeStamp.Format",
                    "Specified time stamp or date value is not well formatted."
                );
            if (Math.Abs((DateTime.UtcNow - at).TotalMinutes) > 15)
                return Reject(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
            var stringToSign = StringToSign(method, pairs);
            var expected = Convert.ToBase64String(
                HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign))
            );
            if (
                !CryptographicOperations.FixedTimeEquals(
                    Encoding.UTF8.GetBytes(expected),
                    Encoding.UTF8.GetBytes(p["Signature"])
                )
            )
                return Reject(
                    400,
                    "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign
                );
            if (!nonces.TryAdd(p["SignatureNonce"], 0))
                return Reject(400, "SignatureNonceUsed", "Specified signature nonce was used already.", signed: true);
            if (p["Action"] != "SendSms")
                return Reject(404, "InvalidAction.NotFound", "Specified api is not found.", signed: true);
            if (p["Version"] != "2017-05-25")
                return Reject(400, "InvalidVersion", "Specified parameter Version is not valid.", signed: true);
            return SendSms(p);
        }

        Answer SendSms(Dictionary<string, string> p)
        {
            if (
                !p.TryGetValue("PhoneNumbers", out var phones)
                || !p.ContainsKey("SignName")
                || !p.ContainsKey("TemplateCode")
            )
                return Business("isv.INVALID_PARAMETERS", "参数异常");
            var numbers = phones.Split(',');
            if (numbers.Length > 1000)
                return Business("isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
            if (!numbers.All(n => MainlandMobile().IsMatch(n)))
                return Business("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
            if (signName is not null && p["SignName"] != signName)
                return Business("isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名");
            if (templateCode is not null && p["TemplateCode"] != templateCode)
                return Business("isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
            if (p.TryGetValue("TemplateParam", out var template) && !IsFlatJsonObject(template))
                return Business("isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
            if (numbers.Contains("13900000429"))
                return Business("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1");
            if (numbers.Contains("13900000500"))
                return new Answer(
                    503,
                    "ServiceUnavailable",
                    "The request has failed due to a temporary failure.",
                    true
                );
            var bizId = $"{Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999)}^0";
            return new Answer(200, "OK", "OK", true, bizId);
        }

        app.MapGet("/", (Delegate)Handle);
        app.MapPost("/", (Delegate)Handle);
        app.MapGet("/__received", () => Results.Json(received.ToArray()));
        app.MapGet("/__health", () => Results.Text("ok"));
        return app;
    }

    private sealed record Answer(int Status, string Code, string Message, bool SignatureValid, string? BizId = null);

    private static Answer Reject(int status, string code, string message, bool signed = false) =>
        new(status, code, message, signed);

    private static Answer Business(string code, string message) => new(200, code, message, true);

    [GeneratedRegex(@"^(\+86|0086|86)?1[3-9][0-9]{9}$")]
    private static partial Regex MainlandMobile();

    private static bool IsFlatJsonObject(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.EnumerateObject().All(x => x.Value.ValueKind == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>name=value pairs of a query or form body, percent-decoded ('+' stays a plus: the protocol encodes a
    /// space as %20).</summary>
    private static List<KeyValuePair<string, string>> Decode(string raw) =>
        raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv =>
                KeyValuePair.Create(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : ""))
            )
            .ToList();

    private static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var canonical = string.Join(
            "&",
            pairs
                .Where(p => p.Key != "Signature")
                .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value)
        );
        return method.ToUpperInvariant() + "&" + Encode("/") + "&" + Encode(canonical);
    }

    private static string Encode(string value)
    {
        const string unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
            sb.Append(unreserved.Contains((char)b) ? ((char)b).ToString() : $"%{b:X2}");
        return sb.ToString();
    }
}
