using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Submits and grades attempts left open past their deadline (a closed tab, a lost phone).
/// Safe with several instances on one database: ExamGrading's conditional claim lets one grade win.
/// Exams:AutoSubmitSeconds sets the interval (default 30; 0 turns the loop off, tests run passes directly).</summary>
public sealed class AutoSubmitJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration config,
    ILogger<AutoSubmitJob> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue("Exams:AutoSubmitSeconds", 30);
        if (seconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Auto-submit pass failed");
            }
        }
    }

    /// <summary>One pass: every open attempt past its deadline; returns the attempts this pass graded.</summary>
    public async Task<IReadOnlyList<Guid>> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        db.Scope.ServeEveryCaller();
        var now = clock.GetUtcNow().UtcDateTime;
        var graded = new List<Guid>();
        while (true)
        {
            var due = await db
                .Attempts.Where(a => a.State == AttemptState.InProgress && a.Deadline < now)
                .OrderBy(a => a.Deadline)
                .Select(a => a.Id)
                .Take(200)
                .ToListAsync(ct);
            foreach (var id in due)
                if (await ExamGrading.SubmitAsync(db, id, now, auto: true, ct))
                    graded.Add(id);
            if (due.Count < 200)
                return graded;
        }
    }
}
