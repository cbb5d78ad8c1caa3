namespace Hongling.Web.Infrastructure.Notifications;

public static class NotificationChannelsSetup
{
    /// <summary>Registers the email and SMS senders, each as itself and as an <see cref="IMessageSender"/> (the outbox
    /// takes <c>IEnumerable&lt;IMessageSender&gt;</c> and picks by channel), with their settings from
    /// <c>Notifications:Smtp</c> and <c>Notifications:Sms</c>. Unconfigured, a channel answers every message
    /// Permanent with the reason, so a deployment without SMS still runs.</summary>
    public static IServiceCollection AddNotificationChannels(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SmtpOptions>(config.GetSection(SmtpOptions.Section));
        services.Configure<SmsOptions>(config.GetSection(SmsOptions.Section));
        services.AddHttpClient(SmsSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<EmailSender>();
        services.AddSingleton<SmsSender>();
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<EmailSender>());
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<SmsSender>());
        return services;
    }
}
