using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.GroupCommit;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

public enum AutosaveOutcome
{
    Saved,
    Stale,
    Closed,
}

/// <summary>One checked answer, and the time the server received it (the deadline is judged by that).</summary>
public sealed record Autosave(Guid AttemptId, int Position, long Seq, List<string> Answer, DateTime ReceivedAt);

/// <summary>Exam autosaves by group commit: every answer waiting at a moment is written in one
/// transaction, and each request is answered only after that commit, so an acknowledged answer is
/// durable. Each write is conditional: the attempt still open at the time the answer arrived, and the
/// answer newer (by the client's sequence) than the stored one, so replays and late answers change nothing.</summary>
public sealed class AutosaveWriter(IServiceScopeFactory scopes, ILogger<AutosaveWriter> logger)
    : GroupCommitWriter<Autosave, AutosaveOutcome>(scopes, logger)
{
    protected override async Task<IReadOnlyList<AutosaveOutcome>> CommitAsync(
        IServiceProvider services,
        IReadOnlyList<Autosave> items,
        CancellationToken ct
    )
    {
        var db = services.GetRequiredService<HonglingDb>();
        db.Scope.ServeEveryCaller();
        var outcomes = new AutosaveOutcome[items.Count];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            var a = items[i];
            var rows = await db
                .AttemptItems.Where(x =>
                    x.AttemptId == a.AttemptId
                    && x.Position == a.Position
                    && x.AnswerSeq < a.Seq
                    && db.Attempts.Any(t =>
                        t.Id == a.AttemptId && t.State == AttemptState.InProgress && t.Deadline >= a.ReceivedAt
                    )
                )
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.Answer, a.Answer).SetProperty(x => x.AnswerSeq, a.Seq),
                    ct
                );
            outcomes[i] =
                rows == 1 ? AutosaveOutcome.Saved
                : await db.Attempts.AnyAsync(
                    t => t.Id == a.AttemptId && t.State == AttemptState.InProgress && t.Deadline >= a.ReceivedAt,
                    ct
                )
                    ? AutosaveOutcome.Stale
                : AutosaveOutcome.Closed;
        }
        await tx.CommitAsync(ct);
        return outcomes;
    }
}
