using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>The SMS channel: Alibaba Cloud SMS (短信服务) <c>SendSms</c>, API version 2017-05-25, as its reference
/// describes it (help.aliyun.com/document_detail/55284.html: PhoneNumbers, SignName, TemplateCode, TemplateParam,
/// OutId; the answer's Code, Message, BizId, RequestId), called over plain HTTP GET with the RPC common parameters and
/// the request signature of <see cref="AliyunSignature"/>. The approved template gets the message's title and link
/// as its parameters <c>title</c> and <c>link</c>; the text itself stays in the inbox.</summary>
public sealed class SmsSender(IHttpClientFactory http, IOptions<SmsOptions> options, ILogger<SmsSender> logger)
    : IMessageSender
{
    public const string HttpClientName = "Hongling.Sms";
    public const string ApiVersion = "2017-05-25";

    private readonly SmsOptions _options = options.Value;

    private static readonly JsonSerializerOptions TemplateJson = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!_options.IsConfigured)
            return new(DeliveryOutcome.Permanent, Reason: "未配置短信服务");
        if (string.IsNullOrWhiteSpace(message.To))
            return new(DeliveryOutcome.Permanent, Reason: "手机号码为空");

        // The signature's timestamp is the real time: the platform refuses one more than 15 minutes off, whatever
        // clock the rest of the application runs on.
        var parameters = Parameters(_options, message, DateTimeOffset.UtcNow, Guid.NewGuid().ToString());
        var url = SignedUrl(_options.Endpoint, parameters, _options.AccessKeySecret!);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(url, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var result = Interpret(response.StatusCode, body);
            if (result.Outcome != DeliveryOutcome.Sent)
                logger.LogWarning("SMS refused ({Outcome}): {Reason}", result.Outcome, result.Reason);
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(DeliveryOutcome.Transient, Reason: "短信平台响应超时");
        }
        catch (HttpRequestException e)
        {
            var why =
                e.HttpRequestError == HttpRequestError.ConnectionError ? "连接失败" : e.HttpRequestError.ToString();
            return new(DeliveryOutcome.Transient, Reason: $"无法连接短信平台（{why}）");
        }
    }

    /// <summary>The common and SendSms parameters of one request, unsigned.</summary>
    internal static SortedDictionary<string, string> Parameters(
        SmsOptions options,
        OutgoingMessage message,
        DateTimeOffset now,
        string nonce
    )
    {
        var template = new Dictionary<string, string> { ["title"] = message.Title, ["link"] = message.Link ?? "" };
        return new(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = options.AccessKeyId!,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["OutId"] = message.IdempotencyKey.Length <= 64 ? message.IdempotencyKey : message.IdempotencyKey[..64],
            ["PhoneNumbers"] = message.To.Trim(),
            ["RegionId"] = options.RegionId,
            ["SignName"] = options.SignName!,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = nonce,
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = options.TemplateCode!,
            ["TemplateParam"] = JsonSerializer.Serialize(template, TemplateJson),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["Version"] = ApiVersion,
        };
    }

    /// <summary>The endpoint with the canonicalized query and its Signature, ready for GET.</summary>
    internal static string SignedUrl(string endpoint, IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var signature = AliyunSignature.Sign("GET", parameters, secret);
        var query =
            "Signature="
            + AliyunSignature.PercentEncode(signature)
            + "&"
            + AliyunSignature.CanonicalizedQuery(parameters);
        return endpoint.TrimEnd('/') + "/?" + query;
    }

    /// <summary>The platform answers 200 with Code "OK" and a BizId, 200 with an isv.* code for a refused message,
    /// 4xx with a code for a refused request (signature, key), and 5xx when it is itself in trouble.</summary>
    internal static DeliveryResult Interpret(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code >= 500)
            return new(DeliveryOutcome.Transient, Reason: $"短信平台暂时不可用（HTTP {code}）");
        if (status == HttpStatusCode.TooManyRequests)
            return new(DeliveryOutcome.Transient, Reason: "短信平台限流（HTTP 429）");
        string? answer = null,
            bizId = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (json.RootElement.TryGetProperty("Code", out var c))
                    answer = c.GetString();
                if (json.RootElement.TryGetProperty("BizId", out var b))
                    bizId = b.GetString();
            }
        }
        catch (JsonException) { }
        if (answer is null)
            return code < 300
                ? new(DeliveryOutcome.Transient, Reason: $"短信平台的应答无法识别（HTTP {code}）")
                : new(DeliveryOutcome.Permanent, Reason: $"短信平台拒绝请求（HTTP {code}）");
        if (answer == "OK" && code < 300)
            return new(DeliveryOutcome.Sent, ProviderId: bizId);
        return AliyunSmsCodes.Refused(answer);
    }
}
