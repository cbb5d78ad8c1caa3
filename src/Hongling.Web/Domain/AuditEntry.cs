namespace Hongling.Web.Domain;

/// <summary>One audited event: who did what to which record, with each changed field from → to.
/// Scoped by the path of the organization the record belonged to, so an administrator sees the log
/// of their own subtree. OrganizationId is deliberately not a foreign key: the log outlives what it records.</summary>
public sealed class AuditEntry : IScopedByPath
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? AccountId { get; set; }
    public string ActorName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string EntityName { get; set; } = "";
    public int OrganizationId { get; set; }
    public string OrgPath { get; set; } = "";

    /// <summary>JSON: [{"field":"Mobile","from":"…","to":"…"}].</summary>
    public string Changes { get; set; } = "[]";
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    Viewed = 4,
}
