using Hongling.Web.Data;
using Hongling.Web.Domain;
using System.Data.Common;
using Hongling.Web.Infrastructure.GroupCommit;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>New attempts by group commit: at a synchronized start thousands of candidates draw their papers
/// at once, and one writer inserts every paper waiting at that moment in one transaction, answering each
/// start only after the commit. Without it each start is its own write transaction, and on SQLite they queue
/// on the database's one write lock. A start that loses the race for its attempt number (the unique
/// exam-account-number index) fails alone when the batch is retried item by item.</summary>
public sealed class AttemptWriter(IServiceScopeFactory scopes, ILogger<AttemptWriter> logger)
    : GroupCommitWriter<Attempt, bool>(scopes, logger, maxBatch: 256)
{
    protected override async Task<IReadOnlyList<bool>> CommitAsync(IServiceProvider services, IReadOnlyList<Attempt> items, CancellationToken ct)
    {
        var db = services.GetRequiredService<HonglingDb>();
        // The candidate writes their own attempt in an organization they do not administer: Candidacy's rules are the check.
        db.Scope.BecomeSystem();
        try { await db.InsertManyAsync(items, [.. items.SelectMany(a => a.Items)], ct); }
        catch (DbException e)
        {
            // As SaveChanges reports it: the batch is then retried attempt by attempt, and a duplicate fails alone.
            throw new DbUpdateException("Inserting attempts failed.", e);
        }
        return [.. items.Select(_ => true)];
    }
}
