namespace Hongling.Web.Domain;

/// <summary>A branch photo album (支部相册), optionally the photos of one activity. Members of the
/// organization (and beneath it) view it; administrators of the subtree manage it.</summary>
public sealed class Album : IPublishedToMembers
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
    public string Title { get; set; } = "";
    public int? ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>Shown on the organization's page of the public website (党建网) as well.</summary>
    public bool IsPublic { get; set; }
}

/// <summary>One photo of an album, re-encoded on upload (Infrastructure/Uploads: no metadata survives) with a
/// thumbnail. Published like its album, so the same scoped lookup serves the bytes; lists project past them.</summary>
public sealed class AlbumPhoto : IPublishedToMembers
{
    public int Id { get; set; }
    public int AlbumId { get; set; }
    public Album Album { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
    public string? Caption { get; set; }
    public byte[] Image { get; set; } = [];
    public byte[] Thumbnail { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}
