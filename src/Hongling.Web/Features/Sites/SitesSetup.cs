namespace Hongling.Web.Features.Sites;

/// <summary>The district's rules for remote-education sites (Sites:* in configuration).</summary>
public sealed class SitesOptions
{
    /// <summary>A site meets the monthly rule with at least this many minutes (the seed: 4 hours, 240
    /// minutes).</summary>
    public int RuleMinutes { get; set; } = 240;

    /// <summary>A month closes on this day of the next month (China time, at midnight): records of the month that
    /// arrive later are kept and flagged late, and the closed month's figures no longer change.</summary>
    public int MonthClosesOnDay { get; set; } = 5;

    /// <summary>A site whose terminals have not pinged or reported for this many days is listed as silent.</summary>
    public int SilentDays { get; set; } = 7;

    /// <summary>A terminal that pinged within this many minutes is shown as online (在线监测).</summary>
    public int OnlineMinutes { get; set; } = 5;
}

/// <summary>Registers and maps the sites feature: one line each in Program.cs.</summary>
public static class SitesSetup
{
    public static IServiceCollection AddSites(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SitesOptions>(config.GetSection("Sites"));
        services.AddScoped<SessionIngest>();
        services.AddTerminalApiDocs();
        return services;
    }

    public static IEndpointRouteBuilder MapSites(this IEndpointRouteBuilder app)
    {
        app.MapTerminalApi();
        app.MapSiteUsageApi();
        return app;
    }
}
