using Hongling.Web.Data;

namespace Hongling.Web.Features.Health;

public static class HealthApi
{
    /// <summary>GET /health: 200 when the database answers, 503 otherwise (readiness, for load balancers and monitors).
    /// GET /ping: the process answers, touching nothing (liveness; the benchmarks' baseline).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ping", () => "pong").ShortCircuit().ExcludeFromDescription();
        app.MapGet("/health", async (HonglingDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new HealthReport("healthy", "ok"))
                : Results.Json(new HealthReport("unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous().WithTags("Health").ExcludeFromDescription();
        return app;
    }

    public sealed record HealthReport(string Status, string Database);
}
