using Hongling.Web.Infrastructure.Notifications;

namespace Hongling.Web.Domain;

/// <summary>A message (消息) an organization sends to members: composed by an administrator or raised by a feature
/// (a notice published, a transfer step). Issued by <see cref="Organization"/>; its administrators see it and its
/// delivery report. Each recipient and channel is one <see cref="OutboxItem"/>.</summary>
public sealed class Notification : IOrgOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public required string Title { get; set; }
    public string Text { get; set; } = "";
    public NotificationCategory Category { get; set; }

    /// <summary>Members cannot turn a mandatory category off (a transfer step).</summary>
    public bool Mandatory { get; set; }

    /// <summary>SMS is sent during quiet hours (22:00–08:00 China time) too.</summary>
    public bool Urgent { get; set; }
    public bool ByEmail { get; set; }
    public bool BySms { get; set; }

    /// <summary>When it goes out (UTC): the moment of sending, or a later time it was scheduled for.</summary>
    public DateTime ScheduledAt { get; set; }

    /// <summary>Who it went to, in words, for the list and the report (范围、身份、筛选).</summary>
    public string AudienceDescription { get; set; } = "";
    public int RecipientCount { get; set; }

    /// <summary>A page in the platform with the full text or the object it is about (a notice, a bulletin).</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>Set by a job that must send a message once (a 转正 reminder per member and due date, a study reminder
    /// per month): unique, so that a second instance's run of the same job sends nothing.</summary>
    public string? OnceKey { get; set; }
    public List<OutboxItem> Items { get; set; } = [];
}

/// <summary>What a notification is about: members turn categories off per channel (退订) unless mandatory.</summary>
public enum NotificationCategory
{
    General = 1,
    Notice = 2,
    Activity = 3,
    Exam = 4,
    Transfer = 5,
    Bulletin = 6,
    Study = 7,
    Development = 8,
}

public enum OutboxState
{
    Queued = 1,
    Sending = 2,
    Sent = 3,
    Failed = 4,
    Skipped = 5,
}

/// <summary>One notification for one member on one channel (发件队列). The background sender claims queued rows with a
/// lease (<see cref="LeaseOwner"/> until <see cref="LeaseUntil"/>), so that two instances never send a row twice and an
/// instance that died leaves rows another one takes over once the lease has expired. Scoped by the issuer's path; the
/// member reads their own rows (the inbox) and sets only the read time.</summary>
public sealed class OutboxItem : IScopedByPath, IMemberOwned
{
    public long Id { get; set; }
    public int NotificationId { get; set; }
    public Notification? Notification { get; set; }
    public int MemberId { get; set; }

    /// <summary>The issuing organization's path (the notification's).</summary>
    public string OrgPath { get; set; } = "";
    public NotificationChannel Channel { get; set; }

    /// <summary>The email address or mobile number the row goes to, as it was when queued; empty for the
    /// inbox.</summary>
    public string Address { get; set; } = "";
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? ProviderId { get; set; }

    /// <summary>Why it failed or was skipped (Chinese, for the report); the last transient error while
    /// retrying.</summary>
    public string? Reason { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>When the member opened it in the inbox.</summary>
    [MemberSets]
    public DateTime? ReadAt { get; set; }
}

/// <summary>A member's choice for one category on one channel (退订): off while <see cref="Off"/> is set. Kept as a row
/// the member switches, in their branch, so that the member's own write is the scope's ordinary member-created
/// row.</summary>
public sealed class NotificationOptOut : IScopedByPath, IMemberCreated
{
    public int MemberId { get; set; }
    public NotificationCategory Category { get; set; }
    public NotificationChannel Channel { get; set; }
    public string OrgPath { get; set; } = "";

    [MemberSets]
    public bool Off { get; set; }
}
