using Hongling.Web.Domain;

namespace Hongling.Web.Features.Study;

/// <summary>Courseware and documents are recognised by their first bytes, never by name or the browser's
/// content type: MP4/M4A (ftyp box), WebM, MP3, Ogg, WAV and PDF. Each kind takes only its own formats.</summary>
public static class MaterialFiles
{
    public const long MaxBytes = 50L * 1024 * 1024;
    public const string Empty = "上传的文件是空的,请重新选择。";
    public static readonly string TooLarge = $"文件不能超过 {MaxBytes / (1024 * 1024)} MB,请压缩后再上传,或改用链接。";

    public static string WrongType(MaterialKind kind) =>
        kind switch
        {
            MaterialKind.Video => "视频只能上传 MP4 或 WebM 格式(按文件内容识别,修改扩展名无效)。",
            MaterialKind.Audio => "音频只能上传 MP3、M4A、OGG 或 WAV 格式(按文件内容识别,修改扩展名无效)。",
            MaterialKind.Document => "文档只能上传 PDF 格式(按文件内容识别,修改扩展名无效)。",
            _ => "这类资料不需要上传文件。",
        };

    /// <summary>The content type to serve the bytes with, or null when they are not a format the kind takes.</summary>
    public static string? Recognise(MaterialKind kind, ReadOnlySpan<byte> head)
    {
        var type = Sniff(head);
        return (kind, type) switch
        {
            (MaterialKind.Video, "video/mp4" or "video/webm") => type,
            (MaterialKind.Audio, "audio/mpeg" or "audio/ogg" or "audio/wav") => type,
            (MaterialKind.Audio, "video/mp4") => "audio/mp4",
            (MaterialKind.Document, "application/pdf") => type,
            _ => null,
        };
    }

    private static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
            return "video/mp4";
        if (b.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
            return "video/webm";
        if (b.StartsWith("ID3"u8) || (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0))
            return "audio/mpeg";
        if (b.StartsWith("OggS"u8))
            return "audio/ogg";
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WAVE"u8))
            return "audio/wav";
        if (b.StartsWith("%PDF-"u8))
            return "application/pdf";
        return null;
    }
}
