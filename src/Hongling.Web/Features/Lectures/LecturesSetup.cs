using Hongling.Web.Infrastructure.CheckIn;

namespace Hongling.Web.Features.Lectures;

/// <summary>Registers the red lecture hall (红色讲坛): its one line in Program.cs.</summary>
public static class LecturesSetup
{
    public static IServiceCollection AddLectures(this IServiceCollection services) =>
        services.AddScoped<LectureDesk>().AddScoped<SessionCheckIn>().AddCheckInCodes();
}
