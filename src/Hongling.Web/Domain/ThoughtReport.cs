namespace Hongling.Web.Domain;

/// <summary>A thought report (思想汇报) written by a member (probationary members above all): plain text or
/// an uploaded PDF/Word document. Only the author and the administrators whose scope holds the author's
/// branch read it; an administrator comments on it (批阅).</summary>
public sealed class ThoughtReport : IOrgOwned, IMemberCreated
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;

    /// <summary>The author's branch when the report was handed in.</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Text { get; set; }
    public string? FileName { get; set; }
    public ReportFileKind? FileKind { get; set; }
    public byte[]? File { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string? Comment { get; set; }
    public string? CommentedBy { get; set; }
    public DateTime? CommentedAt { get; set; }
}

public enum ReportFileKind
{
    Pdf = 1,
    Docx = 2,
}
