namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text (a local relay or a test server).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl,
}

/// <summary>Settings under <c>Notifications:Smtp</c>. Without a host the email channel answers every message
/// Permanent "未配置邮件服务器".</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.None;

    /// <summary>The account to sign in with; no sign-in when empty.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@hongling.local";
    public string FromName { get; set; } = "红领党建";

    /// <summary>One send (connect, sign in, transfer) gives up after this long and reports Transient.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Open connections kept for the next message, so a burst does not connect once per message.</summary>
    public int PooledConnections { get; set; } = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
