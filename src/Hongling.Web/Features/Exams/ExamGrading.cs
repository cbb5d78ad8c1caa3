using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Submitting and grading an attempt, exactly once: the first step is a conditional state
/// change (InProgress → submitted) that only one caller can win, whether two tabs, a replayed request
/// or two instances' auto-submit jobs race for it. Callers have already checked who may submit.</summary>
public static class ExamGrading
{
    /// <summary>True when this call submitted and graded the attempt; false when it was already submitted.</summary>
    public static async Task<bool> SubmitAsync(
        HonglingDb db,
        Guid attemptId,
        DateTime now,
        bool auto,
        CancellationToken ct = default
    )
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db
            .AttemptsOfAllAccounts.Where(a => a.Id == attemptId && a.State == AttemptState.InProgress)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(a => a.State, AttemptState.AwaitingReview)
                        .SetProperty(a => a.SubmittedAt, a => auto && a.Deadline < now ? a.Deadline : now)
                        .SetProperty(a => a.AutoSubmitted, auto),
                ct
            );
        if (claimed == 0)
            return false;
        var items = await db.AttemptItems.Include(i => i.Question).Where(i => i.AttemptId == attemptId).ToListAsync(ct);
        foreach (var item in items)
            item.Score = Grading.Score(item);
        await db.SaveChangesAsync(ct);
        await UpdateTotalAsync(db, attemptId, items, ct, submission: true);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>A short answer graded by hand: the item's score, then the attempt's total and state.</summary>
    public static async Task<bool> GradeByHandAsync(
        HonglingDb db,
        Guid attemptId,
        int position,
        decimal score,
        string grader,
        CancellationToken ct = default
    )
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var items = await db.AttemptItems.Where(i => i.AttemptId == attemptId).ToListAsync(ct);
        var item = items.FirstOrDefault(i => i.Position == position && i.Type == QuestionType.ShortAnswer);
        if (item is null || score < 0 || score > item.Points)
            return false;
        item.Score = score;
        item.GradedBy = grader;
        await db.SaveChangesAsync(ct);
        await UpdateTotalAsync(db, attemptId, items, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Writes the attempt's total, result and state; <paramref name="submission"/> counts the grading of its
    /// submission (<see cref="Attempt.GradedCount"/>) in the same statement.</summary>
    private static async Task UpdateTotalAsync(
        HonglingDb db,
        Guid attemptId,
        List<AttemptItem> items,
        CancellationToken ct,
        bool submission = false
    )
    {
        var total = items.Sum(i => i.Score ?? 0);
        var pending = items.Any(i => i.Score is null);
        var passMark = await db
            .AttemptsOfAllAccounts.Where(a => a.Id == attemptId)
            .Select(a => a.Exam.PassMark)
            .FirstAsync(ct);
        bool? passed = pending ? null : total >= passMark;
        await db
            .AttemptsOfAllAccounts.Where(a => a.Id == attemptId && a.State != AttemptState.InProgress)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(a => a.Score, total)
                        .SetProperty(a => a.Passed, passed)
                        .SetProperty(a => a.State, pending ? AttemptState.AwaitingReview : AttemptState.Graded)
                        .SetProperty(a => a.GradedCount, a => a.GradedCount + (submission ? 1 : 0)),
                ct
            );
    }
}
