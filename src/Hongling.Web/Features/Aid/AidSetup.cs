namespace Hongling.Web.Features.Aid;

/// <summary>Registers aid and subsidies (帮扶救助): its one line in Program.cs.</summary>
public static class AidSetup
{
    public static IServiceCollection AddAid(this IServiceCollection services) =>
        services.AddScoped<FundLedger>().AddScoped<AidDesk>().AddScoped<SubsidyRun>().AddHostedService<SubsidyJob>();
}
