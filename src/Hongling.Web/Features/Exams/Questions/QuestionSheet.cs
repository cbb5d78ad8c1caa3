using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Workbooks;

namespace Hongling.Web.Features.Exams.Questions;

/// <summary>The question workbook: one layout for the import template and the export, so an export can
/// be edited and imported again. 正确答案: letters for choices (A or ACD), 正确/错误 for true/false, and
/// for fill-in the blanks separated by ";" with alternatives separated by "|".</summary>
public static class QuestionSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static readonly string[] Letters = ["A", "B", "C", "D", "E", "F"];
    public static readonly (string Header, string Field, double Width, string Help)[] Columns =
    [
        ("题型", "Type", 10, "单选题、多选题、判断题、填空题或简答题"),
        ("分类", "Category", 20, "题库中已有的分类,子分类写作“党史/新中国史”"),
        ("题干", "Stem", 50, "必填,最多2000字;填空题的空用“____”表示"),
        .. Letters.Select(l => ($"选项{l}", "Options", 20.0, "单选、多选题的选项,至少两个")),
        (
            "正确答案",
            "Answer",
            14,
            "选择题填字母(如 A 或 ACD);判断题填“正确”或“错误”;填空题各空用;分隔,同一空的多个答案用|分隔"
        ),
        ("难度", "Difficulty", 8, "1到5,默认3"),
        ("分值", "Points", 8, "大于0,默认1"),
        ("解析", "Explanation", 30, "可不填"),
    ];

    public static string HeaderOf(string field) => Columns.FirstOrDefault(c => c.Field == field).Header ?? "";

    /// <summary>The template's header of a 1-based column, or its letters past the template.</summary>
    public static string HeaderAt(int column) =>
        column <= Columns.Length ? Columns[column - 1].Header : SheetReader.ColumnName(column);

    public static byte[] Template()
    {
        using var book = NewBook(out var sheet);
        string[] example =
        [
            "单选题",
            "党史",
            "中国共产党成立于哪一年?",
            "1921年",
            "1927年",
            "1949年",
            "1919年",
            "",
            "",
            "A",
            "1",
            "2",
            "1921年7月党的一大召开。",
        ];
        for (var c = 0; c < example.Length; c++)
            sheet.Cell(2, c + 1).SetValue(example[c]);
        var help = book.Worksheets.Add("填写说明");
        for (var i = 0; i < Columns.Length; i++)
        {
            help.Cell(i + 1, 1).SetValue(Columns[i].Header);
            help.Cell(i + 1, 2).SetValue(Columns[i].Help);
        }
        help.Column(1).Width = 12;
        help.Column(2).Width = 90;
        return Save(book);
    }

    public static byte[] Export(IEnumerable<(Question Question, string Category)> rows)
    {
        using var book = NewBook(out var sheet);
        var r = 2;
        foreach (var (q, category) in rows)
        {
            var options = q.Type is QuestionType.Single or QuestionType.Multiple ? q.Options : [];
            var answer = q.Type switch
            {
                QuestionType.Single or QuestionType.Multiple => string.Concat(
                    options.Select((o, i) => o.Correct ? Letters[i] : "")
                ),
                QuestionType.TrueFalse => q.Options.FirstOrDefault()?.Correct == true ? "正确" : "错误",
                QuestionType.FillIn => string.Join(";", q.Blanks.Select(b => string.Join("|", b))),
                _ => "",
            };
            string[] values =
            [
                ExamLabels.Of(q.Type),
                category,
                q.Stem,
                .. Letters.Select((_, i) => i < options.Count ? options[i].Text : ""),
                answer,
                q.Difficulty.ToString(),
                q.Points.ToString("0.##"),
                q.Explanation ?? "",
            ];
            for (var c = 0; c < values.Length; c++)
                sheet.Cell(r, c + 1).SetValue(values[c]);
            r++;
        }
        return Save(book);
    }

    private static XLWorkbook NewBook(out IXLWorksheet sheet)
    {
        var book = new XLWorkbook();
        sheet = book.Worksheets.Add("题目");
        for (var i = 0; i < Columns.Length; i++)
        {
            sheet.Cell(1, i + 1).SetValue(Columns[i].Header);
            sheet.Column(i + 1).Width = Columns[i].Width;
            sheet.Column(i + 1).Style.NumberFormat.Format = "@";
        }
        return book;
    }

    private static byte[] Save(XLWorkbook book)
    {
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
