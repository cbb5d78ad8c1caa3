using Hongling.Web.Infrastructure.Rules;
using SkiaSharp;

namespace Hongling.Web.Infrastructure.Uploads;

/// <summary>What one kind of image upload accepts and what it keeps.</summary>
/// <param name="MaxBytes">Largest file accepted, checked before a byte is read.</param>
/// <param name="MaxPixels">Largest width × height the file may declare, checked before decoding (decompression
/// bombs).</param>
/// <param name="LongestSide">The kept image is scaled down to this longest side (never up).</param>
/// <param name="ThumbnailSide">The thumbnail's longest side; the aspect ratio is kept.</param>
public sealed record ImageLimits(long MaxBytes, long MaxPixels, int LongestSide, int ThumbnailSide, int Quality = 85);

/// <summary>An upload after re-encoding: JPEG bytes with no metadata, upright, and a JPEG thumbnail.</summary>
public sealed record ReencodedImage(byte[] Jpeg, byte[] Thumbnail, int Width, int Height);

/// <summary>Either the re-encoded image or why the upload was refused (a named error, whose message the user
/// reads).</summary>
public sealed record ImageUploadResult(ReencodedImage? Image, RuleError? Error)
{
    public string? Refusal => Error?.Message;

    public static ImageUploadResult Refused(RuleError error) => new(null, error);
}

/// <summary>Accepts JPEG and PNG uploads, recognised by their bytes (never the name or the browser's
/// content type), and re-encodes them: the decoded pixels are drawn upright (EXIF orientation applied)
/// onto a white canvas and written out as a fresh JPEG, so nothing of the original file, metadata
/// (EXIF, GPS, XMP, ICC, comments) included, survives. Anything else is refused with a Chinese message.</summary>
public static class ImageUpload
{
    /// <summary>The refusals, named in <see cref="RuleErrors"/>.</summary>
    public static RuleError TooLarge(ImageLimits limits) => RuleErrors.ImageTooLarge(limits.MaxBytes);

    public static RuleError TooManyPixels(ImageLimits limits) => RuleErrors.ImageTooManyPixels(limits.MaxPixels);

    /// <summary>A decode holds up to width × height × 4 bytes and a core for a second or more (a 40-megapixel
    /// PNG: about 370 MB): at most this many run at once in the process, the rest wait their turn.</summary>
    internal static readonly SemaphoreSlim Decoders = new(Math.Max(1, Environment.ProcessorCount / 2));

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Reads a posted file (size checked first, so an oversize file is never read) and re-encodes
    /// it.</summary>
    public static async Task<ImageUploadResult> ReadAsync(IFormFile? file, ImageLimits limits, CancellationToken ct)
    {
        if (file is null)
            return ImageUploadResult.Refused(RuleErrors.ImageMissing);
        if (file.Length == 0)
            return ImageUploadResult.Refused(RuleErrors.ImageEmpty);
        if (file.Length > limits.MaxBytes)
            return ImageUploadResult.Refused(TooLarge(limits));
        return await ReencodeAsync(await BytesAsync(file, ct), limits, ct);
    }

    /// <summary>A posted file's bytes (the caller has checked its length).</summary>
    public static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary><see cref="Reencode"/> in its turn among the process's <see cref="Decoders"/>.</summary>
    public static async Task<ImageUploadResult> ReencodeAsync(byte[] bytes, ImageLimits limits, CancellationToken ct)
    {
        await Decoders.WaitAsync(ct);
        try
        {
            return Reencode(bytes, limits);
        }
        finally
        {
            Decoders.Release();
        }
    }

    /// <summary>The width × height a JPEG or PNG file declares, read from its header without decoding; 0 when
    /// it is not one (the re-encoding then refuses it with its own message).</summary>
    public static long DeclaredPixels(byte[] bytes)
    {
        if (!IsJpegOrPng(bytes))
            return 0;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is null ? 0 : Math.Max(0L, (long)codec.Info.Width * codec.Info.Height);
    }

    public static bool IsJpegOrPng(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(JpegMagic) || bytes.StartsWith(PngMagic);

    public static ImageUploadResult Reencode(byte[] bytes, ImageLimits limits)
    {
        if (bytes.Length == 0)
            return ImageUploadResult.Refused(RuleErrors.ImageEmpty);
        if (bytes.LongLength > limits.MaxBytes)
            return ImageUploadResult.Refused(TooLarge(limits));
        if (!IsJpegOrPng(bytes))
            return ImageUploadResult.Refused(RuleErrors.ImageNotJpegOrPng);

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        // The magic bytes only open the door: the decoder must agree on the format too.
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
            return ImageUploadResult.Refused(RuleErrors.ImageUnreadable);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
            return ImageUploadResult.Refused(RuleErrors.ImageUnreadable);
        if ((long)width * height > limits.MaxPixels)
            return ImageUploadResult.Refused(TooManyPixels(limits));

        using var decoded = Decode(codec, limits.LongestSide);
        if (decoded is null)
            return ImageUploadResult.Refused(RuleErrors.ImageUnreadable);
        using var upright = Render(decoded, codec.EncodedOrigin, limits.LongestSide);
        using var thumbnail = Render(upright, SKEncodedOrigin.TopLeft, limits.ThumbnailSide);
        return new ImageUploadResult(
            new ReencodedImage(
                Jpeg(upright, limits.Quality),
                Jpeg(thumbnail, limits.Quality),
                upright.Width,
                upright.Height
            ),
            null
        );
    }

    /// <summary>Decodes into sRGB at the smallest size the codec offers (JPEG decodes at 1/8, 1/4, 1/2)
    /// that still covers <paramref name="longestSide"/>; null unless the whole file decodes cleanly
    /// (a truncated file answers IncompleteInput).</summary>
    private static SKBitmap? Decode(SKCodec codec, int longestSide)
    {
        var size = codec.Info.Size;
        foreach (var scale in new[] { 0.125f, 0.25f, 0.5f })
        {
            var scaled = codec.GetScaledDimensions(scale);
            if (Math.Max(scaled.Width, scaled.Height) >= longestSide)
            {
                size = scaled;
                break;
            }
        }
        var info = new SKImageInfo(
            size.Width,
            size.Height,
            SKImageInfo.PlatformColorType,
            SKAlphaType.Premul,
            SKColorSpace.CreateSrgb()
        );
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
            return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>Draws the source upright, no longer than <paramref name="longestSide"/>, onto an opaque
    /// white canvas (transparent PNG areas turn white, as JPEG has no alpha) without a colour profile.</summary>
    private static SKBitmap Render(SKBitmap source, SKEncodedOrigin origin, int longestSide)
    {
        var scale = Math.Min(1.0, (double)longestSide / Math.Max(source.Width, source.Height));
        var w = Math.Max(1, (int)Math.Round(source.Width * scale));
        var h = Math.Max(1, (int)Math.Round(source.Height * scale));
        var turned =
            origin
            is SKEncodedOrigin.LeftTop
                or SKEncodedOrigin.RightTop
                or SKEncodedOrigin.RightBottom
                or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(
            new SKImageInfo(turned ? h : w, turned ? w : h, SKImageInfo.PlatformColorType, SKAlphaType.Opaque)
        );
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(Upright(origin, w, h));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, w, h), Smooth, null);
        return target;
    }

    /// <summary>The transform that shows a w × h image stored with EXIF <paramref name="origin"/> upright
    /// (Skia's SkEncodedOriginToMatrix).</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, int w, int h) =>
        origin switch
        {
            SKEncodedOrigin.TopRight => new(-1, 0, w, 0, 1, 0, 0, 0, 1), // mirrored
            SKEncodedOrigin.BottomRight => new(-1, 0, w, 0, -1, h, 0, 0, 1), // 180°
            SKEncodedOrigin.BottomLeft => new(1, 0, 0, 0, -1, h, 0, 0, 1), // mirrored vertically
            SKEncodedOrigin.LeftTop => new(0, 1, 0, 1, 0, 0, 0, 0, 1), // transposed
            SKEncodedOrigin.RightTop => new(0, -1, h, 1, 0, 0, 0, 0, 1), // 90° clockwise (a phone held upright)
            SKEncodedOrigin.RightBottom => new(0, -1, h, -1, 0, w, 0, 0, 1), // transverse
            SKEncodedOrigin.LeftBottom => new(0, 1, 0, -1, 0, w, 0, 0, 1), // 90° counter-clockwise
            _ => SKMatrix.Identity,
        };

    private static byte[] Jpeg(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
