namespace Hongling.Web.Features.Bulletins;

/// <summary>Registers and maps the monthly bulletin: one line each in Program.cs.</summary>
public static class BulletinsSetup
{
    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        services.AddScoped<BulletinGenerator>();
        services.AddScoped<BulletinPublisher>();
        services.AddScoped<BulletinHtml>();
        services.AddSingleton<BulletinSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<BulletinSchedule>());
        return services;
    }

    public static IEndpointRouteBuilder MapBulletins(this IEndpointRouteBuilder app) => app.MapBulletinsApi();
}
