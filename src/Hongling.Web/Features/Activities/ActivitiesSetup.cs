using Hongling.Web.Infrastructure.CheckIn;

namespace Hongling.Web.Features.Activities;

/// <summary>Registers the activities feature's services: its one line in Program.cs.</summary>
public static class ActivitiesSetup
{
    public static IServiceCollection AddActivities(this IServiceCollection services) =>
        services.AddScoped<ActivityCheckIn>().AddCheckInCodes();
}
