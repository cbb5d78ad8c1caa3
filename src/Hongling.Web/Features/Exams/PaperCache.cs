using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Hongling.Web.Features.Exams;

/// <summary>What an autosave is checked against: the attempt's account, deadline and, per question,
/// its type and option keys. Cached in memory per attempt only to keep autosaves cheap; the paper is
/// frozen, so the cache cannot go stale, and the database write re-checks that the attempt is still open.</summary>
public sealed class PaperCache
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>A question's type, its option keys (two to a handful: a plain array is the cheapest set) and its number
    /// of blanks.</summary>
    public sealed record ItemKeys(QuestionType Type, string[] Keys, int Blanks);

    public sealed record Paper(Guid Id, string AccountId, DateTime Deadline, Dictionary<int, ItemKeys> Items);

    public async Task<Paper?> GetAsync(HonglingDb db, Guid attemptId, CancellationToken ct)
    {
        if (cache.TryGetValue(attemptId, out Paper? paper))
            return paper;
        var attempt = await db
            .AttemptsOfAllAccounts.AsNoTracking()
            .Where(a => a.Id == attemptId)
            .Select(a => new { a.AccountId, a.Deadline })
            .FirstOrDefaultAsync(ct);
        if (attempt is null)
            return null;
        var items = await db
            .AttemptItems.AsNoTracking()
            .Where(i => i.AttemptId == attemptId)
            .Select(i => new
            {
                i.Position,
                i.Type,
                i.Keys,
                i.Question.Blanks,
            })
            .ToListAsync(ct);
        return Put(
            attemptId,
            attempt.AccountId,
            attempt.Deadline,
            items.Select(i => (i.Position, i.Type, i.Keys, i.Blanks.Count))
        );
    }

    /// <summary>Caches a paper just drawn, so that its first autosaves do not load it again.</summary>
    public void Put(Attempt attempt, IEnumerable<AttemptItem> items) =>
        Put(
            attempt.Id,
            attempt.AccountId,
            attempt.Deadline,
            items.Select(i => (i.Position, i.Type, i.Keys, i.Question.Blanks.Count))
        );

    private Paper Put(
        Guid attemptId,
        string accountId,
        DateTime deadline,
        IEnumerable<(int Position, QuestionType Type, List<OptionKey> Keys, int Blanks)> items
    )
    {
        var paper = new Paper(
            attemptId,
            accountId,
            deadline,
            items.ToDictionary(i => i.Position, i => new ItemKeys(i.Type, [.. i.Keys.Select(k => k.Key)], i.Blanks))
        );
        cache.Set(
            attemptId,
            paper,
            new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20), Size = 1 }
        );
        return paper;
    }
}
