using System.Security.Claims;
using System.Security.Cryptography;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Account;

/// <summary>Server-side sessions (the cookie handler's ITicketStore): the sign-in cookie carries only a session
/// key, the ticket lives in <see cref="AccountSession"/> rows shared by every instance, so deleting a row
/// (sign-out, a password change, a locked card, 我的账号) ends that session at once everywhere.
/// <para>Every signed-in request costs one primary-key read of the row on a prepared command of its own
/// (<see cref="SessionReader"/>, no DbContext), about 12 µs of CPU on SQLite; the same read returns what the
/// org scope needs of the caller, so a request whose administered subtrees are cached makes no other query. The ticket
/// is deserialized from
/// the row each time (about 1 µs): a per-instance cache of it would save no more than that, and could not
/// skip the read, which is what makes an ended session stop at once on every instance. "Last seen" (and with
/// it the idle expiry) is written at most about once a minute per session.</para></summary>
public sealed class SessionStore(
    SessionReader reader,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<SessionOptions> options
) : ITicketStore
{
    /// <summary>How often a session's last-seen time (and so its idle expiry) is written at most.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private static readonly object CurrentKey = new();
    private static readonly object ReplacedKey = new();

    /// <summary>The key of the session this request was authenticated with (null when signed out).</summary>
    public static string? CurrentId(HttpContext context) => context.Items[CurrentKey] as string;

    public async Task<string> StoreAsync(
        AuthenticationTicket ticket,
        HttpContext httpContext,
        CancellationToken cancellationToken
    )
    {
        var accountId = AccountOf(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        // its own context: nothing else the page tracks is saved with it
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        var session = new AccountSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            AccountId = accountId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = options.CurrentValue.ExpiresAt(
                await IsAdministratorAsync(db, accountId, cancellationToken),
                now,
                now
            ),
            UserAgent = httpContext.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent
                ? agent[..Math.Min(agent.Length, AccountSession.UserAgentLength)]
                : null,
            RemoteIp = httpContext.Connection.RemoteIpAddress?.ToString(),
        };
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        // A sign-in replaces the browser's previous session (see RetrieveAsync): that one ends now.
        if (httpContext.Items[ReplacedKey] is string replaced)
            await RemoveAsync(replaced, httpContext, cancellationToken);
        httpContext.Items[CurrentKey] = session.Id;
        return session.Id;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(
        string key,
        HttpContext httpContext,
        CancellationToken cancellationToken
    )
    {
        // A sign-in form never resumes the browser's session: the handler would otherwise give the new sign-in
        // the old key (session fixation: whoever copied the old cookie would hold the new sign-in too). The form
        // is shown signed out as well, so that its antiforgery token is the one its post is checked against.
        if (httpContext.GetEndpoint()?.Metadata.GetMetadata<SignInFormAttribute>() is not null)
        {
            if (HttpMethods.IsPost(httpContext.Request.Method))
                httpContext.Items[ReplacedKey] = key;
            return null;
        }
        if (await reader.ReadAsync(key, cancellationToken) is not { } row)
            return null; // ended: signed out, revoked or cleaned up
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.ExpiresAt <= now)
        {
            await RemoveAsync(key, httpContext, cancellationToken);
            return null;
        }
        if (TicketSerializer.Default.Deserialize(row.Ticket) is not { } ticket)
            return null;
        // Requests that arrive together may each write it once at the minute's turn: harmless, and rare.
        var expiresAt =
            now - row.LastSeenAt >= TouchInterval
                ? await TouchAsync(httpContext, key, row.CreatedAt, now, cancellationToken)
                : row.ExpiresAt;
        // The handler refuses a ticket past this, and never extends it: the store alone decides when a session ends.
        ticket.Properties.ExpiresUtc = expiresAt;
        httpContext.Items[CurrentKey] = key;
        row.Caller.KeepFor(httpContext);
        return ticket;
    }

    public async Task RenewAsync(
        string key,
        AuthenticationTicket ticket,
        HttpContext httpContext,
        CancellationToken cancellationToken
    )
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var accountId = AccountOf(ticket);
        // Only an existing session of the same account is renewed: an ended one is never brought back.
        await Db(httpContext)
            .SessionsOfAllAccounts.Where(s => s.Id == key && s.AccountId == accountId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes), cancellationToken);
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await Db(httpContext).SessionsOfAllAccounts.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    // The cookie handler calls the overloads above, which carry the request; these exist for the interface only.
    public Task<string> StoreAsync(AuthenticationTicket ticket) =>
        throw new NotSupportedException("Sessions are stored with their request.");

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        throw new NotSupportedException("Sessions are renewed with their request.");

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        throw new NotSupportedException("Sessions are read with their request.");

    public Task RemoveAsync(string key) => throw new NotSupportedException("Sessions are removed with their request.");

    /// <summary>Writes the last-seen time and the expiry that follows from it. Whether the account administers
    /// anything is decided again here, so an administrator appointed while signed in gets the administrators'
    /// limits within a minute of activity.</summary>
    private async Task<DateTime> TouchAsync(
        HttpContext httpContext,
        string key,
        DateTime createdAt,
        DateTime now,
        CancellationToken ct
    )
    {
        var policy = options.CurrentValue;
        var asAdministrator = policy.ExpiresAt(true, createdAt, now);
        var asMember = policy.ExpiresAt(false, createdAt, now);
        var db = Db(httpContext);
        await db
            .SessionsOfAllAccounts.Where(s => s.Id == key)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(s => s.LastSeenAt, now)
                        .SetProperty(
                            s => s.ExpiresAt,
                            s =>
                                db.OrgAdministrators.Any(a => a.AccountId == s.AccountId)
                                || db.UserRoles.Any(ur =>
                                    ur.UserId == s.AccountId
                                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SystemAdmin)
                                )
                                    ? asAdministrator
                                    : asMember
                        ),
                ct
            );
        return await db.SessionsOfAllAccounts.Where(s => s.Id == key).Select(s => s.ExpiresAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>An administrator is a system administrator or the administrator of an organization: their
    /// sessions get the shorter limits.</summary>
    private static Task<bool> IsAdministratorAsync(HonglingDb db, string accountId, CancellationToken ct) =>
        db
            .AccountsOfThePlatform.Where(a => a.Id == accountId)
            .Select(a =>
                db.OrgAdministrators.Any(x => x.AccountId == a.Id)
                || db.UserRoles.Any(ur =>
                    ur.UserId == a.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SystemAdmin)
                )
            )
            .FirstOrDefaultAsync(ct);

    private static HonglingDb Db(HttpContext httpContext) =>
        httpContext.RequestServices.GetRequiredService<HonglingDb>();

    private static string AccountOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("A session's ticket names its account.");
}

/// <summary>Marks a page whose POST signs someone in (the sign-in form, candidate registration): its requests
/// do not resume the browser's current session, so a sign-in gets a new session key and the session it
/// replaces ends (see <see cref="SessionStore"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignInFormAttribute : Attribute;
