namespace Hongling.Web.Features.Notifications;

/// <summary>Registers and maps the notifications feature: its two lines in Program.cs. The channels' senders
/// (<see cref="Infrastructure.Notifications.IMessageSender"/>) are registered apart, one per channel.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationQueue>();
        services.AddScoped<Inbox>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsApi();
}
