using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Exams.Questions;

/// <summary>A question as typed in the form (and, later, in an import row): options A–F with their
/// correctness, blanks one per line with alternatives separated by "|". <see cref="Check"/> names every
/// problem.</summary>
public sealed class QuestionInput
{
    public const int MaxOptions = 6;
    public QuestionType Type { get; set; } = QuestionType.Single;
    public int CategoryId { get; set; }
    public string? Stem { get; set; }
    public string?[] Options { get; set; } = new string?[MaxOptions];
    public bool[] Correct { get; set; } = new bool[MaxOptions];

    /// <summary>True/false: whether the statement is true.</summary>
    public bool IsTrue { get; set; } = true;
    public string? Blanks { get; set; }
    public int Difficulty { get; set; } = 3;
    public decimal Points { get; set; } = 1;
    public string? Explanation { get; set; }

    public List<QuestionOption> ParsedOptions() =>
        Type == QuestionType.TrueFalse ? [new("正确", IsTrue), new("错误", !IsTrue)]
        : Type is QuestionType.Single or QuestionType.Multiple
            ?
            [
                .. Options
                    .Select((o, i) => (Text: o.NullIfBlank(), Correct: i < Correct.Length && Correct[i]))
                    .Where(o => o.Text is not null)
                    .Select(o => new QuestionOption(o.Text!, o.Correct)),
            ]
        : [];

    public List<List<string>> ParsedBlanks() =>
        Type != QuestionType.FillIn
            ? []
            :
            [
                .. (Blanks ?? "")
                    .Split('\n')
                    .Select(l => l.Split('|').Select(a => a.Trim()).Where(a => a.Length > 0).ToList())
                    .Where(b => b.Count > 0),
            ];

    public sealed record Problem(string Field, string Message);

    public List<string> Check() => [.. Problems().Select(p => p.Message)];

    /// <summary>Every problem with the field it concerns (Stem, Options, Blanks, Difficulty, Points,
    /// Explanation).</summary>
    public List<Problem> Problems()
    {
        var errors = new List<Problem>();
        void Add(string field, string message) => errors.Add(new(field, message));
        if (string.IsNullOrWhiteSpace(Stem))
            Add("Stem", "请填写题干");
        else if (Stem.Length > 2000)
            Add("Stem", "题干最多2000字");
        if (Difficulty is < 1 or > 5)
            Add("Difficulty", "难度应为1到5");
        if (Points is <= 0 or > 100)
            Add("Points", "分值应大于0且不超过100");
        if ((Explanation?.Length ?? 0) > 2000)
            Add("Explanation", "解析最多2000字");
        var options = ParsedOptions();
        if (Type is QuestionType.Single or QuestionType.Multiple)
        {
            if (options.Count < 2)
                Add("Options", "选择题至少要有两个选项");
            if (options.Any(o => o.Text.Length > 500))
                Add("Options", "选项最多500字");
            var correct = options.Count(o => o.Correct);
            if (Type == QuestionType.Single && correct != 1)
                Add("Answer", "单选题应有且只有一个正确选项");
            if (Type == QuestionType.Multiple && correct < 2)
                Add("Answer", "多选题至少要有两个正确选项");
        }
        if (Type == QuestionType.FillIn && ParsedBlanks().Count == 0)
            Add("Answer", "填空题至少要有一个空的参考答案(每行一个空,多个可接受答案用|分隔)");
        return errors;
    }

    public void ApplyTo(Question q)
    {
        q.Type = Type;
        q.CategoryId = CategoryId;
        q.Stem = Stem!.Trim();
        q.Options = ParsedOptions();
        q.Blanks = ParsedBlanks();
        q.Difficulty = Difficulty;
        q.Points = Points;
        q.Explanation = Explanation.NullIfBlank();
    }

    public static QuestionInput From(Question q)
    {
        var input = new QuestionInput
        {
            Type = q.Type,
            CategoryId = q.CategoryId,
            Stem = q.Stem,
            Difficulty = q.Difficulty,
            Points = q.Points,
            Explanation = q.Explanation,
            IsTrue = q.Type != QuestionType.TrueFalse || q.Options.FirstOrDefault()?.Correct == true,
            Blanks = string.Join("\n", q.Blanks.Select(b => string.Join("|", b))),
        };
        if (q.Type is QuestionType.Single or QuestionType.Multiple)
            for (var i = 0; i < q.Options.Count && i < MaxOptions; i++)
            {
                input.Options[i] = q.Options[i].Text;
                input.Correct[i] = q.Options[i].Correct;
            }
        return input;
    }
}
