namespace Hongling.Web.Domain;

/// <summary>A study material (学习资料) published by an organization to the members of one or more
/// subtrees (the whole platform when an audience is the root). Members read it from PublishAt on.</summary>
public sealed class Material : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public MaterialColumn Column { get; set; }
    public MaterialKind Kind { get; set; }

    /// <summary>Sanitized HTML of an article, or the introduction of other kinds.</summary>
    public string? Body { get; set; }

    /// <summary>The address of linked courseware (http or https).</summary>
    public string? Url { get; set; }

    /// <summary>Uploaded courseware or document, if any (stored apart, see MaterialFile).</summary>
    public string? FileType { get; set; }
    public long? FileSize { get; set; }

    /// <summary>How long studying it takes, in minutes: completion and the credit cap are measured by it.</summary>
    public int EstimatedMinutes { get; set; }
    public DateTime PublishAt { get; set; }
    public bool Withdrawn { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>The publishing organization.</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>The subtrees whose members read it (the scope's filter for materials looks here).</summary>
    public List<MaterialAudience> Audiences { get; set; } = [];

    /// <summary>Credit on one material stops at three times its estimated time.</summary>
    public int CreditCapMinutes => EstimatedMinutes * 3;
}

/// <summary>One subtree a material is published to, by its path (rewritten when the subtree moves).</summary>
public sealed class MaterialAudience
{
    public int MaterialId { get; set; }
    public string Path { get; set; } = "";
}

/// <summary>The columns of the library, as the seed names them.</summary>
public enum MaterialColumn
{
    KnowledgeBase = 1,
    Special = 2,
    TenMinuteLesson = 3,
    PolicyRegulation = 4,
    PracticalSkills = 5,
    RedForum = 6,
}

public enum MaterialKind
{
    Article = 1,
    Video = 2,
    Audio = 3,
    Link = 4,
    Document = 5,
}

/// <summary>The bytes of an uploaded material, kept out of the material row so that lists never load them.</summary>
public sealed class MaterialFile
{
    public int MaterialId { get; set; }
    public byte[] Content { get; set; } = [];
}
