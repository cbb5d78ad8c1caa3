using Microsoft.AspNetCore.OutputCaching;

namespace Hongling.Web.Infrastructure;

/// <summary>The website's anonymous pages are output-cached briefly under one tag; publishing anything
/// that shows there (a work update, an adoption, a reply on the board) evicts them at once. With Redis
/// configured (Infrastructure/Redis.cs) the store is in Redis and eviction reaches every instance; without
/// it the cache is per instance, and another instance shows the change when its short duration ends.</summary>
public sealed class SiteCache(IOutputCacheStore store)
{
    public const string Policy = "site";
    public const string Tag = "site";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public Task EvictAsync() => store.EvictByTagAsync(Tag, default).AsTask();

    public static void AddPolicy(OutputCacheOptions o) =>
        // The default policy already skips signed-in requests, requests with cookies being set in the
        // response (antiforgery) and non-GET methods: nothing personal is stored.
        o.AddPolicy(Policy, b => b.Expire(Duration).Tag(Tag).SetVaryByQuery("*"));
}

public static class SiteCacheSetup
{
    /// <summary>The website's cache and its output-cache policy.</summary>
    public static IServiceCollection AddSiteCache(this IServiceCollection services) =>
        services.AddSingleton<SiteCache>().AddOutputCache(SiteCache.AddPolicy);
}
