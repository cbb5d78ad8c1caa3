using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>An exam's figures over the attempts the caller may see (graded ones): count, mean, median,
/// pass rate, a histogram of scores in tenths of the maximum, and each organization's figures. Computed
/// in the database.</summary>
public sealed record ExamStatistics(
    int Attempts,
    int Pending,
    double Mean,
    double Median,
    double PassRate,
    int[] Histogram,
    List<ExamStatistics.OrgRow> Orgs
)
{
    public sealed record OrgRow(int OrganizationId, string Name, int Attempts, double Mean, double PassRate);

    public static async Task<ExamStatistics> ForExamAsync(HonglingDb db, int examId, CancellationToken ct = default)
    {
        var all = db.Attempts.Where(a => a.ExamId == examId);
        var graded = all.Where(a => a.State == AttemptState.Graded);
        var pending = await all.CountAsync(a => a.State == AttemptState.AwaitingReview, ct);
        var n = await graded.CountAsync(ct);
        if (n == 0)
            return new(0, pending, 0, 0, 0, new int[10], []);
        var head = await graded
            .GroupBy(_ => 1)
            .Select(g => new { Mean = g.Average(a => (double)a.Score!), Passed = g.Count(a => a.Passed == true) })
            .FirstAsync(ct);
        var middle = await graded
            .OrderBy(a => a.Score)
            .Skip((n - 1) / 2)
            .Take(2 - n % 2)
            .Select(a => (double)a.Score!)
            .ToListAsync(ct);
        var bins = await graded
            .Where(a => a.MaxScore > 0)
            // floor: PostgreSQL rounds a cast to integer
            .GroupBy(a => (int)Math.Floor((double)a.Score! * 10 / (double)a.MaxScore))
            .Select(g => new { Bin = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var histogram = new int[10];
        foreach (var b in bins)
            histogram[Math.Clamp(b.Bin, 0, 9)] += b.Count; // a full score joins 90–100 %
        var orgs = await graded
            .GroupBy(a => a.OrganizationId)
            .Select(g => new
            {
                Id = g.Key,
                Count = g.Count(),
                Mean = g.Average(a => (double)a.Score!),
                Passed = g.Count(a => a.Passed == true),
            })
            .OrderByDescending(g => g.Count)
            .Take(100)
            .ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new(
            n,
            pending,
            Math.Round(head.Mean, 2),
            middle.Average(),
            Math.Round(100.0 * head.Passed / n, 1),
            histogram,
            [
                .. orgs.Select(o => new OrgRow(
                    o.Id,
                    names.GetValueOrDefault(o.Id, ""),
                    o.Count,
                    Math.Round(o.Mean, 2),
                    Math.Round(100.0 * o.Passed / o.Count, 1)
                )),
            ]
        );
    }
}
