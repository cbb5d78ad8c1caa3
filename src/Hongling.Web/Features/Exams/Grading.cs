using System.Text;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.Exams;

/// <summary>Automatic grading of one frozen question.
/// Multiple choice (多选题): all correct options and nothing else earns full points; any wrong option
/// earns 0; a subset of the correct options without a wrong one earns points × chosen/correct, rounded
/// down to 0.5 (the common 少选得部分分、错选不得分 rule).
/// Fill-in (填空题): each blank is worth points / blanks; an answer matches an accepted one ignoring
/// surrounding spaces, letter case and full-width/half-width forms (Unicode NFKC).
/// Short answer (简答题): graded by hand; null until then.</summary>
public static class Grading
{
    public static decimal? Score(AttemptItem item) =>
        Score(item.Type, item.Points, item.Options, item.Blanks, item.Answer);

    public static decimal? Score(
        QuestionType type,
        decimal points,
        IReadOnlyList<FrozenOption> options,
        IReadOnlyList<List<string>> blanks,
        IReadOnlyList<string>? answer
    )
    {
        answer ??= [];
        switch (type)
        {
            case QuestionType.Single or QuestionType.TrueFalse:
                return answer.Count == 1 && options.Any(o => o.Correct && o.Key == answer[0]) ? points : 0;
            case QuestionType.Multiple:
                var chosen = answer.Distinct().ToList();
                var correct = options.Where(o => o.Correct).Select(o => o.Key).ToHashSet();
                if (chosen.Count == 0 || chosen.Any(k => !correct.Contains(k)))
                    return 0;
                if (chosen.Count == correct.Count)
                    return points;
                return Math.Floor(points * chosen.Count / correct.Count * 2) / 2;
            case QuestionType.FillIn:
                if (blanks.Count == 0)
                    return 0;
                var right = blanks
                    .Select((accepted, i) => i < answer.Count && accepted.Any(a => Same(a, answer[i])))
                    .Count(ok => ok);
                return right == blanks.Count
                    ? points
                    : Math.Round(points * right / blanks.Count, 2, MidpointRounding.ToZero);
            default:
                return null;
        }
    }

    /// <summary>Equal after trimming, NFKC (全角 → 半角) and ignoring letter case.</summary>
    public static bool Same(string accepted, string given) => Normalize(accepted) == Normalize(given);

    public static string Normalize(string s) => s.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
}
