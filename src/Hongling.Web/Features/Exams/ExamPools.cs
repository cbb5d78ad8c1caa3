using System.Collections.Concurrent;
using Hongling.Web.Data;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.Exams;

/// <summary>Each open exam's draw pool (PaperDraw.Pool), kept in memory so that a synchronized start of
/// thousands of candidates reads the bank once instead of once per candidate. A pool is dropped when this
/// instance saves an exam or a question (<see cref="Invalidate"/>), and in any case after
/// <see cref="MaxAge"/>: the bound on how long another instance's bank edit can go unseen here. Papers
/// already drawn never change (they are frozen in the attempt).</summary>
public sealed class ExamPools(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<int, Entry> pools = new();
    private long generation;

    private sealed record Entry(Task<PaperDraw.Pool> Pool, long Generation, DateTimeOffset LoadedAt);

    /// <summary>Forget every pool: a question, category or exam changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        pools.Clear();
    }

    /// <summary>The exam's pool; at a synchronized start the first request loads it and the others wait for that load.</summary>
    public async Task<PaperDraw.Pool> GetAsync(HonglingDb db, Exam exam)
    {
        var now = clock.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        bool Fresh(Entry e) => e.Generation == current && now - e.LoadedAt < MaxAge && !e.Pool.IsFaulted;
        if (pools.TryGetValue(exam.Id, out var cached) && Fresh(cached)) return await cached.Pool;
        var load = new TaskCompletionSource<PaperDraw.Pool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = new Entry(load.Task, current, now);
        var winner = pools.AddOrUpdate(exam.Id, mine, (_, old) => Fresh(old) ? old : mine);
        if (winner != mine) return await winner.Pool;
        try
        {
            // Not the request's token: other candidates wait for this load.
            load.SetResult(await PaperDraw.LoadAsync(db, exam, exam.OrgPath, CancellationToken.None));
        }
        catch (Exception e)
        {
            pools.TryRemove(new KeyValuePair<int, Entry>(exam.Id, mine));
            load.SetException(e);
        }
        return await load.Task;
    }
}
