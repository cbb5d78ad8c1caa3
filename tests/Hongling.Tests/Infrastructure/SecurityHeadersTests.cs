using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure;

public sealed partial class SecurityHeadersTests(TestApp app) : IClassFixture<TestApp>
{
    public static TheoryData<string, int> Anonymous =>
        new()
        {
            { "/Account/Login", 200 }, // a Razor page with a form (antiforgery used to set SAMEORIGIN here only)
            { "/api/me", 401 }, // an API problem answer
            { "/no/such/page", 404 }, // the error page, re-executed
            { "/__test/throw", 500 }, // the exception page: the handler clears the response, the headers stay
            { "/js/site.js", 200 }, // a static file
            { "/css/site.css", 200 },
            { "/Members", 302 }, // a redirect to the sign-in page
            { "/ping", 200 }, // a short-circuited endpoint
            { "/openapi/v1.json", 200 },
        };

    [Theory, MemberData(nameof(Anonymous))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url, int status)
    {
        var response = await app.NewClient().GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        AssertHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // Development, plain HTTP
    }

    [Fact]
    public async Task SignedInApiAnswer_CarriesTheSecurityHeaders()
    {
        var response = await (await app.SignInAsNewAccountAsync(TestApp.NewCard())).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task MaterialFile_MayBeFramedByThisSiteOnly()
    {
        var response = await app.NewClient().GetAsync("/api/study/materials/1/file");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var csp = Csp(response);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("SAMEORIGIN", Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task ApiDocs_ScriptsCarryTheNonceTheHeaderAllows_AndNothingLoadsFromElsewhere()
    {
        var response = await app.NewClient().GetAsync("/api/docs/");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = NoncePattern().Match(Csp(response)).Groups[1].Value;
        Assert.NotEmpty(nonce);
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s));
        Assert.DoesNotMatch("https?://", html);
        Assert.Contains("\"withDefaultFonts\":false", html);
        var second = await app.NewClient().GetAsync("/api/docs/");
        Assert.DoesNotContain(nonce, Csp(second)); // a fresh nonce on every request
    }

    [Fact]
    public async Task RazorViews_HaveNoInlineScriptOrEventHandler()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var root = Path.Combine(
            scope.ServiceProvider.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            "Features"
        );
        var found = Directory
            .EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => InlineHandler().IsMatch(x.line) || InlineScript().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "inline script (refused by script-src 'self'):\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task SecureCookies_CarryTheHostPrefix_AndHttpsAnswersCarryHsts()
    {
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card);
        await using var secure = app.WithWebHostBuilder(b => b.UseSetting("Cookies:Secure", "true"));
        var client = secure.CreateClient(
            new WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                BaseAddress = new Uri("https://hongling.test/"),
            }
        );

        var login = await client.GetAsync("/Account/Login");
        AssertHeaders(login);
        Assert.Equal("max-age=31536000", Single(login, "Strict-Transport-Security"));
        AssertHostCookie(login, "__Host-hongling.af");

        var signIn = await TestApp.SignInAsync(client, card);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("max-age=31536000", Single(signIn, "Strict-Transport-Security"));
        AssertHostCookie(signIn, "__Host-hongling.auth");
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hongling."));

        var me = await client.GetAsync("/api/me"); // the prefixed cookie signs the caller in
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("max-age=31536000", Single(me, "Strict-Transport-Security"));
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.Equal(
            "__Host-hongling.auth",
            doc.RootElement.GetProperty("components")
                .GetProperty("securitySchemes")
                .GetProperty("cookie")
                .GetProperty("name")
                .GetString()
        );

        // Never over plain HTTP (browsers ignore it there), nor for a loopback host (it would pin every local server).
        var plain = secure.CreateClient(
            new WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                BaseAddress = new Uri("http://hongling.test/"),
            }
        );
        Assert.False((await plain.GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));
        var local = secure.CreateClient(
            new WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                BaseAddress = new Uri("https://localhost/"),
            }
        );
        Assert.False((await local.GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        var csp = Csp(response);
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);
        Assert.Equal("'self'", directives["script-src"]); // no 'unsafe-inline', no outside host
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self' data:", directives["img-src"]); // no outside images
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        var permissions = Single(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("geolocation=()", permissions);
    }

    private static void AssertHostCookie(HttpResponseMessage response, string name)
    {
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "="));
        var attributes = cookie
            .Split(';', StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(a => a.ToLowerInvariant())
            .ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain="));
    }

    private static string Csp(HttpResponseMessage response) => Single(response, "Content-Security-Policy");

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
        || response.Content.Headers.TryGetValues(header, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{header} missing on {response.RequestMessage?.RequestUri}");

    [GeneratedRegex(@"script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex(@"<script\b[^>]*>")]
    private static partial Regex ScriptTag();

    /// <summary>onclick=, onchange=, onsubmit=… on any element.</summary>
    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    /// <summary>A script element without src (its code inline).</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
