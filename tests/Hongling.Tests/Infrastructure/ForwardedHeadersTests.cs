using System.Net;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure;

/// <summary>X-Forwarded-For counts only when the connection comes from a configured proxy (Proxies:Known):
/// then the sign-in records, the sessions and the per-address rate limits see the client behind nginx; from
/// anyone else the header is a forgery and the connection's own address is used.</summary>
public sealed class ForwardedHeadersTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Proxy = "10.0.0.1";
    private const string Stranger = "10.0.0.9";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app behind a proxy at <see cref="Proxy"/>, two registrations per address and hour; each
    /// request's connection address is taken from the test-only X-Test-Peer header.</summary>
    private WebApplicationFactory<Program> BehindProxy() =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Proxies:Known:0", Proxy);
            b.UseSetting("Proxies:Known:1", "192.168.50.0/24");
            b.UseSetting("RateLimits:RegistrationsPerHour", "2");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromTestHeader>());
        });

    private static HttpClient Client(WebApplicationFactory<Program> host, string peer, string forwardedFor)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private async Task<(string? Record, string? Session)> SignInFromAsync(
        WebApplicationFactory<Program> host,
        string peer,
        string forwardedFor
    )
    {
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card);
        var response = await TestApp.SignInAsync(Client(host, peer, forwardedFor), card);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(async db =>
        {
            var record = await db
                .SignInRecords.IgnoreQueryFilters()
                .AsNoTracking()
                .SingleAsync(r => r.CardNumber == card, Ct);
            var session = await db
                .AccountSessions.IgnoreQueryFilters()
                .AsNoTracking()
                .Where(s => s.AccountId == record.AccountId)
                .Select(s => s.RemoteIp)
                .SingleAsync(Ct);
            return (record.RemoteIp, session);
        });
    }

    [Fact]
    public async Task SignIn_ThroughKnownProxy_RecordsTheClient_ForgedHeaderFromStrangerIgnored()
    {
        await using var host = BehindProxy();
        Assert.Equal(("203.0.113.7", "203.0.113.7"), await SignInFromAsync(host, Proxy, "203.0.113.7"));
        Assert.Equal(("203.0.113.8", "203.0.113.8"), await SignInFromAsync(host, "192.168.50.20", "203.0.113.8"));
        Assert.Equal((Stranger, Stranger), await SignInFromAsync(host, Stranger, "203.0.113.9"));
    }

    [Fact]
    public async Task NoProxyConfigured_LoopbackIsNotTrustedEither()
    {
        await using var host = app.WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromTestHeader>())
        );
        Assert.Equal(("127.0.0.1", "127.0.0.1"), await SignInFromAsync(host, "127.0.0.1", "203.0.113.10"));
    }

    private static async Task<HttpStatusCode> RegisterAsync(HttpClient client) =>
        (
            await TestApp.PostFormAsync(
                client,
                "/Exams/Register",
                new Dictionary<string, string> { ["Input.Name"] = "" }
            )
        ).StatusCode;

    [Fact]
    public async Task PerAddressLimit_CountsTheClientBehindTheProxy_NotTheForgedHeader()
    {
        await using var host = BehindProxy();
        // Two clients behind the proxy: each has its own allowance.
        var first = Client(host, Proxy, "198.51.100.1");
        Assert.Equal(HttpStatusCode.OK, await RegisterAsync(first));
        Assert.Equal(HttpStatusCode.OK, await RegisterAsync(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(first));
        Assert.Equal(HttpStatusCode.OK, await RegisterAsync(Client(host, Proxy, "198.51.100.2")));

        // A stranger forging a new address on every request still spends one allowance.
        Assert.Equal(HttpStatusCode.OK, await RegisterAsync(Client(host, Stranger, "198.51.100.3")));
        Assert.Equal(HttpStatusCode.OK, await RegisterAsync(Client(host, Stranger, "198.51.100.4")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(Client(host, Stranger, "198.51.100.5")));
    }
}
