using System.Net;
using System.Net.Sockets;
using Hongling.Web.Infrastructure.Notifications;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure.Notifications;

/// <summary>The email channel against a real SMTP server (smtp4dev), read back through its HTTP API.</summary>
public class EmailSenderTests
{
    private const DeliveryOutcome Transient = DeliveryOutcome.Transient;
    private const DeliveryOutcome Permanent = DeliveryOutcome.Permanent;

    private static async Task<(EmailSender Sender, LocalSmtp Smtp)> SenderAsync(
        Action<Dictionary<string, string>>? change = null
    )
    {
        var smtp = await LocalSmtp.GetAsync();
        var settings = smtp.Settings;
        change?.Invoke(settings);
        return (Channels.Build(settings).GetRequiredService<EmailSender>(), smtp);
    }

    [Fact]
    public async Task Send_ArrivesAtTheSmtpServer_WithUtf8SubjectBodyAndLink()
    {
        var (sender, smtp) = await SenderAsync(s => s["Notifications:Smtp:FromName"] = "红领党建平台");
        var to = Channels.NewEmail();
        var message = Channels.Message(to);

        var result = await sender.SendAsync(message, default);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.ProviderId));
        var listed = Assert.Single(await smtp.MessagesToAsync(to));
        Assert.Equal(message.Title, listed.GetProperty("subject").GetString());
        var id = listed.GetProperty("id").GetString()!;
        var full = await smtp.MessageAsync(id);
        Assert.Contains("红领党建平台", full.GetProperty("from").GetString());
        var body = await smtp.PlainTextAsync(id);
        Assert.Contains(message.Text, body);
        Assert.Contains("查看全文：https://hongling.example/Inbox/42", body);
    }

    [Fact]
    public async Task Send_TwoMessagesInARow_BothArrive()
    {
        var (sender, smtp) = await SenderAsync();
        var to = Channels.NewEmail();

        var first = await sender.SendAsync(Channels.Message(to, title: "第一条"), default);
        var second = await sender.SendAsync(Channels.Message(to, title: "第二条", link: null), default);

        Assert.Equal(DeliveryOutcome.Sent, first.Outcome);
        Assert.Equal(DeliveryOutcome.Sent, second.Outcome);
        Assert.NotEqual(first.ProviderId, second.ProviderId);
        for (var i = 0; i < 50 && (await smtp.MessagesToAsync(to)).Length < 2; i++)
            await Task.Delay(100);
        var subjects = (await smtp.MessagesToAsync(to)).Select(m => m.GetProperty("subject").GetString()).Order();
        Assert.Equal(["第一条", "第二条"], subjects);
    }

    [Fact]
    public async Task Send_ClosedPort_Transient()
    {
        var (sender, _) = await SenderAsync(s => s["Notifications:Smtp:Port"] = LocalSmtp.FreePort().ToString());

        var result = await sender.SendAsync(Channels.Message(Channels.NewEmail()), default);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("无法连接邮件服务器", result.Reason);
    }

    [Fact]
    public async Task Send_ServerThatNeverAnswers_TransientAfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var (sender, _) = await SenderAsync(s =>
        {
            s["Notifications:Smtp:Port"] = port.ToString();
            s["Notifications:Smtp:TimeoutSeconds"] = "1";
        });

        var result = await sender.SendAsync(Channels.Message(Channels.NewEmail()), default);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("超时", result.Reason);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("zhang@")]
    [InlineData("@example.com")]
    [InlineData("zhang san@example.com")]
    [InlineData("zhang@example")]
    [InlineData("a@example.com, b@example.com")]
    [InlineData("")]
    public async Task Send_MalformedAddress_Permanent(string address)
    {
        var (sender, _) = await SenderAsync();

        var result = await sender.SendAsync(Channels.Message(address), default);

        Assert.Equal(new DeliveryResult(DeliveryOutcome.Permanent, Reason: "邮箱地址格式不正确"), result);
    }

    [Fact]
    public async Task Send_NotConfigured_Permanent()
    {
        var sender = Channels.Build([]).GetRequiredService<EmailSender>();

        var result = await sender.SendAsync(Channels.Message(Channels.NewEmail()), default);

        Assert.Equal(new DeliveryResult(DeliveryOutcome.Permanent, Reason: "未配置邮件服务器"), result);
    }

    [Theory]
    [InlineData(450, SmtpErrorCode.RecipientNotAccepted, Transient, "邮件服务器暂时不能接收")]
    [InlineData(421, SmtpErrorCode.UnexpectedStatusCode, Transient, "邮件服务器暂时不能接收")]
    [InlineData(550, SmtpErrorCode.RecipientNotAccepted, Permanent, "收件地址被邮件服务器拒绝")]
    [InlineData(553, SmtpErrorCode.SenderNotAccepted, Permanent, "发件地址被邮件服务器拒绝")]
    [InlineData(554, SmtpErrorCode.MessageNotAccepted, Permanent, "邮件被服务器拒绝")]
    public void FromStatus_4xxRetries_5xxStops(int status, SmtpErrorCode code, DeliveryOutcome outcome, string reason)
    {
        var result = EmailSender.FromStatus(status, code, "5.1.1 <x@example.com>: Recipient address rejected");

        Assert.Equal(outcome, result.Outcome);
        Assert.StartsWith(reason, result.Reason);
        Assert.Contains(status.ToString(), result.Reason);
    }

    [Theory]
    [InlineData("2.0.0 Ok: queued as 4XyZ12AbC", "4XyZ12AbC")]
    [InlineData("Mail accepted", null)]
    public void QueueId_ReadsPostfixStyleAnswers(string response, string? id) =>
        Assert.Equal(id, EmailSender.QueueId(response));
}
