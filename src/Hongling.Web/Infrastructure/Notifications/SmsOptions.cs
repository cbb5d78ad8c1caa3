namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>Settings under <c>Notifications:Sms</c>: an Alibaba Cloud SMS (短信服务) account with an approved sign
/// name and template. The template receives the parameters <c>title</c> and <c>link</c> (e.g.
/// "您有一条新消息：${title}，详见${link}"). Without the keys, sign name or template the SMS channel answers
/// Permanent "未配置短信服务".</summary>
public sealed class SmsOptions
{
    public const string Section = "Notifications:Sms";

    /// <summary>The service address; the test peer's address in tests.</summary>
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }

    /// <summary>The approved sign name (短信签名) shown as 【…】 before the text.</summary>
    public string? SignName { get; set; }

    /// <summary>The approved template's code (模板CODE), e.g. SMS_15305xxxx.</summary>
    public string? TemplateCode { get; set; }
    public string RegionId { get; set; } = "cn-hangzhou";

    /// <summary>A request that has not answered after this long is abandoned and reported Transient.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccessKeyId)
        && !string.IsNullOrWhiteSpace(AccessKeySecret)
        && !string.IsNullOrWhiteSpace(SignName)
        && !string.IsNullOrWhiteSpace(TemplateCode);
}
