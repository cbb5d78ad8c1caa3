namespace Hongling.Web.Domain;

/// <summary>A news item (信息报送) a submitting unit sends to the district; the district's editors adopt
/// (选用) it for the website or decline it with a reason.</summary>
public sealed class Submission : IOrgOwned, IAudited
{
    public int Id { get; set; }

    /// <summary>The submitting unit (an organization directly beneath the district root).</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>Sanitized HTML.</summary>
    public string Body { get; set; } = "";
    public string Author { get; set; } = "";

    /// <summary>The special column (专题专栏) it appears in on the website, if any.</summary>
    public string? Column { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public SubmissionState State { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DeclineReason { get; set; }
}

public enum SubmissionState
{
    Submitted = 1,
    Adopted = 2,
    Declined = 3,
}

/// <summary>The district's settings for submissions, kept on the district root organization.</summary>
public sealed class SubmissionSettings : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>Adopted items each unit is expected to have per China-time month (the seed's 每月3条).</summary>
    public int MonthlyQuota { get; set; }
}
