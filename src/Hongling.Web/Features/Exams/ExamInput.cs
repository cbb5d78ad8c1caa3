using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Exams;

/// <summary>The exam form: times in China time, up to <see cref="MaxRules"/> draw rules (rows with a
/// count of 0 are ignored), fixed questions as "题号" or "题号:分值" separated by commas.</summary>
public sealed class ExamInput
{
    public const int MaxRules = 8;

    public sealed class RuleRow
    {
        public QuestionType Type { get; set; } = QuestionType.Single;
        public int? CategoryId { get; set; }
        public int Count { get; set; }
        public int MinDifficulty { get; set; } = 1;
        public int MaxDifficulty { get; set; } = 5;
        public decimal Points { get; set; } = 2;
    }

    public string? Title { get; set; }
    public string? Instructions { get; set; }
    public int OrganizationId { get; set; }
    public List<MemberStatus> Statuses { get; set; } = [];
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public int AttemptsAllowed { get; set; } = 1;
    public decimal PassMark { get; set; } = 60;

    /// <summary>When answers are shown; none chosen: after submission for one attempt, after the exam closes for
    /// more.</summary>
    public ShowAnswers? ShowAnswers { get; set; }

    /// <summary>The administrator confirms answers shown at submission although candidates may try again.</summary>
    public bool AnswersBeforeRetake { get; set; }
    public List<RuleRow> Rules { get; set; } =
    [.. Enumerable.Range(0, MaxRules).Select(_ => new RuleRow { Count = 0 })];
    public string? Fixed { get; set; }

    public List<string> Check(out List<FixedQuestion> fixedQuestions)
    {
        var errors = new List<string>();
        fixedQuestions = [];
        if (Title.NullIfBlank() is not { Length: <= 100 })
            errors.Add("请填写考试名称(最多100字)");
        if ((Instructions?.Length ?? 0) > 2000)
            errors.Add("考试说明最多2000字");
        if (ClosesAt <= OpensAt)
            errors.Add("结束时间应晚于开始时间");
        if (DurationMinutes is < 1 or > 600)
            errors.Add("考试时长应为1到600分钟");
        if (AttemptsAllowed is < 1 or > 20)
            errors.Add("允许参加次数应为1到20次");
        if (PassMark < 0)
            errors.Add("合格分数不能为负");
        if (AttemptsAllowed > 1 && ShowAnswers == Domain.ShowAnswers.AfterSubmission && !AnswersBeforeRetake)
            errors.Add(RetakeWarning + "请改为“考试结束后公布”,或勾选“仍要交卷后公布”。");
        for (var i = 0; i < Rules.Count; i++)
        {
            var r = Rules[i];
            if (r.Count == 0)
                continue;
            if (r.Count is < 0 or > 500)
                errors.Add($"第{i + 1}条规则:题数应为1到500");
            if (r.MinDifficulty is < 1 or > 5 || r.MaxDifficulty is < 1 or > 5 || r.MinDifficulty > r.MaxDifficulty)
                errors.Add($"第{i + 1}条规则:难度范围应在1到5之间且下限不大于上限");
            if (r.Points is <= 0 or > 100)
                errors.Add($"第{i + 1}条规则:每题分值应大于0且不超过100");
        }
        foreach (var part in (Fixed ?? "").Split([',', ',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var bits = part.Split([':', ':']);
            if (
                bits.Length is 1 or 2
                && int.TryParse(bits[0], out var id)
                && id > 0
                && (bits.Length == 1 || decimal.TryParse(bits[1], out var pts) && pts > 0 && pts <= 100)
            )
                fixedQuestions.Add(new FixedQuestion(id, bits.Length == 2 ? decimal.Parse(bits[1]) : 0));
            else
                errors.Add($"固定题“{part}”格式不正确,应为“题号”或“题号:分值”");
        }
        if (ActiveRules().Count == 0 && fixedQuestions.Count == 0)
            errors.Add("请至少设置一条抽题规则或一道固定题");
        return errors;
    }

    public const string RetakeWarning = "允许多次参加时,交卷后公布答案会让考生先看答案再重考。";

    public ShowAnswers EffectiveShowAnswers =>
        ShowAnswers ?? (AttemptsAllowed > 1 ? Domain.ShowAnswers.AfterClose : Domain.ShowAnswers.AfterSubmission);

    public List<ExamRule> ActiveRules() =>
        [
            .. Rules
                .Where(r => r.Count > 0)
                .Select(r => new ExamRule(r.Type, r.CategoryId, r.Count, r.MinDifficulty, r.MaxDifficulty, r.Points)),
        ];

    public static ExamInput From(Exam e)
    {
        var input = new ExamInput
        {
            Title = e.Title,
            Instructions = e.Instructions,
            OrganizationId = e.OrganizationId,
            Statuses = e.AudienceStatuses,
            OpensAt = e.OpensAt.ToChina(),
            ClosesAt = e.ClosesAt.ToChina(),
            DurationMinutes = e.DurationMinutes,
            AttemptsAllowed = e.AttemptsAllowed,
            PassMark = e.PassMark,
            ShowAnswers = e.ShowAnswers,
            AnswersBeforeRetake = e.AttemptsAllowed > 1 && e.ShowAnswers == Domain.ShowAnswers.AfterSubmission,
            Fixed = string.Join(",", e.Fixed.Select(f => $"{f.QuestionId}:{f.Points:0.##}")),
        };
        for (var i = 0; i < e.Rules.Count && i < MaxRules; i++)
        {
            var r = e.Rules[i];
            input.Rules[i] = new RuleRow
            {
                Type = r.Type,
                CategoryId = r.CategoryId,
                Count = r.Count,
                MinDifficulty = r.MinDifficulty,
                MaxDifficulty = r.MaxDifficulty,
                Points = r.Points,
            };
        }
        return input;
    }
}
