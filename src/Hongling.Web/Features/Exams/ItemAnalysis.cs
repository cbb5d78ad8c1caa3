using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Item analysis per question over the graded attempts of an exam, as Moodle's quiz statistics
/// compute it. Facility index F = mean score on the item / its maximum × 100. Discrimination index
/// D = 100 × the correlation between the item's score x and the rest of the test R = total − x, over
/// the attempts (Pearson's r, so the n or n−1 convention cancels out). The sums are taken in the
/// database in one grouped query; cov(x, R) = cov(x, T) − var(x) and var(R) = var(T) − 2cov(x, T) + var(x).
/// Flags (our thresholds, after Moodle's guidance that 5–10 % is extremely hard and 90–95 % very easy):
/// too easy F &gt; 90, too hard F &lt; 10, and any D &lt; 0 (better candidates did worse on it).</summary>
public static class ItemAnalysis
{
    public const double TooEasy = 90,
        TooHard = 10;

    public sealed record Row(
        int QuestionId,
        string Stem,
        QuestionType Type,
        int Attempts,
        double Facility,
        double? Discrimination
    )
    {
        public bool IsTooEasy => Facility > TooEasy;
        public bool IsTooHard => Facility < TooHard;
        public bool IsNegative => Discrimination < 0;
    }

    public sealed record Sums(int QuestionId, int N, double X, double XX, double T, double TT, double XT, double Max);

    public static async Task<List<Row>> ForExamAsync(HonglingDb db, int examId, CancellationToken ct = default)
    {
        var graded = db.Attempts.Where(a => a.ExamId == examId && a.State == AttemptState.Graded);
        var sums = await db
            .AttemptItems.Join(
                graded,
                i => i.AttemptId,
                a => a.Id,
                (i, a) =>
                    new
                    {
                        i.QuestionId,
                        X = (double)(i.Score ?? 0),
                        T = (double)(a.Score ?? 0),
                        Max = (double)i.Points,
                    }
            )
            .GroupBy(r => r.QuestionId)
            .Select(g => new Sums(
                g.Key,
                g.Count(),
                g.Sum(r => r.X),
                g.Sum(r => r.X * r.X),
                g.Sum(r => r.T),
                g.Sum(r => r.T * r.T),
                g.Sum(r => r.X * r.T),
                g.Sum(r => r.Max)
            ))
            .ToListAsync(ct);
        var ids = sums.Select(s => s.QuestionId).ToList();
        // Each question under the text of the latest version these attempts drew.
        var latest = db
            .AttemptItems.Where(i => ids.Contains(i.QuestionId) && graded.Any(a => a.Id == i.AttemptId))
            .GroupBy(i => i.QuestionId)
            .Select(g => new { QuestionId = g.Key, Version = g.Max(i => i.QuestionVersion) });
        var stems = await db
            .QuestionVersions.Join(
                latest,
                v => new { v.QuestionId, v.Version },
                l => new { l.QuestionId, l.Version },
                (v, _) =>
                    new
                    {
                        Key = v.QuestionId,
                        v.Stem,
                        v.Type,
                    }
            )
            .ToDictionaryAsync(x => x.Key, ct);
        return
        [
            .. sums.Select(s =>
                    Compute(
                        s,
                        stems.GetValueOrDefault(s.QuestionId)?.Stem ?? "",
                        stems.GetValueOrDefault(s.QuestionId)?.Type ?? QuestionType.Single
                    )
                )
                .OrderBy(r => r.QuestionId),
        ];
    }

    public static Row Compute(Sums s, string stem, QuestionType type)
    {
        double n = s.N;
        var facility = s.Max > 0 ? 100 * s.X / s.Max : 0;
        var varX = s.XX / n - Math.Pow(s.X / n, 2);
        var varT = s.TT / n - Math.Pow(s.T / n, 2);
        var covXT = s.XT / n - s.X / n * (s.T / n);
        var covXR = covXT - varX;
        var varR = varT - 2 * covXT + varX;
        double? d = varX > 1e-12 && varR > 1e-12 ? 100 * covXR / Math.Sqrt(varX * varR) : null;
        return new Row(s.QuestionId, stem, type, s.N, Math.Round(facility, 1), d is { } v ? Math.Round(v, 1) : null);
    }
}
