using System.Collections.Concurrent;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Each exam's row and draw pool (PaperDraw.Pool), kept in memory so that a synchronized start of
/// thousands of candidates reads the exam and the bank once instead of once per candidate. An entry is
/// dropped when this instance saves an exam or a question (<see cref="Invalidate"/>), and in any case after
/// <see cref="MaxAge"/> (Exams:PoolSeconds, default 30): the bound on how long another instance's edit of an exam
/// or the bank can go unseen here. Papers already drawn never change (they are frozen in the attempt).</summary>
public sealed class ExamPools(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config)
{
    public TimeSpan MaxAge { get; } = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Exams:PoolSeconds", 30)));
    private readonly ConcurrentDictionary<int, Entry> pools = new();
    private long generation;

    /// <summary>An exam as it was read (not tracked; for the candidate's checks) and what it draws from.</summary>
    public sealed record Loaded(Exam Exam, PaperDraw.Pool Pool);

    private sealed record Entry(Task<Loaded?> Pool, long Generation, DateTimeOffset LoadedAt);

    /// <summary>Forget every pool: a question, category or exam changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        pools.Clear();
    }

    /// <summary>The exam and its pool, or null when there is no such exam; at a synchronized start the first
    /// request loads it and the others wait for that load. Whether the caller may take the exam is theirs to
    /// check.</summary>
    public async Task<Loaded?> GetAsync(int examId)
    {
        var now = clock.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        bool Fresh(Entry e) => e.Generation == current && now - e.LoadedAt < MaxAge && !e.Pool.IsFaulted;
        if (pools.TryGetValue(examId, out var cached) && Fresh(cached))
            return await cached.Pool;
        var load = new TaskCompletionSource<Loaded?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = new Entry(load.Task, current, now);
        var winner = pools.AddOrUpdate(examId, mine, (_, old) => Fresh(old) ? old : mine);
        if (winner != mine)
            return await winner.Pool;
        try
        {
            load.SetResult(await LoadAsync(examId));
        }
        catch (Exception e)
        {
            pools.TryRemove(new KeyValuePair<int, Entry>(examId, mine));
            load.SetException(e);
        }
        return await load.Task;
    }

    /// <summary>Read in a scope of its own, as the system: the entry is shared by every candidate, whatever
    /// the request that happens to load it (and the start runs without an org scope).</summary>
    private async Task<Loaded?> LoadAsync(int examId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        db.Scope.ServeEveryCaller();
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId);
        return exam is null ? null : new Loaded(exam, await PaperDraw.LoadAsync(db, exam, exam.OrgPath));
    }
}
