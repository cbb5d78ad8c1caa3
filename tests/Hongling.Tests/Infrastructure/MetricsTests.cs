using System.Net;
using Hongling.Tests.Features.Study;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure;

/// <summary>GET /metrics (Infrastructure/Metrics): Prometheus text with ASP.NET Core's meters and the group-commit
/// writers', only to the addresses in Metrics:AllowedFrom; 404 to anyone else and to all when none is listed.</summary>
public sealed class MetricsTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Scraper = "10.0.0.5";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebApplicationFactory<Program> Scraped() =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Metrics:AllowedFrom:0", Scraper);
            b.UseSetting("Metrics:AllowedFrom:1", "192.168.60.0/24");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromTestHeader>());
        });

    private static HttpClient From(WebApplicationFactory<Program> host, string peer)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        return client;
    }

    [Fact]
    public async Task Metrics_FromTheScraper_ShowRequestsAndTheBeatWriter()
    {
        await using var host = Scraped();
        var (_, _, _, card, material) = await StudyFixture.ReaderAsync(app, "指标镇");
        var reader = From(host, "10.0.0.7");
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(reader, card)).StatusCode);
        var session = await StudyFixture.OpenAsync(reader, material.Id);
        Assert.Equal(HttpStatusCode.OK, (await StudyFixture.BeatAsync(reader, session, 1)).StatusCode);

        foreach (var scraper in new[] { Scraper, "192.168.60.20" })
        {
            var answer = await From(host, scraper).GetAsync("/metrics", Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var text = await answer.Content.ReadAsStringAsync(Ct);
            Assert.Contains("http_server_request_duration_seconds", text);
            Assert.Contains("hongling_groupcommit_items_total{", text);
            Assert.Contains("writer=\"StudyBeatWriter\"", text);
            Assert.Contains("hongling_groupcommit_commit_duration_seconds_bucket{", text);
        }
    }

    [Fact]
    public async Task Metrics_FromAnyOtherAddress_AreNotFound()
    {
        await using var host = Scraped();
        Assert.Equal(HttpStatusCode.NotFound, (await From(host, "10.0.0.9").GetAsync("/metrics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await From(host, "192.168.61.1").GetAsync("/metrics", Ct)).StatusCode);
    }

    [Fact]
    public async Task Metrics_WithNoScraperListed_AreNotFound()
    {
        var answer = await From(app, Scraper).GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}
