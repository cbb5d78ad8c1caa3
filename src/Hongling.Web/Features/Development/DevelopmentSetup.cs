using Hongling.Web.Features.Notifications;

namespace Hongling.Web.Features.Development;

/// <summary>Registers the development (发展党员) feature's services: its one line in Program.cs.</summary>
public static class DevelopmentSetup
{
    public static IServiceCollection AddDevelopment(this IServiceCollection services) =>
        services.AddScoped<DevelopmentDesk>().AddReminder<ProbationReminders>();
}
