namespace Hongling.Web.Domain;

/// <summary>An announcement (组织公告) an organization publishes to its members, optionally to every
/// member of its subtree. Members read it read-only through the <see cref="IPublishedToMembers"/> scope.</summary>
public sealed class Notice : IPublishedToMembers, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>The publishing organization's path: its own branch members are the audience.</summary>
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Sanitized HTML.</summary>
    public string Body { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
}

/// <summary>A member opened a notice (阅读回执): one row per member and notice. Not organization-owned:
/// it is reached only through a notice the caller can see.</summary>
public sealed class NoticeRead
{
    public int NoticeId { get; set; }
    public Notice Notice { get; set; } = null!;
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public DateTime ReadAt { get; set; }
}
