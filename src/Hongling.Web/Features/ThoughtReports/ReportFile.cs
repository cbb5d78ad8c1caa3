using System.IO.Compression;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.ThoughtReports;

/// <summary>An uploaded report document: PDF or Word (.docx), recognised by its bytes (a PDF header; a ZIP
/// package holding word/document.xml), never by its name. The file is kept as sent and only ever served
/// as a download.</summary>
public static class ReportFile
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The request limit of the page: a little over the file limit, so a somewhat larger file still gets the
    /// message.</summary>
    public const long MaxRequestBytes = 12 * 1024 * 1024;
    public const string Empty = "上传的文件是空的,请重新选择。";
    public const string WrongKind = "只能上传 PDF 或 Word(.docx)文件(按文件内容识别,修改扩展名无效)。";
    public static readonly string TooLarge = $"文件不能超过 {MaxBytes / (1024 * 1024)} MB。";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public sealed record Accepted(byte[] Bytes, ReportFileKind Kind, string FileName);

    public static async Task<(Accepted? File, string? Refusal)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
            return (null, Empty);
        if (file.Length > MaxBytes)
            return (null, TooLarge);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (KindOf(bytes) is not { } kind)
            return (null, WrongKind);
        var name = Path.GetFileNameWithoutExtension(file.FileName).Trim();
        if (name.Length is 0 or > 100)
            name = "思想汇报";
        return (new Accepted(bytes, kind, name + (kind == ReportFileKind.Pdf ? ".pdf" : ".docx")), null);
    }

    public static ReportFileKind? KindOf(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(PdfMagic))
            return ReportFileKind.Pdf;
        if (!bytes.AsSpan().StartsWith(ZipMagic))
            return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null
                ? ReportFileKind.Docx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string ContentType(ReportFileKind kind) =>
        kind == ReportFileKind.Pdf
            ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
