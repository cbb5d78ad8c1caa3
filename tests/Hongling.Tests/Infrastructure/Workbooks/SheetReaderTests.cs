using Hongling.Web.Infrastructure.Workbooks;
using static Hongling.Tests.Infrastructure.Workbooks.HandmadeWorkbook;

namespace Hongling.Tests.Infrastructure.Workbooks;

/// <summary>The reader's limits: a small file that inflates to a huge cell, tag or workbook stops the read with a
/// Chinese message before the excess is in memory (the allocations on the reading thread are measured).</summary>
public sealed class SheetReaderTests
{
    private const long Mb = 1024 * 1024;

    /// <summary>Runs the read on this thread and returns what it allocated on the managed heap with its
    /// outcome.</summary>
    private static (long Allocated, SheetReader? Sheet, Exception? Error) Measure(
        byte[] file,
        int keepRows = 100,
        int keepColumns = 30
    )
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        SheetReader? sheet = null;
        Exception? error = null;
        try
        {
            sheet = SheetReader.Read(file, keepRows, keepColumns);
        }
        catch (Exception e)
        {
            error = e;
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before, sheet, error);
    }

    [Theory, InlineData(false), InlineData(true)]
    public void ACellOf128MB_StopsAtExcelsCellLimit_NamingTheCell_AndAllocatesFarLessThanTheCell(bool shared)
    {
        var file = Bomb(shared);
        Assert.True(file.Length < Mb, $"the file is {file.Length} bytes");
        var (allocated, _, error) = Measure(file);
        var limit = Assert.IsType<WorkbookLimitException>(error);
        Assert.Equal(
            (2, 1, "单元格A2的内容超过32767个字符(Excel单元格的上限)"),
            (limit.Row, limit.Column, limit.Message)
        );
        Assert.True(
            allocated < BombChars / 8,
            $"{allocated:N0} bytes allocated for a cell of {BombChars:N0} characters"
        );
    }

    [Fact]
    public void AnAttributeOf16MB_IsRefusedAsMarkup_BeforeItIsInMemory()
    {
        var file = Sheet(["<c r=\"A2\" t=\"inlineStr\" x=\"", new Run('A', 16 * Mb), "\"><is><t>x</t></is></c>"]);
        var (allocated, _, error) = Measure(file);
        var limit = Assert.IsType<WorkbookLimitException>(error);
        Assert.Equal(
            (0, "文件中有超过256KB的XML标记,不是常规的Excel文件,请用Excel另存后再导入"),
            (limit.Row, limit.Message)
        );
        Assert.True(allocated < 2 * Mb, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void FormulaTextAndStrayText_AreSkippedInChunks_NotHeld()
    {
        var file = Sheet([
            "<row r=\"2\"><c r=\"A2\"><f>",
            new Run('1', 16 * Mb),
            "</f><v>1</v></c></row>",
            "<row r=\"3\">",
            new Run('x', 16 * Mb),
            "<c r=\"B3\" t=\"inlineStr\"><is><t>三</t></is></c></row>",
        ]);
        var (allocated, sheet, error) = Measure(file);
        Assert.Null(error);
        Assert.True(sheet!.At(2, 1).IsFormula);
        Assert.Equal(("三", 3), (sheet.At(3, 2).Text, sheet.LastRow));
        Assert.True(allocated < 4 * Mb, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void AWorkbookInflatingPast64MB_IsRefused()
    {
        var (_, _, error) = Measure(Sheet(["<row r=\"2\">", new Run(' ', 65 * Mb), "</row>"]));
        var limit = Assert.IsType<WorkbookLimitException>(error);
        Assert.Equal((0, 0, "文件解压后超过64MB,请分批导入"), (limit.Row, limit.Column, limit.Message));
    }

    [Fact]
    public void TextKeptPast16MillionCharacters_IsRefused()
    {
        // 500 cells of 32,767 characters: each within Excel's limit, together past what a file may keep.
        var rows = Enumerable
            .Range(2, 500)
            .SelectMany(r =>
                (object[])[$"<row r=\"{r}\">", .. Cell($"A{r}", new Run('A', SheetReader.MaxCellChars)), "</row>"]
            )
            .ToArray();
        var (_, _, error) = Measure(Sheet(rows), keepRows: 1000);
        Assert.Equal("文件中的文字超过1600万字,请分批导入", Assert.IsType<WorkbookLimitException>(error).Message);
        // Rows past keepRows are counted, not kept: the same file read for 100 rows is within the limit.
        Assert.Null(Measure(Sheet(rows), keepRows: 100).Error);
    }

    [Fact]
    public void MoreThanAMillionSharedStrings_AreRefused()
    {
        var (_, _, error) = Measure(
            Sheet(
                ["<c r=\"A2\" t=\"s\"><v>0</v></c>"],
                shared: [string.Concat(Enumerable.Repeat("<si/>", SheetReader.MaxSharedStrings + 1))]
            )
        );
        Assert.Equal("文件中的文字条目超过100万条,请分批导入", Assert.IsType<WorkbookLimitException>(error).Message);
    }

    [Fact]
    public void ASharedStringPastTheCellLimit_NamesTheCellUsingIt_OrTheFileWhenNoneDoes()
    {
        object[] strings =
        [
            "<si><t>短</t></si><si><t>",
            new Run('B', SheetReader.MaxCellChars + 1),
            "</t></si><si><t>后</t></si>",
        ];
        var (_, _, error) = Measure(
            Sheet(
                [
                    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>2</v></c></row>",
                    "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>1</v></c></row>",
                ],
                shared: strings
            )
        );
        var limit = Assert.IsType<WorkbookLimitException>(error);
        Assert.Equal(
            (3, 3, "单元格C3的内容超过32767个字符(Excel单元格的上限)"),
            (limit.Row, limit.Column, limit.Message)
        );

        (_, _, error) = Measure(Sheet(["<c r=\"A2\" t=\"s\"><v>0</v></c>"], shared: strings));
        Assert.Equal(
            (0, "文件中有超过32767个字符的文字(Excel单元格的上限)"),
            (((WorkbookLimitException)error!).Row, error.Message)
        );
    }

    [Fact]
    public void RichText_WithoutItsPhoneticRuns_CellsWithoutReferences_DatesByStyle_AndKeptRowsAndColumns()
    {
        const string styles =
            "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\"/"
            + "><xf numFmtId=\"164\"/></cellXfs>";
        var file = Sheet(
            [
                // row 1, columns A to C
                "<row><c t=\"s\"><v>0</v></c><c s=\"0\"><v>42</v></c><c s=\"1\"><v>40725</v></c></row>",
                "<row r=\"4\"><c r=\"AD4\" t=\"inlineStr\"><is><r><t>远</t></r><rPh sb=\"0\" eb=\"1\"><t>とお</"
                    + "t></rPh></is></c></row>",
                "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>后</t></is></c></row>",
            ],
            shared:
            [
                "<si><r><t>中</t></r><r><t xml:space=\"preserve\">文 </t></r><rPh sb=\"0\" eb=\"1\"><t>ちゅう</t></"
                    + "rPh><phoneticPr fontId=\"1\"/></si>",
            ],
            styles: styles
        );
        var sheet = SheetReader.Read(file, keepRows: 5, keepColumns: 3);
        Assert.Equal("中文 ", sheet.At(1, 1).Text);
        Assert.Equal((42d, (DateTime?)null), (sheet.At(1, 2).Number, sheet.At(1, 2).Date));
        Assert.Equal(new DateTime(2011, 7, 1), sheet.At(1, 3).Date);
        Assert.True(sheet.Rows.ContainsKey(4)); // its only cell is past the kept columns, the row is still there
        Assert.Empty(sheet.Rows[4]);
        Assert.False(sheet.Rows.ContainsKey(9));
        Assert.Equal(9, sheet.LastRow);
        Assert.Equal("远", SheetReader.Read(file, keepRows: 5, keepColumns: 30).At(4, 30).Text);
    }
}
