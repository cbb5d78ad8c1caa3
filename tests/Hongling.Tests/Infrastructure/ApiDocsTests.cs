using System.Text.Json;

namespace Hongling.Tests.Infrastructure;

/// <summary>The OpenAPI document tells a client how to sign in, what an error looks like and which errors each
/// operation gives.</summary>
public sealed class ApiDocsTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var doc = JsonDocument.Parse(await app.NewClient().GetStringAsync("/openapi/v1.json"));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Document_DescribesTheCookieSignIn()
    {
        var doc = await DocumentAsync();
        var cookie = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("cookie");
        Assert.Equal("apiKey", cookie.GetProperty("type").GetString());
        Assert.Equal("cookie", cookie.GetProperty("in").GetString());
        Assert.Equal("hongling.auth", cookie.GetProperty("name").GetString());
        var description = cookie.GetProperty("description").GetString()!;
        Assert.Contains("/Account/Login", description);
        Assert.Contains("登录", description);
        Assert.Contains("Sign in", description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("__RequestVerificationToken", description);
    }

    [Fact]
    public async Task Document_DescribesTheProblemBody()
    {
        var doc = await DocumentAsync();
        var problem = doc.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");
        var properties = problem.GetProperty("properties");
        var required = problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        foreach (var field in new[] { "type", "title", "status", "detail", "code", "traceId" })
        {
            Assert.True(properties.TryGetProperty(field, out _), field);
            Assert.Contains(field, required);
        }
        Assert.Equal("integer", properties.GetProperty("status").GetProperty("type").GetString());
        Assert.Equal("^[a-z]+(_[a-z]+)*$", properties.GetProperty("code").GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task EverySignedInOperation_Answers401And403AsProblems_WithTheCookieRequirement()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        Assert.True(operations.Count >= 10);
        foreach (var (path, method, op) in operations)
        {
            Assert.True(op.TryGetProperty("security", out var security), $"{method} {path}: no security requirement");
            AssertProblem(op, "401", path, method);
            // Site terminals authenticate with their device key, not a member's cookie, and have no forbidden case.
            if (path.StartsWith("/api/terminal/"))
            {
                Assert.True(security[0].TryGetProperty("terminalKey", out _), $"{method} {path}");
                continue;
            }
            Assert.True(security[0].TryGetProperty("cookie", out _), $"{method} {path}");
            AssertProblem(op, "403", path, method);
        }
    }

    [Theory]
    [InlineData("/api/orgs/{orgId}", "get", "404")]
    [InlineData("/api/members/{id}", "get", "404")]
    [InlineData("/api/study/sessions", "post", "404")]
    [InlineData("/api/study/heartbeat", "post", "409")]
    [InlineData("/api/study/heartbeat", "post", "429")]
    [InlineData("/api/study/heartbeat", "post", "400")]
    [InlineData("/api/exams/attempts/{id}/answers/{position}", "put", "409")]
    [InlineData("/api/exams/attempts/{id}/answers/{position}", "put", "429")]
    [InlineData("/api/exams/attempts/{id}/submit", "post", "429")]
    public async Task Operations_DocumentTheirErrorAnswers(string path, string method, string status)
    {
        var doc = await DocumentAsync();
        AssertProblem(doc.GetProperty("paths").GetProperty(path).GetProperty(method), status, path, method);
    }

    [Fact]
    public async Task Operations_DoNotClaimAnswersTheyNeverGive()
    {
        var me = (await DocumentAsync())
            .GetProperty("paths")
            .GetProperty("/api/me")
            .GetProperty("get")
            .GetProperty("responses");
        Assert.False(me.TryGetProperty("404", out _));
        Assert.False(me.TryGetProperty("409", out _));
        Assert.False(me.TryGetProperty("429", out _));
    }

    private static void AssertProblem(JsonElement op, string status, string path, string method)
    {
        Assert.True(
            op.GetProperty("responses").TryGetProperty(status, out var response),
            $"{method} {path}: no {status}"
        );
        Assert.False(string.IsNullOrWhiteSpace(response.GetProperty("description").GetString()));
        var schema = response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
    }

    private static IEnumerable<(string Path, string Method, JsonElement Op)> Operations(JsonElement doc) =>
        from path in doc.GetProperty("paths").EnumerateObject()
        where path.Name.StartsWith("/api/")
        from op in path.Value.EnumerateObject()
        select (path.Name, op.Name, op.Value);
}
