using System.Text.Json;
using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>The terminals' JSON API (/api/terminal): a site's PC running the terminal agent pings and reports viewing
/// sessions with its device key (<c>Authorization: Bearer KEY</c>), never a sign-in cookie. The requests load no org
/// scope; the key gives a <see cref="TerminalCaller"/> (HonglingDb.Sites.cs), through which alone they touch the
/// database: the terminal's own row and its own site's sessions. An unknown or revoked key answers 401.</summary>
public static class TerminalApi
{
    public const string Scheme = "terminalKey";
    private const string CallerKey = "Hongling.TerminalCaller";

    public sealed record PingResponse(DateTime ServerTime, string Terminal, long ChainSeq, string? ChainHead);

    public static IEndpointRouteBuilder MapTerminalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/terminal")
            .AllowAnonymous()
            .WithoutOrgScope()
            .WithTags("Terminal")
            .AddEndpointFilter(AuthenticateAsync)
            .DocumentsProblems(401)
            .WithMetadata(new TerminalKeyMetadata());
        api.MapPost("/ping", PingAsync).WithSummary("终端在线心跳:更新最后在线时间,返回服务器时间与服务器保存的链头");
        api.MapPost("/sessions", ReportAsync)
            .Accepts<SessionIngest.SessionBatch>("application/json")
            .DocumentsProblems(400, 409)
            .WithSummary("上报一批收看记录(最多1000条;按 clientId 幂等;整批保存或整批拒绝)");
        return app;
    }

    /// <summary>Marks the terminal's operations in the OpenAPI document (their security is the device key).</summary>
    public sealed class TerminalKeyMetadata;

    private static async ValueTask<object?> AuthenticateAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var http = context.HttpContext;
        var key = TerminalKeys.FromHeader(http.Request.Headers.Authorization);
        var db = http.RequestServices.GetRequiredService<HonglingDb>();
        if (
            key is null
            || await db.TerminalByKeyAsync(TerminalKeys.HashOf(key), http.RequestAborted) is not { } terminal
        )
            return Problems.From(RuleErrors.TerminalKeyInvalid);
        http.Items[CallerKey] = terminal;
        return await next(context);
    }

    private static TerminalCaller Caller(HttpContext http) => (TerminalCaller)http.Items[CallerKey]!;

    private static async Task<Ok<PingResponse>> PingAsync(
        HttpContext http,
        HonglingDb db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var terminal = Caller(http);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UpdateTerminalAsync(terminal, u => u.SetProperty(t => t.LastPingAt, now), ct);
        var row = await db.OwnTerminalRow(terminal)
            .Select(t => new
            {
                t.Name,
                t.ChainSeq,
                t.ChainHead,
            })
            .FirstAsync(ct);
        return TypedResults.Ok(new PingResponse(now, row.Name, row.ChainSeq, row.ChainHead));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the body itself, so that malformed JSON answers the API's own problem
    /// (terminal_json_malformed).</summary>
    private static async Task<Results<Ok<SessionIngest.BatchResult>, ProblemHttpResult>> ReportAsync(
        HttpContext http,
        SessionIngest ingest,
        CancellationToken ct
    )
    {
        SessionIngest.SessionBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync<SessionIngest.SessionBatch>(http.Request.Body, Json, ct);
        }
        catch (JsonException)
        {
            return Problems.From(RuleErrors.TerminalJsonMalformed);
        }
        var outcome = await ingest.IngestAsync(Caller(http), batch, ct);
        return outcome.Result is { } result ? TypedResults.Ok(result) : Problems.From(outcome.Error!);
    }
}
