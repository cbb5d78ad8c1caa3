namespace Hongling.Web.Domain;

/// <summary>A member's photo, re-encoded on upload (no metadata survives) with a thumbnail. Kept apart from
/// Member so that lists never carry image bytes; read only after the member itself passed the org scope.</summary>
public sealed class MemberPhoto
{
    public int MemberId { get; set; }
    public byte[] Image { get; set; } = [];
    public byte[] Thumbnail { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UploadedAt { get; set; }
}
