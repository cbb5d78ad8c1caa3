using System.Net;
using Scalar.AspNetCore;

namespace Hongling.Web.Infrastructure;

/// <summary>The browser-side security headers, on every response the app sends: pages, API answers, static
/// files, redirects and error pages (set when the response starts, so an exception handler that clears the
/// response still gets them). Scripts run only from this site's files (no inline script or event handler;
/// the API docs page is let in by a per-request nonce); no plugins, no framing, no base-tag tricks; no MIME
/// sniffing; the referrer stays on this site; device features are off. HSTS is sent when cookies are Secure.</summary>
public static class SecurityHeaders
{
    // style-src keeps 'unsafe-inline': the pages carry style attributes and Bootstrap's scripts and the API
    // docs set styles at run time. Styles cannot run code, and script-src stays strict.
    // img-src has data: for the check-in QR code (an inline PNG); media and frames are this site's files.
    private const string Policy =
        "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; media-src 'self'; frame-src 'self'; object-src 'none'; base-uri "
        + "'self'; form-action 'self'; frame-ancestors {1}";

    private static readonly string Strict = string.Format(Policy, "", "'none'");
    private static readonly string FramedBySelf = string.Format(Policy, "", "'self'");

    /// <summary>No page needs a device feature: the check-in QR code is scanned by the phone's own camera app,
    /// which opens the check-in link; no page of this site reads the camera.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private const string Hsts = "max-age=31536000";

    /// <summary>Whether cookies are sent only over HTTPS: <c>Cookies:Secure</c>, by default everywhere but Development
    /// (so plain-HTTP development keeps working).</summary>
    public static bool SecureCookies(IConfiguration config, IHostEnvironment env) =>
        config.GetValue<bool?>("Cookies:Secure") ?? !env.IsDevelopment();

    /// <summary>A cookie's name: with the <c>__Host-</c> prefix when cookies are Secure, so the browser accepts it
    /// only from this host over HTTPS with Path=/ and no Domain (a sibling subdomain cannot plant or shadow
    /// it).</summary>
    public static string CookieName(string name, bool secure) => secure ? "__Host-" + name : name;

    /// <summary>Marks an endpoint whose answers this site's own pages show in a frame (a PDF in the reader):
    /// frame-ancestors 'self' instead of 'none'.</summary>
    public static TBuilder AllowFramingBySelf<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(FramingBySelf.Instance);

    /// <summary>First in the pipeline, so every response passes through it.</summary>
    public static IApplicationBuilder UseHonglingSecurityHeaders(this WebApplication app)
    {
        var hsts = SecureCookies(app.Configuration, app.Environment);
        return app.Use(
            (ctx, next) =>
            {
                ctx.Response.OnStarting(hsts ? ApplyWithHsts : Apply, ctx);
                return next(ctx);
            }
        );
    }

    private static readonly Func<object, Task> Apply = state => Set((HttpContext)state, hsts: false);
    private static readonly Func<object, Task> ApplyWithHsts = state => Set((HttpContext)state, hsts: true);

    private static Task Set(HttpContext ctx, bool hsts)
    {
        var framed = ctx.GetEndpoint()?.Metadata.GetMetadata<FramingBySelf>() is not null;
        var headers = ctx.Response.Headers;
        headers.ContentSecurityPolicy =
            ctx.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                ? string.Format(Policy, $" 'nonce-{nonce}'", "'none'")
            : framed ? FramedBySelf
            : Strict;
        headers.XFrameOptions = framed ? "SAMEORIGIN" : "DENY"; // for browsers without frame-ancestors
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        // Not for loopback: a browser would then refuse plain HTTP to every local development server for a year.
        if (hsts && ctx.Request.IsHttps && !IsLoopback(ctx.Request.Host.Host))
            headers.StrictTransportSecurity = Hsts;
        return Task.CompletedTask;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private sealed class FramingBySelf
    {
        public static readonly FramingBySelf Instance = new();
    }
}
