using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hongling.Web.Features.Members.Import;

/// <summary>Reads the first worksheet of an .xlsx file as rows of cells, streaming through the sheet with the
/// Open XML SDK's reader (ClosedXML builds a whole object model first, several times slower for a 10,000-row
/// file). It keeps what the import checks: each cell's text, whether it is a formula, a number or a date, and
/// whether the sheet has merged cells.</summary>
public sealed class SheetReader
{
    /// <summary>A cell: Number for a plain numeric value, Date for a number shown as a date.</summary>
    public sealed record Cell(string Text, bool IsFormula = false, double? Number = null, DateTime? Date = null);

    public bool HasSheet { get; private init; }
    public bool HasMergedCells { get; private init; }
    /// <summary>The last row with a non-empty cell (1 for a sheet with only a header, 0 for an empty one).</summary>
    public int LastRow { get; private init; }
    /// <summary>Rows by their 1-based number, cells by their 1-based column; rows after <c>keepRows</c> are counted, not kept.</summary>
    public IReadOnlyDictionary<int, Dictionary<int, Cell>> Rows { get; private init; } = new Dictionary<int, Dictionary<int, Cell>>();

    public Cell At(int row, int column) => Rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell : Empty;

    private static readonly Cell Empty = new("");

    public static SheetReader Read(byte[] bytes, int keepRows)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart;
        var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || first?.Id?.Value is not { } partId) return new SheetReader();
        var sheet = (WorksheetPart)workbook.GetPartById(partId);
        var strings = SharedStrings(workbook.SharedStringTablePart);
        var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);

        var rows = new Dictionary<int, Dictionary<int, Cell>>();
        var merged = false;
        var last = 0;
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(MergeCell)) merged = true;
            if (reader.ElementType != typeof(DocumentFormat.OpenXml.Spreadsheet.Cell)) continue;
            // Attributes and children are read off the stream: no element objects for 200,000 cells.
            string? reference = null, type = null, style = null;
            foreach (var a in reader.Attributes)
                switch (a.LocalName) { case "r": reference = a.Value; break; case "t": type = a.Value; break; case "s": style = a.Value; break; }
            var (formula, value, inline) = ReadCellBody(reader);
            var (row, column) = Position(reference);
            if (row == 0) continue;
            var cell = Convert(type, style, formula, value, inline, strings, dateStyles);
            if (cell.Text.Length == 0 && !cell.IsFormula) continue;
            last = Math.Max(last, row);
            if (row > keepRows) continue;
            if (!rows.TryGetValue(row, out var cells)) rows[row] = cells = [];
            cells[column] = cell;
        }
        return new SheetReader { HasSheet = true, HasMergedCells = merged, LastRow = last, Rows = rows };
    }

    /// <summary>From a cell's start to its end: whether it has a formula, its value, its inline string.</summary>
    private static (bool Formula, string Value, string? Inline) ReadCellBody(OpenXmlReader reader)
    {
        var formula = false;
        var value = "";
        System.Text.StringBuilder? inline = null;
        while (reader.Read())
        {
            if (reader.IsEndElement)
            {
                if (reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.Cell)) break;
                continue;
            }
            if (reader.ElementType == typeof(CellFormula)) formula = true;
            else if (reader.ElementType == typeof(CellValue)) value = reader.GetText();
            else if (reader.ElementType == typeof(InlineString)) inline = new();
            else if (inline is not null && reader.ElementType == typeof(Text)) inline.Append(reader.GetText());
        }
        return (formula, value, inline?.ToString());
    }

    private static Cell Convert(string? type, string? style, bool formula, string raw, string? inline, string[] strings, HashSet<uint> dateStyles)
    {
        if (type == "s")
            return new Cell(int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? strings[i] : "", formula);
        if (type == "inlineStr") return new Cell(inline ?? "", formula);
        if (type is null or "n")
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new Cell(raw, formula);
            if (uint.TryParse(style, CultureInfo.InvariantCulture, out var s) && dateStyles.Contains(s) && number is > -657435 and < 2958466)
                return new Cell(raw, formula, Date: DateTime.FromOADate(number));
            return new Cell(raw, formula, Number: number);
        }
        return new Cell(raw, formula);
    }

    /// <summary>"AB12" → (12, 28).</summary>
    private static (int Row, int Column) Position(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return (0, 0);
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return int.TryParse(reference.AsSpan(i), CultureInfo.InvariantCulture, out var row) ? (row, column) : (0, 0);
    }

    private static string[] SharedStrings(SharedStringTablePart? part)
    {
        if (part is null) return [];
        var result = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem)) result.Add(reader.LoadCurrentElement()?.InnerText ?? "");
        return [.. result];
    }

    /// <summary>The cell formats that show a number as a date: the built-in date formats, and custom formats
    /// whose code has a year, month or day outside quotes and brackets.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        uint index = 0;
        foreach (var xf in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 || custom.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsDateCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var inQuotes = false;
        var inBrackets = false;
        foreach (var ch in code)
        {
            if (ch == '"') inQuotes = !inQuotes;
            else if (!inQuotes && ch == '[') inBrackets = true;
            else if (!inQuotes && ch == ']') inBrackets = false;
            else if (!inQuotes && !inBrackets && ch is 'y' or 'Y' or 'd' or 'D' or 'm' or 'M') return true;
        }
        return false;
    }
}
