using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hongling.Tests.Infrastructure;

/// <summary>Test-only: each request's connection address is taken from its X-Test-Peer header (the test server
/// has no real connections), first in the pipeline.</summary>
internal sealed class PeerFromTestHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
        a =>
        {
            a.Use(
                (HttpContext ctx, RequestDelegate nxt) =>
                {
                    if (ctx.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                        ctx.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                    return nxt(ctx);
                }
            );
            next(a);
        };
}
