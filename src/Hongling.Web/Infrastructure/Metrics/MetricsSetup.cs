using System.Net;
using OpenTelemetry.Metrics;

namespace Hongling.Web.Infrastructure.Metrics;

/// <summary>OpenTelemetry metrics (ASP.NET Core's meters and <see cref="HonglingMetrics"/>) on a Prometheus
/// endpoint, GET /metrics, answered only to the addresses or CIDR networks in <c>Metrics:AllowedFrom</c> (the
/// scraper); anyone else, and everyone when none is listed, gets 404. Behind nginx the address is the client's
/// (Proxies:Known), so a scraper must reach the instance directly.</summary>
public static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddHonglingMetrics(this IServiceCollection services)
    {
        services
            .AddOpenTelemetry()
            .WithMetrics(m =>
                m.AddAspNetCoreInstrumentation()
                    .AddMeter(
                        "Microsoft.AspNetCore.Hosting",
                        "Microsoft.AspNetCore.Server.Kestrel",
                        "Microsoft.AspNetCore.RateLimiting",
                        "Microsoft.AspNetCore.Authentication",
                        HonglingMetrics.MeterName
                    )
                    .AddPrometheusExporter()
            );
        return services;
    }

    public static WebApplication UseHonglingMetrics(this WebApplication app)
    {
        var listed = app.Configuration.GetSection("Metrics:AllowedFrom").Get<string[]>() ?? [];
        var allowed = listed.Select(Network).ToArray();
        if (allowed.Length == 0)
            return app;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(ctx =>
            ctx.Request.Path == Path
            && ctx.Connection.RemoteIpAddress is { } ip
            && allowed.Any(n => n.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip))
        );
        return app;
    }

    private static System.Net.IPNetwork Network(string entry)
    {
        var text = entry.Trim();
        if (text.Contains('/'))
            return System.Net.IPNetwork.Parse(text);
        var address = IPAddress.Parse(text);
        return new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8);
    }
}
