using System.Net;

namespace Hongling.Tests.Features.Health;

public sealed class HealthAndErrorTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Health_DatabaseAnswers_200Json()
    {
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/live", "not checked")]
    [InlineData("/health/ready", "ok")]
    public async Task LiveAndReady_AfterMigrations_200Json(string path, string database)
    {
        var response = await app.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"healthy\"", body);
        Assert.Contains($"\"{database}\"", body);
    }

    [Fact]
    public async Task UnknownPage_ChinesePage404()
    {
        var response = await app.NewClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Exception_ChinesePage500_LeaksNothing()
    {
        var response = await app.NewClient().GetAsync("/__test/throw");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("系统出错了", html);
        Assert.DoesNotContain("secret-stack-detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(" at ", html);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var json = await app.NewClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/members/{id}", json);
        Assert.Contains("/api/orgs/{orgId}/members", json);
    }

    [Fact]
    public async Task Pages_SendAntiforgeryAndHttpOnlyCookies()
    {
        var response = await app.NewClient().GetAsync("/Account/Login");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c =>
            c.StartsWith("hongling.af=") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase)
        );
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }
}
