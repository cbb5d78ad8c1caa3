namespace Hongling.Web.Domain;

/// <summary>An organization activity (组织活动): a meeting of the 三会一课, a theme party day, volunteer
/// service. Published to the members of its organization (and beneath it), who read it on their home page;
/// who is expected is the list of <see cref="ActivityParticipant"/> rows.</summary>
public sealed class Activity : IPublishedToMembers
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>Always the organization's own path: its members (and those of the organizations beneath it) read the
    /// activity.</summary>
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
    public ActivityKind Kind { get; set; }
    public string Topic { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>Minutes or summary (会议记录/活动小结), sanitized HTML (Infrastructure/RichText).</summary>
    public string? Minutes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<ActivityParticipant> Participants { get; set; } = [];
}

public enum ActivityKind
{
    BranchMeeting = 1,
    CommitteeMeeting = 2,
    GroupMeeting = 3,
    PartyLesson = 4,
    ThemeDay = 5,
    Volunteer = 6,
    Other = 7,
}

/// <summary>A member expected at an activity: their answer to the notice and whether they came. The member
/// reads their own rows (IMemberOwned); the row belongs to the member's branch at the time of the invitation.</summary>
public sealed class ActivityParticipant : IOrgOwned, IMemberOwned
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity Activity { get; set; } = null!;
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    [MemberSets]
    public ParticipantReply Reply { get; set; }

    [MemberSets]
    public string? LeaveReason { get; set; }

    [MemberSets]
    public DateTime? RepliedAt { get; set; }

    [MemberSets]
    public DateTime? CheckedInAt { get; set; }

    [MemberSets]
    public CheckInMethod? CheckInMethod { get; set; }
}

public enum ParticipantReply
{
    Pending = 0,
    Confirmed = 1,
    Leave = 2,
}

public enum CheckInMethod
{
    QrCode = 1,
    Manual = 2,
}
