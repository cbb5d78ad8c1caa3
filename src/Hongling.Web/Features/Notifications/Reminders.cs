using Hongling.Web.Data;

namespace Hongling.Web.Features.Notifications;

/// <summary>A feature's reminder that a job sends through the outbox (转正 due, study this month, exam results): one
/// pass sends what is due now, each message once (<see cref="NotificationQueue.SendOnceAsync"/>), so a pass may run
/// any number of times, on any number of instances. Registered by its feature with
/// <c>AddReminder&lt;T&gt;()</c>, one instance for the process.</summary>
public interface IReminder
{
    /// <summary>Sends what is due; returns the notifications sent. Runs with the whole tree visible.</summary>
    Task<int> RunAsync(HonglingDb db, NotificationQueue queue, CancellationToken ct);
}

/// <summary>Runs every registered <see cref="IReminder"/> every <c>Notifications:ReminderMinutes</c> (default 60;
/// fractions allowed, as the cluster tests' 0.05; 0 turns the loop off, tests run passes directly), each in a scope
/// of its own serving every caller.</summary>
public sealed class ReminderJob(
    IServiceScopeFactory scopes,
    IEnumerable<IReminder> reminders,
    IConfiguration config,
    ILogger<ReminderJob> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Notifications:ReminderMinutes", 60.0);
        if (minutes <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do await RunOnceAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass of every reminder; returns the notifications sent. One failing stops no other.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var reminder in reminders)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
            db.Scope.ServeEveryCaller();
            var queue = scope.ServiceProvider.GetRequiredService<NotificationQueue>();
            try
            {
                sent += await reminder.RunAsync(db, queue, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reminder {Reminder} failed", reminder.GetType().Name);
            }
        }
        return sent;
    }
}

public static class ReminderSetup
{
    public static IServiceCollection AddReminder<T>(this IServiceCollection services)
        where T : class, IReminder => services.AddSingleton<IReminder, T>();
}
