namespace Hongling.Web.Domain;

/// <summary>A member's request to correct their own record (信息纠错): the member writes what is wrong,
/// an administrator of the branch edits the record and closes the request with a reply.</summary>
public sealed class CorrectionRequest : IOrgOwned, IMemberCreated, IAudited
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string Text { get; set; } = "";
    public CorrectionState State { get; set; }
    public string? Reply { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledBy { get; set; }
}

public enum CorrectionState
{
    Open = 1,
    Done = 2,
    Declined = 3,
}
