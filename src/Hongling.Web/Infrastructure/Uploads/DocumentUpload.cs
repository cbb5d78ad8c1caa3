namespace Hongling.Web.Infrastructure.Uploads;

/// <summary>A supporting document as kept: its bytes, the content type they were recognised as, and a safe
/// name.</summary>
public sealed record AcceptedDocument(string FileName, string ContentType, byte[] Content);

/// <summary>Supporting documents (a fee receipt, a certificate): a PDF kept as sent, or a JPEG/PNG photo re-encoded
/// by <see cref="ImageUpload"/> (no metadata, GPS included, survives). Recognised by their bytes; a file whose name
/// says one kind (.pdf, .jpg, .png) while its bytes are another is refused, and so is anything else.</summary>
public static class DocumentUpload
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public static readonly ImageLimits PhotoLimits = new(MaxBytes, 40_000_000, 2400, 320);

    public static async Task<(AcceptedDocument? Document, string? Refusal)> ReadAsync(
        IFormFile file,
        CancellationToken ct
    )
    {
        var name = Path.GetFileName(file.FileName).Trim();
        if (name.Length is 0 or > 150)
            name = "附件";
        if (file.Length == 0)
            return (null, $"附件“{name}”是空文件,请重新选择。");
        if (file.Length > MaxBytes)
            return (null, $"附件“{name}”超过 {MaxBytes / (1024 * 1024)} MB。");
        var bytes = await ImageUpload.BytesAsync(file, ct);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var isPdf = bytes.AsSpan().StartsWith("%PDF-"u8);
        var isImage = ImageUpload.IsJpegOrPng(bytes);
        var claims = extension switch
        {
            ".pdf" => "PDF",
            ".jpg" or ".jpeg" or ".png" => "图片",
            _ => null,
        };
        if (claims == "PDF" && !isPdf || claims == "图片" && !isImage)
            return (null, $"附件“{name}”的内容不是{claims}(文件名与内容不符),请上传真实的{claims}文件。");
        if (isPdf)
            return (new AcceptedDocument(name, "application/pdf", bytes), null);
        if (!isImage)
            return (null, $"附件“{name}”不是 PDF、JPG 或 PNG 文件(按文件内容识别,修改扩展名无效)。");
        var image = await ImageUpload.ReencodeAsync(bytes, PhotoLimits, ct);
        if (image.Image is not { } kept)
            return (null, $"附件“{name}”:{image.Refusal}");
        return (new AcceptedDocument(Path.GetFileNameWithoutExtension(name) + ".jpg", "image/jpeg", kept.Jpeg), null);
    }
}
