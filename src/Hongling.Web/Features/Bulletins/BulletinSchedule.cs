using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>Generates last month's bulletin for every organization whose settings ask for it (the district root by
/// default) from 08:00 China time on the 1st. It checks every <c>Bulletins:CheckMinutes</c> (default 10; fractions
/// allowed; 0 turns the loop off) and catches up after downtime for the last month only. Safe with several
/// instances: the generator stores one automatic bulletin per issuer and month (unique key), the others skip.</summary>
public sealed class BulletinSchedule(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration config,
    ILogger<BulletinSchedule> logger
) : BackgroundService
{
    /// <summary>The hour (China time) of the 1st after which last month's bulletin is made.</summary>
    public const int Hour = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Bulletins:CheckMinutes", 10.0);
        if (minutes <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Bulletin schedule pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: the bulletins made now (none before 08:00 on the 1st, none already made).</summary>
    public async Task<IReadOnlyList<int>> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime.ToChina();
        var month = ChinaTime.PreviousMonth(now.Year * 100 + now.Month);
        if (now.Day == 1 && now.Hour < Hour)
            return [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        db.Scope.ServeEveryCaller();
        var generator = scope.ServiceProvider.GetRequiredService<BulletinGenerator>();
        var made = new List<int>();
        foreach (var issuer in await IssuersAsync(db, ct))
        {
            if (await db.Bulletins.AnyAsync(b => b.OrganizationId == issuer.Id && b.Month == month, ct))
                continue;
            if (await generator.GenerateAsync(issuer, month, automatic: true, ct) is { } bulletin)
                made.Add(bulletin.Id);
        }
        return made;
    }

    /// <summary>The demo district's bulletin of last month, made when the demo is generated, so that a first start
    /// shows one whatever the day and hour (the schedule would wait for 08:00 on the 1st).</summary>
    public static async Task GenerateDemoAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<HonglingDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var generator = services.GetRequiredService<BulletinGenerator>();
        var month = ChinaTime.PreviousMonth(clock.MonthInChina());
        foreach (var issuer in await IssuersAsync(db, ct))
            await generator.GenerateAsync(issuer, month, automatic: true, ct);
    }

    /// <summary>Organizations whose settings turn automatic bulletins on, and every root without settings.</summary>
    public static async Task<List<ScopedOrg>> IssuersAsync(HonglingDb db, CancellationToken ct)
    {
        var withSettings = db.BulletinSettings.Select(s => s.OrganizationId);
        return await db
            .Organizations.Where(o =>
                db.BulletinSettings.Any(s => s.OrganizationId == o.Id && s.Automatic)
                || (o.ParentId == null && !withSettings.Contains(o.Id))
            )
            .OrderBy(o => o.Path)
            .Select(o => new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth))
            .ToListAsync(ct);
    }
}
