namespace Hongling.Web.Domain;

/// <summary>A work update (工作动态) posted by an organization: shown on its page and in the feeds of
/// the organizations above it. Published as soon as it is saved.</summary>
public sealed class WorkUpdate : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public WorkUpdateKind Kind { get; set; }

    /// <summary>Where an excerpt or a forward comes from (required for those two kinds).</summary>
    public string? Source { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Sanitized HTML (Infrastructure/RichText.cs), safe to render as is.</summary>
    public string Body { get; set; } = "";

    /// <summary>The special column (专题专栏) it appears in on the website, if any.</summary>
    public string? Column { get; set; }
    public DateTime PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";

    public static bool NeedsSource(WorkUpdateKind kind) => kind is WorkUpdateKind.Excerpt or WorkUpdateKind.Forward;
}

/// <summary>原创, 摘录, 转发, 推荐: the four kinds the bulletin counts.</summary>
public enum WorkUpdateKind
{
    Original = 1,
    Excerpt = 2,
    Forward = 3,
    Recommend = 4,
}
