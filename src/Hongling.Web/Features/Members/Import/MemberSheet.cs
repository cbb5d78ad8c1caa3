using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Workbooks;

namespace Hongling.Web.Features.Members.Import;

/// <summary>The member workbook's columns, shared by the import template, the import and the export.</summary>
public static class MemberSheet
{
    public sealed record Column(string Header, string Field, double Width, string Hint);

    public static readonly Column[] Columns =
    [
        new("姓名", nameof(MemberInput.Name), 10, "必填"),
        new("性别", nameof(MemberInput.Gender), 6, "男 / 女"),
        new("民族", nameof(MemberInput.Ethnicity), 8, "如:汉族"),
        new("出生日期", nameof(MemberInput.BirthDate), 12, "如:1980-01-31"),
        new("身份证号码", nameof(MemberInput.IdNumber), 22, "18位,请设置为文本格式"),
        new("手机号码", nameof(MemberInput.Mobile), 14, "11位"),
        new(
            "学历",
            nameof(MemberInput.Education),
            12,
            string.Join(" / ", Enum.GetValues<Education>().Select(Labels.Of))
        ),
        new("入党日期", nameof(MemberInput.JoinedOn), 12, "如:2010-07-01"),
        new("党员类别", nameof(MemberInput.Status), 10, "正式党员 / 预备党员"),
        new("所在党支部编码", nameof(MemberInput.OrganizationId), 16, "见组织架构中的组织编码"),
        new("流动党员", nameof(MemberInput.IsFloating), 8, "是 / 否(可空)"),
        new("流动方向", nameof(MemberInput.FloatingDirection), 8, "流出 / 流入(流动党员必填)"),
        new("流向/来源地", nameof(MemberInput.FloatingPlace), 16, "流动党员必填"),
        new("流动期间联系方式", nameof(MemberInput.FloatingContact), 16, "可空"),
        new("流动开始日期", nameof(MemberInput.FloatingSince), 12, "流动党员必填,如:2024-03-01"),
        new("籍贯", nameof(MemberInput.NativePlace), 12, "可空,如:重庆江津"),
        new("学位", nameof(MemberInput.Degree), 8, "学士 / 硕士 / 博士(可空)"),
        new("工作岗位", nameof(MemberInput.Occupation), 12, "可空,如:教师"),
        new("工作单位", nameof(MemberInput.WorkUnit), 20, "可空"),
        new("职务", nameof(MemberInput.Position), 10, "可空"),
        new("家庭住址", nameof(MemberInput.HomeAddress), 24, "可空"),
        new("转正日期", nameof(MemberInput.FullMemberOn), 12, "正式党员可填,如:2011-07-01"),
    ];

    public static string HeaderOf(string field) => Columns.First(c => c.Field == field).Header;

    /// <summary>The template's header of a 1-based column, or its letters past the template.</summary>
    public static string HeaderAt(int column) =>
        column <= Columns.Length ? Columns[column - 1].Header : SheetReader.ColumnName(column);

    /// <summary>A workbook with the header row in bold and widths set by hand (AdjustToContents needs
    /// System.Drawing, which Linux lacks). Text format keeps 18-digit ID numbers intact.</summary>
    public static (XLWorkbook Book, IXLWorksheet Sheet) NewBook(
        string sheetName,
        IReadOnlyList<string> headers,
        IReadOnlyList<double> widths
    )
    {
        var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.Cell(1, i + 1).Value = headers[i];
            sheet.Column(i + 1).Width = widths[i];
            sheet.Column(i + 1).Style.NumberFormat.Format = "@";
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        return (book, sheet);
    }

    public static byte[] Template()
    {
        var (book, sheet) = NewBook(
            "党员信息",
            Columns.Select(c => c.Header).ToList(),
            Columns.Select(c => c.Width).ToList()
        );
        using (book)
        {
            var help = book.Worksheets.Add("填写说明");
            help.Cell(1, 1).Value = "列";
            help.Cell(1, 2).Value = "填写要求";
            for (var i = 0; i < Columns.Length; i++)
            {
                help.Cell(i + 2, 1).Value = Columns[i].Header;
                help.Cell(i + 2, 2).Value = Columns[i].Hint;
            }
            help.Column(1).Width = 16;
            help.Column(2).Width = 60;
            help.Cell(Columns.Length + 3, 1).Value =
                "从“党员信息”表第2行起每行填写一名党员;每次最多导入10000名。不要合并单元格,不要使用公式。";
            return Save(book);
        }
    }

    /// <summary>A clean import file of <paramref name="rows"/> members spread over the given branch codes
    /// (region 110105, which the demo generator never uses), for the import benchmark. Files made with
    /// different <paramref name="start"/> values that do not overlap hold different people.</summary>
    public static byte[] Sample(int rows, IReadOnlyList<string> branchCodes, int start = 0)
    {
        var (book, sheet) = NewBook(
            "党员信息",
            Columns.Select(c => c.Header).ToList(),
            Columns.Select(c => c.Width).ToList()
        );
        using (book)
        {
            for (var n = 0; n < rows; n++)
            {
                var i = start + n;
                var birth = new DateOnly(1950, 1, 1).AddDays(i % 12000);
                var first17 = $"110105{birth:yyyyMMdd}{i / 12000 % 1000:D3}";
                string[] values =
                [
                    $"导入{i}",
                    i % 2 == 0 ? "男" : "女",
                    "汉族",
                    birth.ToString("yyyy-MM-dd"),
                    first17 + IdNumber.CheckCharFor(first17),
                    $"139{i:D8}",
                    "大学本科",
                    birth.AddYears(25).ToString("yyyy-MM-dd"),
                    "正式党员",
                    branchCodes[i % branchCodes.Count],
                    "否",
                ];
                for (var c = 0; c < values.Length; c++)
                    sheet.Cell(n + 2, c + 1).SetValue(values[c]);
            }
            return Save(book);
        }
    }

    public static byte[] Save(XLWorkbook book)
    {
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
