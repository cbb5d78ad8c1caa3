using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Hongling.Tests.Features.Account;

/// <summary>What the session tests do with cookies: take the sign-in cookie a response set, send it again
/// from a client of its own (a copied cookie, or the same browser against another instance), and sign in
/// as a given device.</summary>
public static class SessionClients
{
    public const string Android =
        "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like "
        + "Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36";
    public const string WindowsEdge =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
        + "Safari/537.36 Edg/131.0.0.0";
    public const string IPhoneWeChat =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/"
        + "15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN";

    /// <summary>The value of the hongling.auth cookie that <paramref name="response"/> set.</summary>
    public static string AuthCookie(HttpResponseMessage response) =>
        response
            .Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("hongling.auth=", StringComparison.Ordinal))["hongling.auth=".Length..];

    /// <summary>A client of <paramref name="instance"/> holding only the given sign-in cookie (and whatever
    /// cookies its own responses set, such as the antiforgery one).</summary>
    public static HttpClient WithCookie(
        WebApplicationFactory<Program> instance,
        string authCookie,
        string? userAgent = null
    )
    {
        var jar = new CookieContainer();
        jar.Add(new Uri("http://localhost"), new Cookie("hongling.auth", authCookie));
        var client = instance.CreateDefaultClient(new CookieContainerHandler(jar));
        if (userAgent is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return client;
    }

    /// <summary>Signs in from a new client that sends <paramref name="userAgent"/>; returns it and its
    /// cookie.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInAsync(
        WebApplicationFactory<Program> instance,
        string card,
        string? userAgent = null,
        string password = TestApp.Password
    )
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userAgent is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        var response = await TestApp.SignInAsync(client, card, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, AuthCookie(response));
    }

    /// <summary>True when <paramref name="client"/> is still signed in: the home page answers instead of sending it to
    /// sign in.</summary>
    public static async Task<bool> SignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        if (response.StatusCode == HttpStatusCode.OK)
            return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(
            "/Account/Login",
            new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery
        );
        return false;
    }
}
