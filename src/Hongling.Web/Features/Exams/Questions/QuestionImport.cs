using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams.Questions;

/// <summary>Imports a question workbook into one bank, all or nothing: every row is checked (type,
/// category by its path in that bank, the question's own rules) and any problem, reported by row and
/// column, imports nothing.</summary>
public sealed class QuestionImport(HonglingDb db, TimeProvider clock, ExamPools pools)
{
    public const int MaxRows = 5_000;
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record Problem(int Row, string Column, string Message);

    public sealed record Result(List<Problem> Problems, int Imported);

    private static Result FileProblem(string message) => new([new Problem(0, "", message)], 0);

    public async Task<Result> ImportAsync(byte[] bytes, int bankId, CancellationToken ct = default)
    {
        var bank = await db
            .AdministeredOrganizations.Where(o => o.Id == bankId)
            .Select(o => new { o.Id })
            .FirstOrDefaultAsync(ct);
        if (bank is null)
            return FileProblem("请选择所属题库");
        if (bytes.Length == 0)
            return FileProblem("文件是空的,请选择填写好的导入模板");
        if (bytes.Length > MaxBytes)
            return FileProblem("文件超过5MB,请分批导入");
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
            return FileProblem("文件不是Excel(.xlsx)格式,请使用下载的导入模板");
        SheetReader sheet;
        try
        {
            sheet = SheetReader.Read(bytes, keepRows: MaxRows + 1, keepColumns: QuestionSheet.Columns.Length);
        }
        catch (WorkbookLimitException e)
        {
            return new([new Problem(e.Row, e.Column == 0 ? "" : QuestionSheet.HeaderAt(e.Column), e.Message)], 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return FileProblem("文件已损坏或不是有效的Excel(.xlsx)文件");
        }
        if (!sheet.HasSheet)
            return FileProblem("文件中没有工作表");
        if (sheet.HasMergedCells)
            return FileProblem("表格中有合并单元格,请取消合并后再导入");
        var wrong = QuestionSheet
            .Columns.Where((c, i) => sheet.At(1, i + 1).Text.Trim() != c.Header)
            .Select(c => c.Header)
            .ToList();
        if (wrong.Count > 0)
            return FileProblem($"表头与模板不符,缺少或改动了这些列:{string.Join("、", wrong)}。请使用下载的导入模板");
        if (sheet.LastRow < 2)
            return FileProblem("文件中没有题目");
        if (sheet.LastRow - 1 > MaxRows)
            return FileProblem($"文件有{sheet.LastRow - 1}行,每次最多导入{MaxRows}题,请分批导入");

        var categories = await db
            .QuestionCategories.AsNoTracking()
            .Where(c => c.OrganizationId == bank.Id)
            .ToListAsync(ct);
        var byPath = categories.ToDictionary(
            c => QuestionBank.PathName(categories, c.Id).Replace(" / ", "/"),
            c => c.Id
        );
        var types = Enum.GetValues<QuestionType>().ToDictionary(ExamLabels.Of);
        var problems = new List<Problem>();
        var questions = new List<Question>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var r = 2; r <= sheet.LastRow; r++)
        {
            if (!sheet.Rows.ContainsKey(r))
                continue;
            string Text(int column) => sheet.At(r, column + 1).Text.Trim();
            void Add(string field, string message) =>
                problems.Add(new Problem(r, QuestionSheet.HeaderOf(field), message));
            // A formula's cached value is whatever Excel last computed: refused, as in the member import.
            var formulas = Enumerable
                .Range(1, QuestionSheet.Columns.Length)
                .Where(c => sheet.At(r, c).IsFormula)
                .ToList();
            foreach (var c in formulas)
                problems.Add(
                    new Problem(
                        r,
                        QuestionSheet.HeaderAt(c),
                        $"单元格{SheetReader.ColumnName(c)}{r}是公式,不支持公式,请复制后“粘贴为数值”"
                    )
                );
            if (formulas.Count > 0)
                continue;
            if (QuestionSheet.Columns.Select((_, i) => Text(i)).All(t => t.Length == 0))
                continue;
            if (!types.TryGetValue(Text(0), out var type))
            {
                Add("Type", $"题型“{Text(0)}”无效,应为单选题、多选题、判断题、填空题或简答题");
                continue;
            }
            var categoryPath = string.Join(
                "/",
                Text(1).Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            );
            if (!byPath.TryGetValue(categoryPath, out var categoryId))
                Add("Category", $"分类“{Text(1)}”在该题库中不存在,请先建立分类");
            var input = new QuestionInput
            {
                Type = type,
                CategoryId = categoryId,
                Stem = Text(2),
                Explanation = Text(12),
            };
            for (var i = 0; i < QuestionInput.MaxOptions; i++)
                input.Options[i] = Text(3 + i);
            var answer = Text(9);
            switch (type)
            {
                case QuestionType.Single or QuestionType.Multiple:
                    var letters = answer
                        .ToUpperInvariant()
                        .Where(ch => !char.IsWhiteSpace(ch) && ch != ',' && ch != ',')
                        .ToList();
                    if (letters.Any(ch => ch < 'A' || ch > 'F' || string.IsNullOrWhiteSpace(input.Options[ch - 'A'])))
                        Add("Answer", $"正确答案“{answer}”应为有内容的选项字母,如 A 或 ACD");
                    else
                        foreach (var ch in letters)
                            input.Correct[ch - 'A'] = true;
                    break;
                case QuestionType.TrueFalse:
                    if (answer is "正确" or "对" or "√")
                        input.IsTrue = true;
                    else if (answer is "错误" or "错" or "×")
                        input.IsTrue = false;
                    else
                        Add("Answer", "判断题的正确答案应为“正确”或“错误”");
                    break;
                case QuestionType.FillIn:
                    input.Blanks = string.Join("\n", answer.Split([';', ';']));
                    break;
            }
            input.Difficulty =
                Text(10).Length == 0 ? 3
                : int.TryParse(Text(10), out var d) ? d
                : 0;
            input.Points =
                Text(11).Length == 0 ? 1
                : decimal.TryParse(Text(11), out var p) ? p
                : 0;
            foreach (var problem in input.Problems())
                Add(problem.Field, problem.Message);
            if (problems.Count > 0)
                continue;
            var q = new Question
            {
                Stem = "",
                OrganizationId = bank.Id,
                UpdatedAt = now,
            };
            input.ApplyTo(q);
            questions.Add(q);
        }
        if (problems.Count > 0)
            return new Result(problems, 0);
        if (questions.Count == 0)
            return FileProblem("文件中没有题目");
        db.Questions.AddRange(questions);
        await db.SaveChangesAsync(ct); // one INSERT batch in one transaction: all or nothing
        pools.Invalidate();
        return new Result([], questions.Count);
    }
}
