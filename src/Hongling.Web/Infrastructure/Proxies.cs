using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Hongling.Web.Infrastructure;

/// <summary>Behind nginx the connection comes from the proxy, not the client. X-Forwarded-For and
/// X-Forwarded-Proto are honoured only when the connection comes from an address listed in
/// <c>Proxies:Known</c> (addresses or CIDR networks): anyone else could forge them to dodge the per-address
/// rate limits or write a false address into the sign-in records. With nothing listed (the single instance
/// of <c>dotnet run</c>) the headers are ignored altogether, loopback included.</summary>
public static class Proxies
{
    public static IServiceCollection AddHonglingProxies(this IServiceCollection services, IConfiguration config)
    {
        var known = config.GetSection("Proxies:Known").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the operator lists is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in known)
            {
                var text = entry.Trim();
                if (!text.Contains('/') && IPAddress.TryParse(text, out var address))
                    o.KnownProxies.Add(address);
                else if (System.Net.IPNetwork.TryParse(text, out var network))
                    o.KnownIPNetworks.Add(network);
                else
                    throw new InvalidOperationException(
                        $"Proxies:Known: '{entry}' is neither an address nor a CIDR network."
                    );
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (security headers, sign-in, rate limits) sees
    /// the client's address and scheme. Left out when no proxy is listed: the middleware with empty lists
    /// would trust every sender.</summary>
    public static WebApplication UseHonglingProxies(this WebApplication app)
    {
        if (app.Configuration.GetSection("Proxies:Known").Get<string[]>() is { Length: > 0 })
            app.UseForwardedHeaders();
        return app;
    }
}
