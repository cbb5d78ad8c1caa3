using Hongling.Web.Features.Photos;
using Hongling.Web.Infrastructure.Uploads;
using SkiaSharp;
using static Hongling.Tests.Features.Photos.TestImages;

namespace Hongling.Tests.Features.Photos;

/// <summary>The byte check and re-encoding on their own, without HTTP.</summary>
public sealed class ImageUploadTests
{
    private static readonly ImageLimits Limits = MemberPhotos.Limits;

    private static ReencodedImage Accepted(byte[] bytes)
    {
        var result = ImageUpload.Reencode(bytes, Limits);
        Assert.Null(result.Refusal);
        return result.Image!;
    }

    private static SKBitmap Decoded(byte[] jpeg)
    {
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        return SKBitmap.Decode(jpeg) ?? throw new InvalidOperationException("not decodable");
    }

    [Fact]
    public void SkiaSharpDecodesHere()
    {
        using var bitmap = Decoded(Jpeg());
        Assert.Equal((300, 200), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void ExifMetadata_IsGone_OnlyTheJfifHeaderIsWritten()
    {
        var image = Accepted(WithExif(Jpeg(), 1, "GPS 31.2304N 121.4737E HONGLING-SECRET"));
        foreach (var jpeg in new[] { image.Jpeg, image.Thumbnail })
        {
            Assert.False(Contains(jpeg, "HONGLING-SECRET"));
            Assert.False(Contains(jpeg, "Exif"));
            // No APP1..APP15 (EXIF, XMP, ICC profile, vendor data) and no comment: only JFIF's APP0.
            Assert.DoesNotContain(Markers(jpeg), m => m.Marker is >= 0xE1 and <= 0xEF or 0xFE);
        }
    }

    [Theory]
    [InlineData(1, 300, 200, "red")] // as stored
    [InlineData(2, 300, 200, "green")] // mirrored
    [InlineData(3, 300, 200, "yellow")] // upside down
    [InlineData(6, 200, 300, "blue")] // phone held upright: turn 90° clockwise
    [InlineData(8, 200, 300, "green")] // turn 90° counter-clockwise
    public void ExifOrientation_IsApplied(ushort orientation, int width, int height, string topLeft)
    {
        var image = Accepted(WithExif(Jpeg(300, 200), orientation, "x"));
        using var bitmap = Decoded(image.Jpeg);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        Assert.Equal((width, height), (image.Width, image.Height));
        var expected = topLeft switch
        {
            "red" => Red,
            "green" => Green,
            "blue" => Blue,
            _ => Yellow,
        };
        Assert.True(
            Near(ColorAt(bitmap, 0.1, 0.1), expected),
            $"top-left is {ColorAt(bitmap, 0.1, 0.1)}, expected {topLeft}"
        );
    }

    [Fact]
    public void LargePhoto_IsScaledTo1024_AndTheThumbnailTo240_BothDecodable()
    {
        var image = Accepted(Jpeg(4000, 3000));
        using var full = Decoded(image.Jpeg);
        using var thumb = Decoded(image.Thumbnail);
        Assert.Equal((1024, 768), (full.Width, full.Height));
        Assert.Equal((240, 180), (thumb.Width, thumb.Height));
        Assert.True(image.Thumbnail.Length < image.Jpeg.Length);
        Assert.True(Near(ColorAt(full, 0.9, 0.9), Yellow));
        Assert.True(Near(ColorAt(thumb, 0.1, 0.9), Blue));
    }

    [Fact]
    public void SmallPhoto_IsNotEnlarged()
    {
        var image = Accepted(Jpeg(90, 120));
        Assert.Equal((90, 120), (image.Width, image.Height));
        using var thumb = Decoded(image.Thumbnail);
        Assert.Equal((90, 120), (thumb.Width, thumb.Height));
    }

    [Fact]
    public void Png_BecomesJpeg_TransparencyOnWhite()
    {
        var image = Accepted(HalfTransparentPng());
        using var bitmap = Decoded(image.Jpeg);
        Assert.True(Near(ColorAt(bitmap, 0.25, 0.5), Red));
        Assert.True(Near(ColorAt(bitmap, 0.75, 0.5), SKColors.White));
    }

    [Fact]
    public void DeclaredSizeOver40Megapixels_IsRefusedBeforeDecoding()
    {
        const string message = "照片尺寸过大(超过 4000 万像素),请缩小后再上传。";
        Assert.Equal(message, ImageUpload.Reencode(ClaimingSize(Jpeg(), 8000, 6000), Limits).Refusal);
        Assert.Equal(message, ImageUpload.Reencode(PngClaimingSize(Png(), 30_000, 30_000), Limits).Refusal);
    }

    [Fact]
    public void JpegMagicFollowedByNonsense_IsUnreadable() =>
        Assert.Equal(
            "照片文件已损坏或不完整,无法读取,请重新选择。",
            ImageUpload.Reencode([0xFF, 0xD8, 0xFF, .. "not really a photo"u8.ToArray()], Limits).Refusal
        );
}
