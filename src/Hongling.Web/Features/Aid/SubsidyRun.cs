using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>The monthly run of long-term subsidies (长期定期补助): every approved subsidy is paid each month of its
/// schedule up to the current China month, once. Idempotent and safe with several instances: a month already paid
/// is skipped, and two runs paying the same month collide on the ledger's unique (application, month) key and the
/// fund's concurrency token, so the later one changes nothing. A month the fund cannot pay waits for the next
/// run.</summary>
public sealed class SubsidyRun(HonglingDb db, FundLedger ledger, TimeProvider clock, ILogger<SubsidyRun> logger)
{
    public sealed record Result(int Payments, int Completed, int Short);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var month = clock.MonthInChina();
        var (payments, completed, shortOf, after) = (0, 0, 0, 0);
        while (true)
        {
            var ids = await db
                .AidApplications.Where(a => a.Status == AidStatus.Paying && a.Id > after && a.FromMonth <= month)
                .OrderBy(a => a.Id)
                .Select(a => a.Id)
                .Take(100)
                .ToListAsync(ct);
            if (ids.Count == 0)
                break;
            after = ids[^1];
            foreach (var id in ids)
            {
                db.ChangeTracker.Clear();
                var application = await db.AidApplications.Include(a => a.Fund).FirstAsync(a => a.Id == id, ct);
                var paid = await db
                    .FundEntries.Where(e => e.ApplicationId == id && e.PaymentMonth != null)
                    .Select(e => e.PaymentMonth!.Value)
                    .ToListAsync(ct);
                var schedule = AidRules.Months(application.FromMonth!.Value, application.ToMonth!.Value).ToList();
                var due = schedule.Where(m => m <= month && !paid.Contains(m)).ToList();
                try
                {
                    foreach (var m in due)
                        ledger.Add(
                            application.Fund,
                            new FundLedger.Posting(
                                FundEntryKind.Payment,
                                -application.ApprovedAmount!.Value,
                                AidDesk.PaymentNote(application, m),
                                application.Id,
                                m
                            )
                        );
                    if (schedule[^1] <= month)
                        application.Status = AidStatus.Paid;
                    await db.SaveChangesAsync(ct);
                    payments += due.Count;
                    if (application.Status == AidStatus.Paid)
                        completed++;
                }
                catch (RuleException e)
                {
                    shortOf++;
                    logger.LogWarning("Subsidy {Id} not paid for {Month}: {Reason}", id, month, e.Message);
                }
                catch (DbUpdateException)
                {
                    // Another instance paid it (unique month) or posted to the fund meanwhile: the next run sees it.
                }
            }
        }
        return new Result(payments, completed, shortOf);
    }
}

/// <summary>Runs <see cref="SubsidyRun"/> every <c>Aid:SubsidyCheckMinutes</c> (default 60; 0 turns the loop
/// off).</summary>
public sealed class SubsidyJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<SubsidyJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Aid:SubsidyCheckMinutes", 60);
        if (minutes <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
                db.Scope.ServeEveryCaller();
                await scope.ServiceProvider.GetRequiredService<SubsidyRun>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Subsidy run failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
