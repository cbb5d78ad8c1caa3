namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>What Alibaba Cloud SMS's answer codes mean for the outbox. The codes and their meaning are those of the
/// "API错误码" page (help.aliyun.com/document_detail/101346.html) and of the RPC gateway's own errors
/// (SignatureDoesNotMatch and the like, answered with HTTP 4xx). A code not listed here is Permanent: the platform
/// refused the request for a reason a retry will not change.</summary>
public static class AliyunSmsCodes
{
    private static readonly Dictionary<string, (DeliveryOutcome Outcome, string Reason)> Known = new()
    {
        // The recipient or the request itself: retrying the same request cannot help.
        ["isv.MOBILE_NUMBER_ILLEGAL"] = (DeliveryOutcome.Permanent, "手机号码格式不正确"),
        ["isv.MOBILE_COUNT_OVER_LIMIT"] = (DeliveryOutcome.Permanent, "手机号码数量超过限制"),
        ["isv.DOMESTIC_NUMBER_NOT_SUPPORTED"] = (DeliveryOutcome.Permanent, "所用模板不支持发送境内号码"),
        ["isv.BLACK_KEY_CONTROL_LIMIT"] = (DeliveryOutcome.Permanent, "号码或内容被短信平台列入黑名单"),
        ["isv.SMS_TEMPLATE_ILLEGAL"] = (DeliveryOutcome.Permanent, "短信模板不存在或未通过审核"),
        ["isv.SMS_SIGNATURE_ILLEGAL"] = (DeliveryOutcome.Permanent, "短信签名不存在或未通过审核"),
        ["isv.SMS_SIGN_ILLEGAL"] = (DeliveryOutcome.Permanent, "短信签名被禁止使用"),
        ["isv.SIGN_STATE_ILLEGAL"] = (DeliveryOutcome.Permanent, "短信签名当前不可用"),
        ["isv.SMS_SIGNATURE_SCENE_ILLEGAL"] = (DeliveryOutcome.Permanent, "短信签名与模板类型不一致"),
        ["isv.TEMPLATE_MISSING_PARAMETERS"] = (DeliveryOutcome.Permanent, "短信模板缺少变量"),
        ["isv.TEMPLATE_PARAMS_ILLEGAL"] = (DeliveryOutcome.Permanent, "模板变量含有禁止发送的内容"),
        ["isv.SMS_CONTENT_ILLEGAL"] = (DeliveryOutcome.Permanent, "短信内容含有禁止发送的内容"),
        ["isv.INVALID_JSON_PARAM"] = (DeliveryOutcome.Permanent, "模板变量格式不正确"),
        ["isv.INVALID_PARAMETERS"] = (DeliveryOutcome.Permanent, "短信请求参数不正确"),
        ["isv.PARAM_LENGTH_LIMIT"] = (DeliveryOutcome.Permanent, "模板变量超出长度限制"),
        ["isv.PARAM_NOT_SUPPORT_URL"] = (DeliveryOutcome.Permanent, "模板变量不允许含链接"),
        // The account: a configuration an administrator has to fix.
        ["isv.ACCOUNT_NOT_EXISTS"] = (DeliveryOutcome.Permanent, "短信账户不存在"),
        ["isv.ACCOUNT_ABNORMAL"] = (DeliveryOutcome.Permanent, "短信账户异常"),
        ["isv.PRODUCT_UN_SUBSCRIPT"] = (DeliveryOutcome.Permanent, "短信服务未开通"),
        ["isv.PRODUCT_UNSUBSCRIBE"] = (DeliveryOutcome.Permanent, "短信服务未开通"),
        ["isp.RAM_PERMISSION_DENY"] = (DeliveryOutcome.Permanent, "AccessKey 没有发送短信的权限"),
        ["isv.DENY_IP_RANGE"] = (DeliveryOutcome.Permanent, "服务器所在地区被短信平台禁止发送"),
        ["SignatureDoesNotMatch"] = (DeliveryOutcome.Permanent, "短信平台拒绝了请求签名（AccessKeySecret 不正确）"),
        ["InvalidAccessKeyId.NotFound"] = (DeliveryOutcome.Permanent, "AccessKeyId 不存在"),
        ["InvalidAccessKeyId.Inactive"] = (DeliveryOutcome.Permanent, "AccessKeyId 已停用"),
        ["InvalidTimeStamp.Expired"] = (DeliveryOutcome.Permanent, "服务器时间与短信平台相差过大"),
        // Limits and outages that pass: the outbox retries later.
        ["isv.BUSINESS_LIMIT_CONTROL"] = (DeliveryOutcome.Transient, "触发短信平台流控（同一号码发送过于频繁）"),
        ["isv.DAY_LIMIT_CONTROL"] = (DeliveryOutcome.Transient, "已达到短信日发送限额"),
        ["isv.MONTH_LIMIT_CONTROL"] = (DeliveryOutcome.Transient, "已达到短信月发送限额"),
        ["isv.AMOUNT_NOT_ENOUGH"] = (DeliveryOutcome.Transient, "短信账户余额不足"),
        ["isv.OUT_OF_SERVICE"] = (DeliveryOutcome.Transient, "短信业务停机（余额不足）"),
        ["isp.SYSTEM_ERROR"] = (DeliveryOutcome.Transient, "短信平台系统错误"),
        ["SignatureNonceUsed"] = (DeliveryOutcome.Transient, "请求随机数重复"),
        ["Throttling"] = (DeliveryOutcome.Transient, "短信平台限流"),
        ["Throttling.User"] = (DeliveryOutcome.Transient, "短信平台限流"),
        ["Throttling.Api"] = (DeliveryOutcome.Transient, "短信平台限流"),
        ["ServiceUnavailable"] = (DeliveryOutcome.Transient, "短信平台暂时不可用"),
    };

    /// <summary>The outcome of a refused request (any code but OK). The platform's own message is not repeated: for
    /// a signature mismatch it echoes the whole signed request, phone number included.</summary>
    public static DeliveryResult Refused(string code) =>
        Known.TryGetValue(code, out var known)
            ? new(known.Outcome, Reason: $"{known.Reason}（{code}）")
            : new(DeliveryOutcome.Permanent, Reason: $"短信平台拒绝发送（{code}）");
}
