using System.IO.Compression;
using System.Text;

namespace Hongling.Tests.Infrastructure.Workbooks;

/// <summary>Writes .xlsx files by hand, part by part, streaming runs of repeated characters into the zip: a test
/// makes a cell of hundreds of megabytes without ever holding it, and the file stays small (deflate shrinks a run
/// about a thousandfold); only what a reader inflates is large.</summary>
internal static class HandmadeWorkbook
{
    /// <summary>A run of one ASCII character, written in 1 MB blocks.</summary>
    public readonly record struct Run(char Char, long Count);

    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly Lazy<byte[]> InlineBomb = new(() => Sheet(Cell("A2", new Run('A', BombChars))));
    private static readonly Lazy<byte[]> SharedBomb = new(() =>
        Sheet(["<c r=\"A2\" t=\"s\"><v>0</v></c>"], shared: ["<si><t>", new Run('A', BombChars), "</t></si>"])
    );

    /// <summary>The size of the one cell of <see cref="Bomb"/>: 128 MB of text.</summary>
    public const long BombChars = 128L * 1024 * 1024;

    /// <summary>A workbook whose cell A2 holds <see cref="BombChars"/> characters, as an inline string or as a
    /// shared string; built once per test run and shared, since deflating 128 MB takes a moment.</summary>
    public static byte[] Bomb(bool shared) => shared ? SharedBomb.Value : InlineBomb.Value;

    /// <summary>An inline-string cell.</summary>
    public static object[] Cell(string reference, params object[] text) =>
        [$"<c r=\"{reference}\" t=\"inlineStr\"><is><t>", .. text, "</t></is></c>"];

    /// <summary>A workbook of one sheet whose sheetData holds <paramref name="sheetData"/> (rows, or cells that
    /// go into row 2), with a shared-string table of the given items when there are some.</summary>
    public static byte[] Sheet(object[] sheetData, object[]? shared = null, string? styles = null)
    {
        var data =
            sheetData.FirstOrDefault() is string s && s.StartsWith("<row", StringComparison.Ordinal)
                ? sheetData
                : ["<row r=\"2\">", .. sheetData, "</row>"];
        var rels =
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + (
                shared is null
                    ? ""
                    : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            )
            + (
                styles is null
                    ? ""
                    : "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/styles\" Target=\"styles.xml\"/>"
            );
        var parts = new List<(string, object[])>
        {
            (
                "[Content_Types].xml",
                [
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.re"
                        + "lationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformat"
                        + "s-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.spreadsheetml.styles+xml\"/></Types>",
                ]
            ),
            (
                "_rels/.rels",
                [
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlfo"
                        + "rmats.org/"
                        + "package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                        + "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                ]
            ),
            (
                "xl/workbook.xml",
                [
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://"
                        + $"schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                ]
            ),
            (
                "xl/_rels/workbook.xml.rels",
                [
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlfo"
                        + "rmats.org/"
                        + "package/2006/relationships\">"
                        + rels
                        + "</Relationships>",
                ]
            ),
            (
                "xl/worksheets/sheet1.xml",
                [
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>",
                    .. data,
                    "</sheetData></worksheet>",
                ]
            ),
        };
        if (shared is not null)
            parts.Add(
                (
                    "xl/sharedStrings.xml",
                    [$"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">", .. shared, "</sst>"]
                )
            );
        if (styles is not null)
            parts.Add(
                (
                    "xl/styles.xml",
                    [$"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{Main}\">{styles}</styleSheet>"]
                )
            );
        return Zip(parts);
    }

    /// <summary>A zip of the given parts, each written segment by segment: strings as UTF-8, runs in blocks.</summary>
    public static byte[] Zip(IEnumerable<(string Path, object[] Segments)> parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            foreach (var (path, segments) in parts)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                foreach (var segment in segments)
                {
                    if (segment is string text)
                    {
                        entry.Write(Encoding.UTF8.GetBytes(text));
                        continue;
                    }
                    var run = (Run)segment;
                    block.AsSpan().Fill((byte)run.Char);
                    for (var left = run.Count; left > 0; left -= block.Length)
                        entry.Write(block, 0, (int)Math.Min(left, block.Length));
                }
            }
        }
        return buffer.ToArray();
    }
}
