using System.Net;
using System.Net.Http.Json;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Account;

/// <summary>GET /api/whoami is the benchmarks' fair baseline: signed in, and nothing else. It answers from the
/// sign-in's claims without loading the caller's scope, so it keeps answering when the scope cannot be loaded.
/// (Its own fixture: one test here takes a table away for a moment.)</summary>
public sealed class WhoAmITests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record WhoAmI(string Name, string CardNumber);

    [Fact]
    public async Task SignedOut_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/whoami")).StatusCode);
    }

    [Fact]
    public async Task SignedIn_AnswersTheNameAndCard()
    {
        var (_, branch) = await app.AddTownAsync("问谁镇");
        var member = await app.AddMemberAsync(branch, "王问谁");
        var card = TestApp.NewCard();
        var client = await app.SignInAsNewAccountAsync(card, member);

        var me = await client.GetFromJsonAsync<WhoAmI>("/api/whoami");

        Assert.Equal(new WhoAmI("王问谁", card), me);
    }

    [Fact]
    public async Task AnswersEvenWhenTheScopeCannotBeLoaded()
    {
        var (_, branch) = await app.AddTownAsync("无域镇");
        var member = await app.AddMemberAsync(branch, "李无域");
        var client = await app.SignInAsNewAccountAsync(TestApp.NewCard(), member);
        // The scope load reads the caller's administered subtrees; without their table it fails.
        await app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("ALTER TABLE \"OrgAdministrators\" RENAME TO \"OrgAdministratorsAway\"")
        );
        try
        {
            // loads the scope
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/api/me")).StatusCode);

            var whoami = await client.GetAsync("/api/whoami");

            Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
            Assert.Equal("李无域", (await whoami.Content.ReadFromJsonAsync<WhoAmI>())!.Name);
        }
        finally
        {
            await app.WithDbAsync(db =>
                db.Database.ExecuteSqlRawAsync("ALTER TABLE \"OrgAdministratorsAway\" RENAME TO \"OrgAdministrators\"")
            );
        }
    }

    [Fact]
    public void IsMarkedWithoutOrgScope()
    {
        var endpoint = app
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/api/whoami");

        Assert.NotNull(endpoint.Metadata.GetMetadata<WithoutOrgScopeMetadata>());
    }
}
