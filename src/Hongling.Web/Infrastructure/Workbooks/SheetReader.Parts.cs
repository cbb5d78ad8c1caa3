using System.Globalization;
using System.Xml;

namespace Hongling.Web.Infrastructure.Workbooks;

/// <summary>The parts the reader reads: the workbook (which sheet is first), the styles (which cell formats
/// are dates), the shared strings and the sheet itself.</summary>
public sealed partial class SheetReader
{
    private static readonly string[] RelationshipNamespaces =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ];

    /// <summary>The shared strings read, and the index of the first one past <see cref="MaxCellChars"/>
    /// (-1 when none is): the table is read no further than that string.</summary>
    private sealed record SharedTable(List<string> Items, int TooLong);

    /// <summary>Reads the sheet into this reader, which is the result.</summary>
    private SheetReader ReadSheet(
        WorkbookPackage package,
        string part,
        SharedTable strings,
        HashSet<uint> dateStyles,
        int keepRows,
        int keepColumns
    )
    {
        var rows = new Dictionary<int, Dictionary<int, Cell>>();
        var merged = false;
        int last = 0,
            row = 0,
            column = 0;
        using (var xml = package.Open(part))
            while (ReadMarkup(xml))
            {
                if (xml.NodeType != XmlNodeType.Element)
                    continue;
                if (IsMain(xml, "mergeCell"))
                    merged = true;
                else if (IsMain(xml, "row"))
                {
                    // r is optional on rows and cells: without it a row follows the last one, a cell the last cell.
                    row =
                        int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r)
                        && r > 0
                            ? r
                            : row + 1;
                    column = 0;
                }
                else if (IsMain(xml, "c"))
                {
                    string? type = xml.GetAttribute("t"),
                        style = xml.GetAttribute("s");
                    var (r, c) = Position(xml.GetAttribute("r"));
                    (row, column) = r > 0 ? (r, c) : (Math.Max(row, 1), column + 1);
                    var cell = ReadCell(xml, type, style, strings, dateStyles, row, column);
                    if (cell.Text.Length == 0 && !cell.IsFormula)
                        continue;
                    last = Math.Max(last, row);
                    if (row > keepRows)
                        continue;
                    if (!rows.TryGetValue(row, out var cells))
                        rows[row] = cells = [];
                    if (column > keepColumns)
                        continue;
                    if (type != "s")
                        Keep(cell.Text); // a shared string was counted once, in the table
                    cells[column] = cell;
                }
            }
        // A string past the limit that no cell of this sheet uses (Excel never writes one) still refuses the file.
        if (strings.TooLong >= 0)
            throw new WorkbookLimitException($"文件中有超过{MaxCellChars}个字符的文字(Excel单元格的上限)");
        (HasSheet, HasMergedCells, LastRow, Rows) = (true, merged, last, rows);
        return this;
    }

    /// <summary>From a cell's start to its end: whether it has a formula (its text is skipped), its value, its
    /// inline string; then the cell those make.</summary>
    private Cell ReadCell(
        XmlReader xml,
        string? type,
        string? style,
        SharedTable strings,
        HashSet<uint> dateStyles,
        int row,
        int column
    )
    {
        var formula = false;
        string raw = "",
            inline = "";
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (ReadMarkup(xml) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                    continue;
                if (IsMain(xml, "f"))
                    formula = true;
                else if (IsMain(xml, "v") || IsMain(xml, "is"))
                {
                    var rich = xml.LocalName == "is";
                    if (!ReadContent(xml, rich))
                        throw new WorkbookLimitException(TooLong(row, column), row, column);
                    if (rich)
                        inline = _text.ToString();
                    else
                        raw = _text.ToString();
                }
            }
        }
        if (type == "s")
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                return new Cell("", formula);
            if (i == strings.TooLong)
                throw new WorkbookLimitException(TooLong(row, column), row, column);
            return new Cell(i < strings.Items.Count ? strings.Items[i] : "", formula);
        }
        if (type == "inlineStr")
            return new Cell(inline, formula);
        if (type is null or "n")
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return new Cell(raw, formula);
            if (
                uint.TryParse(style, CultureInfo.InvariantCulture, out var s)
                && dateStyles.Contains(s)
                && number is > -657435 and < 2958466
            )
                return new Cell(raw, formula, Date: DateTime.FromOADate(number));
            return new Cell(raw, formula, Number: number);
        }
        return new Cell(raw, formula);
    }

    /// <summary>The shared-string table up to its first string past the cell limit. Phonetic runs (rPh, the
    /// reading guides of East Asian text) are not part of a string's text.</summary>
    private SharedTable SharedStrings(WorkbookPackage package, string part)
    {
        var items = new List<string>();
        using var xml = package.Open(part);
        while (ReadMarkup(xml))
        {
            if (xml.NodeType != XmlNodeType.Element || !IsMain(xml, "si"))
                continue;
            if (items.Count == MaxSharedStrings)
                throw new WorkbookLimitException($"文件中的文字条目超过{MaxSharedStrings / 10_000}万条,请分批导入");
            if (!ReadContent(xml, rich: true))
                return new SharedTable(items, items.Count);
            items.Add(_text.Length == 0 ? "" : Keep(_text.ToString()));
        }
        return new SharedTable(items, -1);
    }

    /// <summary>The relationship id of the workbook's first sheet, in the workbook's order.</summary>
    private static string? FirstSheetId(WorkbookPackage package, string workbook)
    {
        using var xml = package.Open(workbook);
        var chunk = new char[1024];
        while (WorkbookPackage.ReadMarkup(xml, chunk))
            if (xml.NodeType == XmlNodeType.Element && IsMain(xml, "sheet"))
                return RelationshipNamespaces
                    .Select(ns => xml.GetAttribute("id", ns))
                    .FirstOrDefault(id => id is not null);
        return null;
    }

    /// <summary>The cell formats (indexes into cellXfs) that show a number as a date: the built-in date formats,
    /// and custom formats whose code has a year, month or day outside quotes and brackets.</summary>
    private HashSet<uint> DateStyles(WorkbookPackage package, string part)
    {
        var custom = new HashSet<uint>();
        var result = new HashSet<uint>();
        uint index = 0;
        var cellXfs = -1; // depth of the open cellXfs element (cellStyleXfs holds xf elements too)
        using var xml = package.Open(part);
        while (ReadMarkup(xml))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellXfs)
                cellXfs = -1;
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (IsMain(xml, "numFmt"))
            {
                if (
                    uint.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id)
                    && IsDateCode(xml.GetAttribute("formatCode"))
                )
                    custom.Add(id);
            }
            else if (IsMain(xml, "cellXfs") && !xml.IsEmptyElement)
                cellXfs = xml.Depth;
            else if (cellXfs >= 0 && xml.Depth == cellXfs + 1 && IsMain(xml, "xf"))
            {
                var id = uint.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                if (
                    id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58
                    || custom.Contains(id)
                )
                    result.Add(index);
                index++;
            }
        }
        return result;
    }

    private static bool IsDateCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return false;
        var inQuotes = false;
        var inBrackets = false;
        foreach (var ch in code)
        {
            if (ch == '"')
                inQuotes = !inQuotes;
            else if (!inQuotes && ch == '[')
                inBrackets = true;
            else if (!inQuotes && ch == ']')
                inBrackets = false;
            else if (!inQuotes && !inBrackets && ch is 'y' or 'Y' or 'd' or 'D' or 'm' or 'M')
                return true;
        }
        return false;
    }
}
