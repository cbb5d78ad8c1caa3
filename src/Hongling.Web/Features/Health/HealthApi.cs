using Hongling.Web.Data;

namespace Hongling.Web.Features.Health;

public static class HealthApi
{
    public static IServiceCollection AddHealth(this IServiceCollection services) => services.AddSingleton<Readiness>();

    /// <summary>GET /health/live: the process answers, touching nothing (liveness: restart when it fails).
    /// GET /health/ready and GET /health: 200 once the migrations ran and while the database answers, 503
    /// otherwise (readiness: the load balancer's check). GET /ping: as live, the benchmarks' baseline.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ping", () => "pong").ShortCircuit().ExcludeFromDescription();
        app.MapGet("/health/live", () => TypedResults.Ok(new HealthReport("healthy", "not checked")))
            .ShortCircuit()
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/health", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReadyAsync(Readiness readiness, HonglingDb db, CancellationToken ct)
    {
        if (!readiness.Migrated)
            return Unhealthy("migrating");
        bool answers;
        try
        {
            answers = await db.Database.CanConnectAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            answers = false;
        }
        return answers ? Results.Ok(new HealthReport("healthy", "ok")) : Unhealthy("unreachable");
    }

    private static IResult Unhealthy(string database) =>
        Results.Json(new HealthReport("unhealthy", database), statusCode: StatusCodes.Status503ServiceUnavailable);

    public sealed record HealthReport(string Status, string Database);
}
