using System.Text.Json;
using Hongling.Tests.Infrastructure.Notifications;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure.Notifications;

/// <summary>The SMS channel against the local SendSms endpoint, over HTTP, signature checked by the endpoint.</summary>
public class SmsSenderTests
{
    private static async Task<(SmsSender Sender, LocalSmsGateway Gateway)> SenderAsync(
        Action<Dictionary<string, string>>? change = null
    )
    {
        var gateway = await LocalSmsGateway.GetAsync();
        var settings = gateway.Settings;
        change?.Invoke(settings);
        return (Channels.Build(settings).GetRequiredService<SmsSender>(), gateway);
    }

    [Fact]
    public async Task Send_ValidRequest_ReachesTheGatewayWithAValidSignature()
    {
        var (sender, gateway) = await SenderAsync();
        var phone = Channels.NewMobile();
        var message = Channels.Message(phone);

        var result = await sender.SendAsync(message, default);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        var received = Assert.Single(await gateway.ReceivedForAsync(phone));
        Assert.True(received.SignatureValid);
        Assert.Equal("OK", received.Code);
        Assert.Equal(received.BizId, result.ProviderId);
        Assert.Equal("SendSms", received.Parameters["Action"]);
        Assert.Equal("2017-05-25", received.Parameters["Version"]);
        Assert.Equal(LocalSmsGateway.SignName, received.Parameters["SignName"]);
        Assert.Equal(LocalSmsGateway.TemplateCode, received.Parameters["TemplateCode"]);
        Assert.Equal(message.IdempotencyKey, received.Parameters["OutId"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", received.Parameters["Timestamp"]);
        var template = JsonSerializer.Deserialize<Dictionary<string, string>>(received.Parameters["TemplateParam"])!;
        Assert.Equal(message.Title, template["title"]);
        Assert.Equal(message.Link, template["link"]);
    }

    [Fact]
    public async Task Send_TwoMessages_UseTwoNonces()
    {
        var (sender, gateway) = await SenderAsync();
        var phone = Channels.NewMobile();

        Assert.Equal(DeliveryOutcome.Sent, (await sender.SendAsync(Channels.Message(phone), default)).Outcome);
        Assert.Equal(DeliveryOutcome.Sent, (await sender.SendAsync(Channels.Message(phone), default)).Outcome);

        var received = await gateway.ReceivedForAsync(phone);
        Assert.Equal(2, received.Select(r => r.Parameters["SignatureNonce"]).Distinct().Count());
    }

    [Fact]
    public async Task Send_WrongSecret_GatewayRefusesTheSignature_Permanent()
    {
        var (sender, gateway) = await SenderAsync(s => s["Notifications:Sms:AccessKeySecret"] += "x");
        var phone = Channels.NewMobile();

        var result = await sender.SendAsync(Channels.Message(phone), default);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("SignatureDoesNotMatch", result.Reason);
        Assert.Contains("签名", result.Reason);
        Assert.DoesNotContain(phone, result.Reason);
        var received = Assert.Single(await gateway.ReceivedForAsync(phone));
        Assert.False(received.SignatureValid);
        Assert.Equal(400, received.Status);
    }

    [Fact]
    public async Task Send_UnknownAccessKey_Permanent()
    {
        var (sender, _) = await SenderAsync(s => s["Notifications:Sms:AccessKeyId"] = "LTAI-nobody");

        var result = await sender.SendAsync(Channels.Message(Channels.NewMobile()), default);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("InvalidAccessKeyId.NotFound", result.Reason);
    }

    [Theory]
    [InlineData("1380013800")]
    [InlineData("12345678901")]
    [InlineData("138-0013-8000")]
    public async Task Send_IllegalMobile_Permanent(string phone)
    {
        var (sender, gateway) = await SenderAsync();

        var result = await sender.SendAsync(Channels.Message(phone), default);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Equal("手机号码格式不正确（isv.MOBILE_NUMBER_ILLEGAL）", result.Reason);
        Assert.Contains(await gateway.ReceivedForAsync(phone), r => r.SignatureValid);
    }

    [Fact]
    public async Task Send_TemplateNotApproved_Permanent()
    {
        var (sender, _) = await SenderAsync(s => s["Notifications:Sms:TemplateCode"] = "SMS_UNKNOWN");

        var result = await sender.SendAsync(Channels.Message(Channels.NewMobile()), default);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("isv.SMS_TEMPLATE_ILLEGAL", result.Reason);
    }

    [Fact]
    public async Task Send_SignNameNotApproved_Permanent()
    {
        var (sender, _) = await SenderAsync(s => s["Notifications:Sms:SignName"] = "别的签名");

        var result = await sender.SendAsync(Channels.Message(Channels.NewMobile()), default);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("isv.SMS_SIGNATURE_ILLEGAL", result.Reason);
    }

    [Fact]
    public async Task Send_Throttled_Transient()
    {
        var (sender, _) = await SenderAsync();

        var result = await sender.SendAsync(Channels.Message("13900000429"), default);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("isv.BUSINESS_LIMIT_CONTROL", result.Reason);
    }

    [Fact]
    public async Task Send_GatewayAnswers5xx_Transient()
    {
        var (sender, _) = await SenderAsync();

        var result = await sender.SendAsync(Channels.Message("13900000500"), default);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("503", result.Reason);
    }

    [Fact]
    public async Task Send_GatewayDown_Transient()
    {
        var (sender, _) = await SenderAsync(s =>
            s["Notifications:Sms:Endpoint"] = $"http://127.0.0.1:{LocalSmtp.FreePort()}/"
        );

        var result = await sender.SendAsync(Channels.Message(Channels.NewMobile()), default);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("无法连接短信平台", result.Reason);
    }

    [Fact]
    public async Task Send_NotConfigured_Permanent()
    {
        var sender = Channels.Build([]).GetRequiredService<SmsSender>();

        var result = await sender.SendAsync(Channels.Message(Channels.NewMobile()), default);

        Assert.Equal(new DeliveryResult(DeliveryOutcome.Permanent, Reason: "未配置短信服务"), result);
    }

    [Fact]
    public void Parameters_CarryTheDocumentedCommonParameters()
    {
        var options = new SmsOptions
        {
            AccessKeyId = "id",
            AccessKeySecret = "s",
            SignName = "签",
            TemplateCode = "T",
        };
        var at = new DateTimeOffset(2026, 12, 5, 18, 30, 5, TimeSpan.FromHours(8));

        var p = SmsSender.Parameters(options, Channels.Message("13800138000", link: null), at, "nonce-1");

        Assert.Equal("2026-12-05T10:30:05Z", p["Timestamp"]);
        Assert.Equal("HMAC-SHA1", p["SignatureMethod"]);
        Assert.Equal("1.0", p["SignatureVersion"]);
        Assert.Equal("nonce-1", p["SignatureNonce"]);
        Assert.Equal("JSON", p["Format"]);
        Assert.Equal("cn-hangzhou", p["RegionId"]);
        Assert.Equal("{\"title\":\"关于开展主题党日活动的通知\",\"link\":\"\"}", p["TemplateParam"]);
    }
}
