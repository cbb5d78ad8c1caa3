namespace Hongling.Web.Features.Volunteering;

/// <summary>Registers the volunteer service feature's services: its one line in Program.cs.</summary>
public static class VolunteeringSetup
{
    public static IServiceCollection AddVolunteering(this IServiceCollection services) =>
        services.AddScoped<VolunteerDesk>();
}
