namespace Hongling.Web.Domain;

/// <summary>A picture in rich text (notices, work updates, study articles, submissions, minutes, organization
/// introductions), uploaded through the editor's 插入图片 and re-encoded (Infrastructure/Uploads: no metadata
/// survives). The platform serves it at /media/{Id}.jpg, so a reader's browser never asks another server for
/// an image and intranet deployments show every picture. Owned by the organization it was uploaded for: only
/// that organization's administrators add one. Served to whoever holds the URL: <see cref="Id"/> is 128
/// random bits and appears only in the content its readers are shown.</summary>
public sealed class RichTextImage : IOrgOwned
{
    public Guid Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>The re-encoded JPEG, at most RichTextImages.Limits.LongestSide on its longest side.</summary>
    public byte[] Image { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UploadedAt { get; set; }

    /// <summary>The uploading account's id, and its name as the audit log shows it.</summary>
    public string AccountId { get; set; } = "";
    public string UploadedBy { get; set; } = "";
}
