namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>The ways a notification reaches a member. The inbox is always used; email and SMS are chosen per
/// message.</summary>
public enum NotificationChannel
{
    Inbox = 0,
    Email = 1,
    Sms = 2,
}

/// <summary>One message for one recipient on one channel, as the outbox hands it to a sender.</summary>
/// <param name="To">The address on the channel: an email address or a mainland mobile number.</param>
/// <param name="Title">The message's title (email subject; the SMS template's title parameter).</param>
/// <param name="Text">The plain text body.</param>
/// <param name="Link">An absolute link to the full text in the platform, when the text is long.</param>
/// <param name="IdempotencyKey">Stable per outbox row, so a provider that dedupes can refuse a repeat.</param>
public sealed record OutgoingMessage(string To, string Title, string Text, string? Link, string IdempotencyKey);

/// <summary>What a send attempt came to.</summary>
public enum DeliveryOutcome
{
    /// <summary>The server or provider accepted the message.</summary>
    Sent,

    /// <summary>Worth retrying later: the server was unreachable, busy or throttling.</summary>
    Transient,

    /// <summary>Retrying cannot help: a bad address, a rejected template or sign name.</summary>
    Permanent,
}

/// <param name="ProviderId">The provider's id for the message (SMS BizId, SMTP queue id), when it gave one.</param>
/// <param name="Reason">Why it failed, in Chinese, for the delivery report.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? ProviderId = null, string? Reason = null);

/// <summary>A channel's sender (email through SMTP, SMS through a provider's HTTP API). One instance per channel is
/// registered; the outbox's background sender picks it by <see cref="Channel"/>.</summary>
public interface IMessageSender
{
    NotificationChannel Channel { get; }

    Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}
