using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Hongling.Tests.Features.Photos;

/// <summary>Real image files made with SkiaSharp, and the hand-made ones it cannot write.</summary>
public static class TestImages
{
    public static readonly SKColor Red = SKColors.Red,
        Green = new(0, 200, 0),
        Blue = SKColors.Blue,
        Yellow = SKColors.Yellow;

    /// <summary>Four quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right.</summary>
    public static SKBitmap Quadrants(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        foreach (var (color, x, y) in new[] { (Red, 0, 0), (Green, 1, 0), (Blue, 0, 1), (Yellow, 1, 1) })
        {
            using var paint = new SKPaint { Color = color };
            canvas.DrawRect(x * width / 2f, y * height / 2f, width / 2f, height / 2f, paint);
        }
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 300, int height = 200)
    {
        using var bitmap = Quadrants(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    public static byte[] Png(int width = 300, int height = 200)
    {
        using var bitmap = Quadrants(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>A PNG whose right half is fully transparent.</summary>
    public static byte[] HalfTransparentPng(int width = 200, int height = 200)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = Red };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
        }
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    public static byte[] WebP()
    {
        using var bitmap = Quadrants(60, 40);
        return Encode(bitmap, SKEncodedImageFormat.Webp);
    }

    /// <summary>A 1×1 GIF89a (SkiaSharp decodes GIF but does not write it).</summary>
    public static readonly byte[] Gif = Convert.FromHexString(
        "47494638396101000100800000FFFFFF00000021F90401000000002C00000000010001000002024401003B"
    );

    /// <summary>The JPEG with an EXIF APP1 segment spliced in right after SOI: the orientation tag and an
    /// image description carrying <paramref name="secret"/> (standing for GPS coordinates and the like).</summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, string secret)
    {
        var text = Encoding.ASCII.GetBytes(secret + "\0");
        var tiff = new byte[8 + 2 + 2 * 12 + 4 + text.Length];
        var t = tiff.AsSpan();
        "MM"u8.CopyTo(t); // big-endian TIFF
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(t[4..], 8); // IFD0 at 8
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], 2); // two entries, in tag order
        Entry(t[10..], 0x010E, 2, (uint)text.Length, 38); // ImageDescription (ASCII), text at 38
        Entry(t[22..], 0x0112, 3, 1, (uint)orientation << 16); // Orientation (SHORT), value left-aligned
        BinaryPrimitives.WriteUInt32BigEndian(t[34..], 0); // no next IFD
        text.CopyTo(t[38..]);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];

        static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(at, tag);
            BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
            BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
        }
    }

    /// <summary>The JPEG with its frame header (SOF0) claiming other dimensions: a decompression bomb's
    /// header.</summary>
    public static byte[] ClaimingSize(byte[] jpeg, ushort width, ushort height)
    {
        var copy = (byte[])jpeg.Clone();
        var sof = Markers(copy).First(m => m.Marker == 0xC0).Offset;
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 5), height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 7), width);
        return copy;
    }

    /// <summary>The PNG with its IHDR claiming other dimensions (CRC recomputed, so only the size is wrong).</summary>
    public static byte[] PngClaimingSize(byte[] png, uint width, uint height)
    {
        var copy = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(16), width); // 8 signature + 4 length + 4 "IHDR"
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    /// <summary>The JPEG's segments up to the scan: marker byte and offset of its 0xFF.</summary>
    public static List<(byte Marker, int Offset)> Markers(byte[] jpeg)
    {
        var found = new List<(byte, int)>();
        for (var i = 2; i + 4 <= jpeg.Length && jpeg[i] == 0xFF; )
        {
            found.Add((jpeg[i + 1], i));
            if (jpeg[i + 1] == 0xDA)
                break;
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }
        return found;
    }

    public static bool Contains(byte[] haystack, string ascii) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii)) >= 0;

    /// <summary>The colour at a point given as fractions of the width and height.</summary>
    public static SKColor ColorAt(SKBitmap bitmap, double x, double y) =>
        bitmap.GetPixel((int)(x * bitmap.Width), (int)(y * bitmap.Height));

    /// <summary>Near enough for JPEG: each channel within 60.</summary>
    public static bool Near(SKColor actual, SKColor expected) =>
        Math.Abs(actual.Red - expected.Red) < 60
        && Math.Abs(actual.Green - expected.Green) < 60
        && Math.Abs(actual.Blue - expected.Blue) < 60;

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
