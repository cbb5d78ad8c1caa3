namespace Hongling.Web.Domain;

/// <summary>A candidate who is not a member in the platform (报名人员, 用户实时注册), for example the staff of
/// a remote-education site. They register themselves with name, mobile number, work unit and password under
/// a chosen organization (district or town); their account's user name is the mobile number. The
/// administrators of that organization see them and approve them for specific exams (<see
/// cref="ExamApproval"/>).</summary>
public sealed class Registrant : IOrgOwned
{
    public int Id { get; set; }
    public required string AccountId { get; set; }
    public Account? Account { get; set; }
    public required string Name { get; set; }

    /// <summary>Unique; also the sign-in name. Shown masked in lists and exports.</summary>
    public required string Mobile { get; set; }
    public required string WorkUnit { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A registrant approved for one exam: they may take it as if they were in its audience. Owned by
/// the registrant's organization, so the administrators who see the registrant grant and revoke it.</summary>
public sealed class ExamApproval : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public int ExamId { get; set; }
    public Exam Exam { get; set; } = null!;
    public int RegistrantId { get; set; }
    public Registrant Registrant { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public DateTime ApprovedAt { get; set; }
    public string ApprovedBy { get; set; } = "";
}
