namespace Hongling.Web.Domain;

/// <summary>A person on the way into the party (发展党员), from application to full membership. Becomes a
/// Member on admission as probationary member (预备党员); every stage change is kept in Steps.</summary>
public sealed class Recruit : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public string Mobile { get; set; } = "";
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public DevelopmentStage Stage { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateOnly? ActivistOn { get; set; }
    public DateOnly? CandidateOn { get; set; }
    public DateOnly? AdmittedOn { get; set; }
    public DateOnly? FullOn { get; set; }

    /// <summary>The member record, from admission on.</summary>
    public int? MemberId { get; set; }
    public Member? Member { get; set; }
    public List<RecruitStep> Steps { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One stage change of a recruit: which stage, on which date, recorded when and by whom.</summary>
public sealed class RecruitStep
{
    public int Id { get; set; }
    public int RecruitId { get; set; }
    public DevelopmentStage Stage { get; set; }
    public DateOnly On { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public enum DevelopmentStage
{
    Applicant = 1,
    Activist = 2,
    Candidate = 3,
    Probationary = 4,
    Full = 5,
}
