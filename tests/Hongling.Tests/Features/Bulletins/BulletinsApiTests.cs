using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>POST /api/bulletins: generates a bulletin for an organization the caller administers, answers its id and
/// each section's time in Server-Timing; 404 outside the caller's scope; a bad month is a Chinese problem.</summary>
public sealed class BulletinsApiTests(TestApp app) : IClassFixture<TestApp>
{
    private int LastMonth => ChinaTime.PreviousMonth(app.Clock.MonthInChina());

    private static string Text(int month) => $"{month / 100}-{month % 100:D2}";

    [Fact]
    public async Task Generating_AnswersTheStoredBulletinsId_AndEachSectionsTime()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        var response = await client.PostAsJsonAsync(
            "/api/bulletins",
            new { organizationId = d.Root.Id, month = Text(LastMonth) }
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        var stored = await app.WithDbAsync(db => db.Bulletins.SingleAsync(b => b.Id == id));
        Assert.Equal((d.Root.Id, LastMonth, 1), (stored.OrganizationId, stored.Month, stored.Version));
        Assert.Equal(response.Headers.Location?.OriginalString, $"/api/bulletins/{id}/figures");

        var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        var parts = timing.Split(", ").Select(p => p.Split(";dur=")).ToList();
        Assert.Equal(["sites", "submissions", "platform", "targets", "quality", "store"], parts.Select(p => p[0]));
        Assert.All(parts, p =>
            Assert.True(double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture) >= 0, timing)
        );

        // Again (and with "yyyyMM"): a new version of the same bulletin.
        var again = await client.PostAsJsonAsync(
            "/api/bulletins",
            new { organizationId = d.Root.Id, month = LastMonth.ToString() }
        );
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AnOrganizationOutsideTheScope_IsNotFound_AndNothingIsStored()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.East);

        var response = await client.PostAsJsonAsync(
            "/api/bulletins",
            new { organizationId = d.West.Id, month = Text(LastMonth) }
        );

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            "org_not_found",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()
        );
        Assert.False(await app.WithDbAsync(db => db.Bulletins.AnyAsync(b => b.OrganizationId == d.West.Id)));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-8")]
    [InlineData("八月")]
    [InlineData(null)]
    [InlineData("next")]
    public async Task ABadMonth_IsAChineseProblem(string? month)
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var client = await app.SignInAsAdministratorOfAsync(d.Root);

        var response = await client.PostAsJsonAsync(
            "/api/bulletins",
            new
            {
                organizationId = d.Root.Id,
                month = month == "next" ? Text(ChinaTime.NextMonth(app.Clock.MonthInChina())) : month,
            }
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bulletin_month_invalid", problem.GetProperty("code").GetString());
        Assert.Contains("月份", problem.GetProperty("detail").GetString());
        Assert.False(await app.WithDbAsync(db => db.Bulletins.AnyAsync(b => b.OrganizationId == d.Root.Id)));
    }
}
