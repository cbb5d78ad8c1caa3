using Hongling.Web.Domain;

namespace Hongling.Web.Features.Notifications;

/// <summary>A message before it is queued: what features and the compose page hand to
/// <see cref="NotificationQueue.SendAsync"/>. <see cref="At"/> null sends now.</summary>
public sealed record NotificationDraft(int OrganizationId, NotificationCategory Category, string Title, string Text)
{
    public bool ByEmail { get; init; }
    public bool BySms { get; init; }
    public bool Urgent { get; init; }
    public bool Mandatory { get; init; }
    public DateTime? At { get; init; }

    /// <summary>A path in the platform (e.g. "/Notices/Read/5") the message points to.</summary>
    public string? Link { get; init; }
    public string AudienceDescription { get; init; } = "";

    /// <summary>For <see cref="NotificationQueue.SendOnceAsync"/>: what makes this message once-only.</summary>
    public string? OnceKey { get; init; }

    public const int MaxTitle = 100;

    /// <summary>A title made from a feature's own (longer) name, cut to fit with an ellipsis.</summary>
    public static string Titled(string title) =>
        title.Length <= MaxTitle ? title : string.Concat(title.AsSpan(0, MaxTitle - 1), "…");

    public const int MaxText = 5000;

    /// <summary>A text message longer than this many billed segments is refused rather than sent in pieces.</summary>
    public const int MaxSmsSegments = 5;
}
