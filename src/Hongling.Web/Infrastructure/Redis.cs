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

    /// <summary>One shared connection, opened while the host starts (it reconnects by itself when Redis restarts),
    /// and the output-cache store on it. Call after AddSiteCache, so this store replaces the in-memory one. The
    /// connection is named after the key prefix (CLIENT LIST shows which deployment holds it) unless the
    /// configuration names it.</summary>
    public static IServiceCollection AddHonglingRedis(this IServiceCollection services, IConfiguration config)
    {
        if (!IsConfigured(config))
            return services;
        var options = ConfigurationOptions.Parse(config["Redis:Configuration"]!);
        options.AbortOnConnectFail = false;
        options.ClientName ??= Prefix(config).TrimEnd(':');
        var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        services.AddSingleton(_ => connection.Value);
        services.AddHostedService(_ => new OpenAtStart(connection));
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = Prefix(config) + "oc:";
            o.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Value);
        });
        return services;
    }

    /// <summary>Opens the connection before the server takes requests. Opened by the first request instead, a
    /// freshly (re)started instance under load stalled for seconds: every rate-limited request blocked a thread
    /// waiting for the one connect, faster than the thread pool grows.</summary>
    private sealed class OpenAtStart(Lazy<IConnectionMultiplexer> connection) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = connection.Value;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
