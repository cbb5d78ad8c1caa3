namespace Hongling.Web.Domain;

/// <summary>A course of the red lecture hall (红色讲坛): training for secretaries, new members, activists or every
/// member, in sessions, with a seat limit; an enrolled person completes it by attending
/// <see cref="CompletionSessions"/> sessions. Published to the organization's subtree.</summary>
public sealed class LectureCourse : IPublishedToMembers, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
    public string Title { get; set; } = "";
    public LectureTarget Target { get; set; }
    public string? Description { get; set; }
    public int Seats { get; set; }
    public int CompletionSessions { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<LectureSession> Sessions { get; set; } = [];
}

public enum LectureTarget
{
    Secretaries = 1,
    NewMembers = 2,
    Activists = 3,
    AllMembers = 4,
}

/// <summary>One session of a course (a lecture at a time and place), read through its course.</summary>
public sealed class LectureSession
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public LectureCourse Course { get; set; } = null!;
    public int Number { get; set; }
    public string Topic { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
}

/// <summary>A seat in a course (报名): a member, or a recruit (an activist or candidate, who has no account). The
/// seat number is unique per course and never above the course's seats, so two people enrolling at the same moment
/// cannot both take the last seat. The row belongs to the enrolled person's branch; a member reads their own.</summary>
public sealed class LectureEnrolment : IOrgOwned, IMemberCancellable
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public LectureCourse Course { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public int? MemberId { get; set; }
    public Member? Member { get; set; }
    public int? RecruitId { get; set; }
    public Recruit? Recruit { get; set; }
    public string Name { get; set; } = "";
    public int SeatNumber { get; set; }
    public DateTime EnrolledAt { get; set; }

    /// <summary>The day of completion (结业), set when attendance reaches the course's threshold.</summary>
    [MemberSets]
    public DateOnly? CompletedOn { get; set; }
    public List<LectureAttendance> Attendance { get; set; } = [];

    int IMemberOwned.MemberId => MemberId ?? 0;
}

/// <summary>One attended session of an enrolment, by QR check-in or marked by the organizer.</summary>
public sealed class LectureAttendance
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public int SessionId { get; set; }
    public DateTime At { get; set; }
    public CheckInMethod Method { get; set; }
}
