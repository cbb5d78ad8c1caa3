using Hongling.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Account;

/// <summary>Deletes the rows of sessions that ended by expiry (an expired session is refused whether or not
/// its row is still there; this only keeps the table small). Safe with several instances: deleting twice
/// deletes nothing. Sessions:CleanupMinutes sets the interval (default 60; 0 turns the loop off).</summary>
public sealed class SessionCleanupJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SessionOptions> options,
    ILogger<SessionCleanupJob> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.CleanupMinutes;
        if (minutes <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Session clean-up failed");
            }
        }
    }

    /// <summary>One pass; returns how many ended sessions it deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.SessionsOfAllAccounts.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}
