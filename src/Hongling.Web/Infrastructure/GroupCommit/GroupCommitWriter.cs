using System.Diagnostics;
using System.Threading.Channels;
using Hongling.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure.GroupCommit;

/// <summary>Group commit for hot write paths (study heartbeats, exam autosaves): requests hand their
/// item to one background writer, which commits every item waiting at that moment in one transaction
/// and only then answers each request. An acknowledged item is therefore durable, while the database
/// sees one commit per batch instead of one per request. A failing batch is retried item by item, so
/// one bad item fails only its own request. Stopping the host drains what was accepted.</summary>
public abstract class GroupCommitWriter<TItem, TResult>(IServiceScopeFactory scopes, ILogger logger, int maxBatch = 512)
    : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true }
    );

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);

    /// <summary>The writer's name in the metrics (tag writer).</summary>
    private string Name => GetType().Name;

    /// <summary>Commits the items in one transaction and returns one result per item, in order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitAsync(
        IServiceProvider services,
        IReadOnlyList<TItem> items,
        CancellationToken ct
    );

    /// <summary>Completes once the item's batch is committed; throws what its commit threw.</summary>
    public Task<TResult> SubmitAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(item, done)))
            done.SetException(new InvalidOperationException("The writer is stopping."));
        else
            HonglingMetrics.Queued(Name, 1);
        return done.Task;
    }

    public override Task StopAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete(); // accept nothing new; ExecuteAsync drains the rest before it ends
        return base.StopAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(maxBatch);
        // Not stoppingToken: a graceful stop must still commit everything accepted before it.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var next))
                batch.Add(next);
            HonglingMetrics.Queued(Name, -batch.Count);
            var took = Stopwatch.StartNew();
            await CommitBatchAsync(batch);
            HonglingMetrics.Batch(Name, batch.Count, took.Elapsed);
            batch.Clear();
        }
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        try
        {
            var results = await CommitInScopeAsync([.. batch.Select(p => p.Item)]);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Done.SetResult(results[i]);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var one in batch)
                await CommitBatchAsync([one]);
        }
        catch (Exception e)
        {
            await RetryAloneAsync(batch[0], e);
        }
    }

    /// <summary>Another instance may have written the same rows first (a key or concurrency conflict): the
    /// item is committed again on fresh rows, a few times, before its request is failed.</summary>
    private async Task RetryAloneAsync(Pending one, Exception first)
    {
        var error = first;
        for (var attempt = 0; attempt < 3 && error is DbUpdateException; attempt++)
        {
            try
            {
                one.Done.SetResult((await CommitInScopeAsync([one.Item]))[0]);
                return;
            }
            catch (Exception e)
            {
                error = e;
            }
        }
        logger.LogWarning(error, "Group commit of one item failed");
        one.Done.SetException(error);
    }

    private async Task<IReadOnlyList<TResult>> CommitInScopeAsync(IReadOnlyList<TItem> items)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await CommitAsync(scope.ServiceProvider, items, CancellationToken.None);
    }
}
