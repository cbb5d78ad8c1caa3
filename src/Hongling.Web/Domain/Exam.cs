namespace Hongling.Web.Domain;

public enum ShowAnswers
{
    Never = 0,
    AfterSubmission = 1,
    AfterClose = 2,
}

/// <summary>An online exam (在线考试). Its audience is one organization subtree (IPublishedToMembers),
/// optionally narrowed to member statuses. The paper is drawn per attempt from <see cref="Rules"/> plus
/// <see cref="Fixed"/> questions, from the banks of the exam's organization and its ancestors.</summary>
public sealed class Exam : IPublishedToMembers
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Instructions { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;

    /// <summary>Empty: every member status may take it.</summary>
    public List<MemberStatus> AudienceStatuses { get; set; } = [];
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public int DurationMinutes { get; set; }
    public int AttemptsAllowed { get; set; } = 1;
    public decimal PassMark { get; set; }
    public ShowAnswers ShowAnswers { get; set; } = ShowAnswers.AfterSubmission;
    public List<ExamRule> Rules { get; set; } = [];
    public List<FixedQuestion> Fixed { get; set; } = [];

    /// <summary>The sum of every rule's and fixed question's points.</summary>
    public decimal TotalPoints { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool IsOpenAt(DateTime utc) => utc >= OpensAt && utc < ClosesAt;
}

/// <summary>"Count questions of Type from Category (with its subcategories), difficulty between
/// MinDifficulty and MaxDifficulty, Points each." No category: the whole usable bank.</summary>
public sealed record ExamRule(
    QuestionType Type,
    int? CategoryId,
    int Count,
    int MinDifficulty,
    int MaxDifficulty,
    decimal Points
);

public sealed record FixedQuestion(int QuestionId, decimal Points);
