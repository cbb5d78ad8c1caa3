using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>The email channel: one plain-text message (UTF-8 subject and body, the link to the full text below the
/// text) per call, through the SMTP server in <see cref="SmtpOptions"/> with MailKit. A few connected clients are
/// kept between calls. The outcome says whether retrying can help: unreachable, timed out or 4xx is Transient; a
/// malformed address, a 5xx refusal or a broken configuration is Permanent with the reason in Chinese.</summary>
public sealed partial class EmailSender(IOptions<SmtpOptions> options, ILogger<EmailSender> logger)
    : IMessageSender,
        IDisposable
{
    private readonly SmtpOptions _options = options.Value;
    private readonly ConcurrentBag<Pooled> _idle = [];

    /// <summary>A kept connection older than this is closed rather than reused: servers drop idle clients.</summary>
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(20);

    private static readonly ParserOptions StrictAddresses = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!_options.IsConfigured)
            return new(DeliveryOutcome.Permanent, Reason: "未配置邮件服务器");
        if (ParseAddress(message.To) is not { } to)
            return new(DeliveryOutcome.Permanent, Reason: "邮箱地址格式不正确");

        var mime = Compose(message, to);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        SmtpClient? client = null;
        try
        {
            client = await RentAsync(timeout.Token);
            var response = await client.SendAsync(mime, timeout.Token);
            Return(client);
            client = null;
            return new(DeliveryOutcome.Sent, ProviderId: QueueId(response) ?? mime.MessageId);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Transient("连接邮件服务器超时");
        }
        catch (Exception e) when (Classify(e) is { } result)
        {
            logger.LogWarning("Email to a recipient failed ({Outcome}): {Reason}", result.Outcome, result.Reason);
            return result;
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>A mailbox with a local part and a domain, nothing else (no name, no list).</summary>
    internal static MailboxAddress? ParseAddress(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Any(char.IsWhiteSpace))
            return null;
        if (!MailboxAddress.TryParse(StrictAddresses, trimmed, out var mailbox))
            return null;
        var at = mailbox.Address.LastIndexOf('@');
        if (at <= 0 || at == mailbox.Address.Length - 1 || !mailbox.Address[(at + 1)..].Contains('.'))
            return null;
        return mailbox;
    }

    private MimeMessage Compose(OutgoingMessage message, MailboxAddress to)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(to);
        mime.Subject = message.Title;
        // A stable id per outbox row: a receiving server or a person can tell a repeat from a new message.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..32];
        var domain = _options.FromAddress.Split('@').Last();
        mime.MessageId = $"{hash}@{domain}";
        var body = message.Link is null ? message.Text : $"{message.Text}\n\n查看全文：{message.Link}";
        var text = new TextPart(MimeKit.Text.TextFormat.Plain);
        text.SetText(Encoding.UTF8, body);
        mime.Body = text;
        return mime;
    }

    private async Task<SmtpClient> RentAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (pooled.Client.IsConnected && Environment.TickCount64 - pooled.ReturnedAt < MaxIdle.TotalMilliseconds)
                return pooled.Client;
            pooled.Client.Dispose();
        }
        var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        try
        {
            var secure = _options.TlsMode switch
            {
                SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
                SmtpTlsMode.Ssl => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(_options.Host!, _options.Port, secure, ct);
            if (!string.IsNullOrEmpty(_options.User))
                await client.AuthenticateAsync(_options.User, _options.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private void Return(SmtpClient client)
    {
        if (client.IsConnected && _idle.Count < _options.PooledConnections)
            _idle.Add(new Pooled(client, Environment.TickCount64));
        else
            client.Dispose();
    }

    /// <summary>Postfix and most relays answer the data with "250 2.0.0 Ok: queued as 4Xyz…".</summary>
    internal static string? QueueId(string? response) =>
        response is not null && QueuedAs().Match(response) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"queued as ([A-Za-z0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex QueuedAs();

    /// <summary>What a failure means for the outbox; null for an exception this channel does not expect.</summary>
    internal static DeliveryResult? Classify(Exception e) =>
        e switch
        {
            SmtpCommandException c => FromStatus((int)c.StatusCode, c.ErrorCode, c.Message),
            AuthenticationException => Permanent("邮件服务器拒绝登录（用户名或密码不正确）"),
            SslHandshakeException => Permanent("与邮件服务器建立加密连接失败（请检查 TLS 方式和端口）"),
            NotSupportedException => Permanent("邮件服务器不支持所配置的 TLS 方式或登录方式"),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => Transient(
                "无法连接邮件服务器（连接被拒绝）"
            ),
            SocketException { SocketErrorCode: SocketError.TimedOut } => Transient("连接邮件服务器超时"),
            SocketException s => Transient($"无法连接邮件服务器（{s.SocketErrorCode}）"),
            TimeoutException => Transient("连接邮件服务器超时"),
            SmtpProtocolException or IOException or ServiceNotConnectedException => Transient("与邮件服务器的连接中断"),
            _ => null,
        };

    /// <summary>RFC 5321: 4xx is a temporary refusal, 5xx a final one.</summary>
    internal static DeliveryResult FromStatus(int status, SmtpErrorCode code, string? serverText)
    {
        var said = $"{status} {Shorten(serverText)}".TrimEnd();
        if (status is >= 400 and < 500)
            return Transient($"邮件服务器暂时不能接收（{said}）");
        return code switch
        {
            SmtpErrorCode.RecipientNotAccepted => Permanent($"收件地址被邮件服务器拒绝（{said}）"),
            SmtpErrorCode.SenderNotAccepted => Permanent($"发件地址被邮件服务器拒绝（{said}）"),
            _ => Permanent($"邮件被服务器拒绝（{said}）"),
        };
    }

    private static string Shorten(string? text) =>
        text is null ? ""
        : text.Length <= 120 ? text.Trim()
        : text[..120].Trim() + "…";

    private static DeliveryResult Transient(string reason) => new(DeliveryOutcome.Transient, Reason: reason);

    private static DeliveryResult Permanent(string reason) => new(DeliveryOutcome.Permanent, Reason: reason);

    public void Dispose()
    {
        while (_idle.TryTake(out var pooled))
            pooled.Client.Dispose();
    }

    private sealed record Pooled(SmtpClient Client, long ReturnedAt);
}
