using StackExchange.Redis;

namespace Hongling.Web.Infrastructure;

/// <summary>Redis is optional. With <c>Redis:Configuration</c> set (e.g. <c>127.0.0.1:6379</c>) the website's
/// output cache and the rate limits live in Redis, so every instance behind the load balancer shares them:
/// publishing on one evicts the cached pages on all, and a limit counts requests wherever they land. Without
/// it both stay in the process, and a single instance needs nothing but .NET.</summary>
public static class Redis
{
    /// <summary>Every key Hongling writes starts with <c>Redis:InstanceName</c> (default <c>hongling:</c>), so
    /// one Redis may serve other programs, or several Hongling deployments, too.</summary>
    public static string Prefix(IConfiguration config) => config["Redis:InstanceName"] ?? "hongling:";

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["Redis:Configuration"]);

    /// <summary>One shared connection, opened at first use (it reconnects by itself when Redis restarts), and
    /// the output-cache store on it. Call after AddSiteCache, so this store replaces the in-memory one.</summary>
    public static IServiceCollection AddHonglingRedis(this IServiceCollection services, IConfiguration config)
    {
        if (!IsConfigured(config))
            return services;
        var options = ConfigurationOptions.Parse(config["Redis:Configuration"]!);
        options.AbortOnConnectFail = false;
        var connection = new Lazy<Task<IConnectionMultiplexer>>(async () =>
            await ConnectionMultiplexer.ConnectAsync(options)
        );
        services.AddSingleton(_ => connection.Value.GetAwaiter().GetResult());
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = Prefix(config) + "oc:";
            o.ConnectionMultiplexerFactory = () => connection.Value;
        });
        return services;
    }
}
