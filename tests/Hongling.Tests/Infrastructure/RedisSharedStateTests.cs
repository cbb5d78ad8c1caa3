using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hongling.Tests.Infrastructure;

/// <summary>With Redis configured, two instances on one database count the rate limits together. Runs when
/// HONGLING_TEST_REDIS names a Redis server (test.sh starts one when redis-server is installed).</summary>
public sealed class RedisSharedStateTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("HONGLING_TEST_REDIS");

    /// <summary>One instance; <paramref name="instanceName"/> keeps this test's keys apart from any other's.</summary>
    private WebApplicationFactory<Program> Instance(string instanceName) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Redis:Configuration", Server);
            b.UseSetting("Redis:InstanceName", instanceName);
            b.UseSetting("RateLimits:RegistrationsPerHour", "2");
        });

    private static async Task<HttpStatusCode> RegisterAsync(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new Dictionary<string, string> { ["Input.Name"] = "" };
        return (await TestApp.PostFormAsync(client, "/Exams/Register", form)).StatusCode;
    }

    /// <summary>The connection is open once the instance has started, before any request: opened by the first
    /// requests instead, a restarted instance under load stalled while they all waited for it.</summary>
    [Fact]
    public async Task AStartedInstance_HoldsItsRedisConnection_BeforeAnyRequest()
    {
        if (Server is null)
            Assert.Skip("HONGLING_TEST_REDIS is not set");
        var name = "hongling-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var instance = Instance(name + ":");
        _ = instance.Services; // starts the host; no request is made
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(
            Server + ",allowAdmin=true"
        );
        var clients = await redis.GetServers()[0].ClientListAsync();
        Assert.Contains(clients, c => c.Name == name);
    }

    [Fact]
    public async Task PerAddressLimit_HoldsAcrossInstances()
    {
        if (Server is null)
            Assert.Skip("HONGLING_TEST_REDIS is not set");
        var keys = "hongling-test-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var first = Instance(keys);
        await using var second = Instance(keys);
        Assert.Equal(HttpStatusCode.OK, await RegisterAsync(first));
        Assert.Equal(HttpStatusCode.OK, await RegisterAsync(second));
        // Each instance has seen one post; together they have used the address's allowance.
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(second));
    }
}
