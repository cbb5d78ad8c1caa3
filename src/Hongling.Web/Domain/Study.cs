namespace Hongling.Web.Domain;

/// <summary>One opening of a material by a member (one tab). Beats carry a sequence number that must
/// grow; the session keeps the last one and when it came, which decides what the next beat credits.</summary>
public sealed class StudySession : IOrgOwned, IMemberCreated
{
    public Guid Id { get; set; }
    public int MemberId { get; set; }
    public int MaterialId { get; set; }
    public Material Material { get; set; } = null!;

    /// <summary>The member's branch when the session was opened.</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public long LastSeq { get; set; }
    public DateTime? LastBeatAt { get; set; }
    public DateTime? FirstBeatAt { get; set; }
    public int Beats { get; set; }
}

/// <summary>A wall-clock minute (UTC minutes since the epoch) in which a member was active; its key is
/// the member and the minute, so each minute is counted once however many tabs, retries or instances
/// beat in it. MaterialId is set when the minute was credited as study of that material.</summary>
public sealed class ActiveMinute
{
    public int MemberId { get; set; }
    public long Minute { get; set; }
    public int? MaterialId { get; set; }
}

/// <summary>A member's study clock: the study time their pages have shown and not yet turned into a credited
/// minute. One row per member, whatever their tabs and devices, so parallel pages add their time once
/// (StudyRules.Evidence); both values are concurrency tokens, so two instances cannot both spend it.</summary>
public sealed class StudyClock
{
    public int MemberId { get; set; }

    /// <summary>The latest beat whose time has been counted: earlier time is never counted again.</summary>
    public DateTime CoveredUntil { get; set; }

    /// <summary>Counted study time not yet credited, in milliseconds (a minute is credited at 60,000).</summary>
    public int PendingMs { get; set; }
}

/// <summary>A member's study on one China-time day: the sums the statistics read.</summary>
public sealed class StudyDay : IOrgOwned, IMemberCreated
{
    public int MemberId { get; set; }
    public DateOnly Day { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public int StudyMinutes { get; set; }
    public int OnlineMinutes { get; set; }

    [MemberSets]
    public int MaterialsOpened { get; set; }
    public int MaterialsCompleted { get; set; }

    /// <summary>Time a reading page stayed open but showed no study, because it was hidden (another tab or app in
    /// front, the screen off), in seconds: the silences between its beats that the page said were hidden.</summary>
    public int HiddenSeconds { get; set; }

    /// <summary>As <see cref="HiddenSeconds"/>, for silences while the page was visible and nobody used it (or it
    /// did not say why).</summary>
    public int IdleSeconds { get; set; }

    /// <summary>Minutes of study time shown on materials already credited their cap (three times the
    /// estimate).</summary>
    public int CappedMinutes { get; set; }
}

/// <summary>A member's progress on one material: credited minutes (capped) and when it was completed.</summary>
public sealed class MaterialProgress : IOrgOwned, IMemberCreated
{
    public int MemberId { get; set; }
    public int MaterialId { get; set; }
    public Material Material { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public int CreditedMinutes { get; set; }
    public DateTime FirstOpenedAt { get; set; }
    public DateTime? LastStudiedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>A ten-minute lesson (十分钟党课): a branch asks its members to study a material at a time.</summary>
public sealed class Lesson : IPublishedToMembers, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public int MaterialId { get; set; }
    public Material Material { get; set; } = null!;
    public DateTime ScheduledAt { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The branch's members (and its groups') see the lesson.</summary>
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
}
