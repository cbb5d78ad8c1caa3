using System.Globalization;
using System.Text;
using System.Xml;

namespace Hongling.Web.Infrastructure.Workbooks;

/// <summary>Reads the first worksheet of an .xlsx file as rows of cells: each cell's text, whether it is a formula,
/// a number or a date, and whether the sheet has merged cells. It streams the parts with XmlReader and takes text
/// in chunks under fixed limits, because a 5 MB upload can inflate to gigabytes: a cell past
/// <see cref="MaxCellChars"/>, a file past <see cref="MaxInflatedBytes"/> inflated, <see cref="MaxTextChars"/>
/// kept or <see cref="MaxSharedStrings"/> shared strings, or markup past <see cref="MaxMarkupBytes"/> stops the
/// read with a <see cref="WorkbookLimitException"/> (a Chinese message, the cell when one is at fault) before the
/// excess is in memory.</summary>
public sealed partial class SheetReader
{
    /// <summary>Excel's own limit for one cell, in characters: no workbook Excel saved passes it.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Bytes inflated from the archive over every part read.</summary>
    public const long MaxInflatedBytes = 64L * 1024 * 1024;

    /// <summary>Characters kept in memory: the shared strings and the kept cells' own text.</summary>
    public const long MaxTextChars = 16_000_000;

    /// <summary>Entries of the shared-string table (each costs a reference even when empty).</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>One tag with its attributes, comment, CDATA section or processing instruction.</summary>
    public const int MaxMarkupBytes = 256 * 1024;

    /// <summary>A cell: Number for a plain numeric value, Date for a number shown as a date.</summary>
    public sealed record Cell(string Text, bool IsFormula = false, double? Number = null, DateTime? Date = null);

    public bool HasSheet { get; private set; }
    public bool HasMergedCells { get; private set; }

    /// <summary>The last row with a non-empty cell (1 for a sheet with only a header, 0 for an empty one).</summary>
    public int LastRow { get; private set; }

    /// <summary>Rows by their 1-based number, cells by their 1-based column. Rows after <c>keepRows</c> are counted,
    /// not kept; cells after <c>keepColumns</c> are not kept, though a row with one is (possibly empty).</summary>
    public IReadOnlyDictionary<int, Dictionary<int, Cell>> Rows { get; private set; } =
        new Dictionary<int, Dictionary<int, Cell>>();

    public Cell At(int row, int column) =>
        Rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell : Empty;

    private static readonly Cell Empty = new("");

    private static readonly string[] MainNamespaces =
    [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ];

    private readonly char[] _chunk = new char[4096];
    private readonly StringBuilder _text = new();
    private long _kept;

    public static SheetReader Read(byte[] bytes, int keepRows, int keepColumns)
    {
        using var package = new WorkbookPackage(bytes);
        var workbook = Target(package.Relationships(""), "officeDocument")
            ?? throw new InvalidDataException("No workbook part.");
        var parts = package.Relationships(workbook);
        if (
            FirstSheetId(package, workbook) is not { } id
            || !parts.TryGetValue(id, out var sheet)
            || sheet.Type != "worksheet"
            || !package.Has(sheet.Target)
        )
            return new SheetReader();
        var reader = new SheetReader();
        var dateStyles =
            Target(parts, "styles") is { } styles && package.Has(styles) ? reader.DateStyles(package, styles) : [];
        var strings =
            Target(parts, "sharedStrings") is { } shared && package.Has(shared)
                ? reader.SharedStrings(package, shared)
                : new SharedTable([], -1);
        return reader.ReadSheet(package, sheet.Target, strings, dateStyles, keepRows, keepColumns);
    }

    private static string? Target(Dictionary<string, (string Type, string Target)> relationships, string type) =>
        relationships.Values.Where(r => r.Type == type).Select(r => r.Target).FirstOrDefault();

    private static bool IsMain(XmlReader xml, string name) =>
        xml.LocalName == name && MainNamespaces.Contains(xml.NamespaceURI);

    private static bool IsText(XmlNodeType type) => WorkbookPackage.IsText(type);

    /// <summary>Reads from the current start element to its end and leaves its text in <see cref="_text"/>: all of
    /// it for a value (v), only the t elements outside phonetic runs (rPh) for rich text (is, si). Text is taken in
    /// chunks; false as soon as it passes <see cref="MaxCellChars"/>, the rest left unread.</summary>
    private bool ReadContent(XmlReader xml, bool rich)
    {
        _text.Clear();
        if (xml.IsEmptyElement)
            return true;
        var depth = xml.Depth;
        int t = -1,
            phonetic = -1; // depth of the open t and rPh elements, -1 outside them
        while (xml.Read())
        {
            if (IsText(xml.NodeType))
            {
                var keep = !rich || (t >= 0 && phonetic < 0);
                int n;
                while ((n = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    if (!keep)
                        continue;
                    if (_text.Length + n > MaxCellChars)
                        return false;
                    _text.Append(_chunk, 0, n);
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                if (xml.Depth == depth)
                    return true;
                if (xml.Depth == t)
                    t = -1;
                if (xml.Depth == phonetic)
                    phonetic = -1;
            }
            else if (rich && xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement)
            {
                if (phonetic < 0 && IsMain(xml, "rPh"))
                    phonetic = xml.Depth;
                else if (t < 0 && IsMain(xml, "t"))
                    t = xml.Depth;
            }
        }
        throw new XmlException("The part ends inside an element.");
    }

    private bool ReadMarkup(XmlReader xml) => WorkbookPackage.ReadMarkup(xml, _chunk);

    /// <summary>Counts text kept for the file against <see cref="MaxTextChars"/>.</summary>
    private string Keep(string text)
    {
        _kept += text.Length;
        if (_kept > MaxTextChars)
            throw new WorkbookLimitException($"文件中的文字超过{MaxTextChars / 10_000}万字,请分批导入");
        return text;
    }

    private static string TooLong(int row, int column) =>
        $"单元格{ColumnName(column)}{row}的内容超过{MaxCellChars}个字符(Excel单元格的上限)";

    /// <summary>1 → "A", 28 → "AB".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
            name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    /// <summary>"AB12" → (12, 28); (0, 0) when it is not a reference.</summary>
    private static (int Row, int Column) Position(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return (0, 0);
        var column = 0;
        var i = 0;
        for (; i < reference.Length && i < 3 && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return
            column > 0
            && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            && row > 0
            ? (row, column)
            : (0, 0);
    }
}
