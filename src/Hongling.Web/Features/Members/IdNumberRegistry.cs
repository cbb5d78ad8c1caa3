using System.Threading.RateLimiting;
using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>ID numbers are unique across the platform, so registering a member must know whether anyone,
/// anywhere, holds the number: the one read of members that looks past the caller's scope. A holder outside
/// the scope tells the caller that this person is registered elsewhere (needed for transfers, and a way to
/// probe for people), so each such finding is written to the audit log, against the organization the caller
/// was registering into, and counts against the caller's hourly allowance
/// (<c>RateLimits:OutsideIdChecksPerHour</c>); past it the holder is not revealed and the form says why.
/// One request asks about a number once: its finding is kept for the rest of the request.</summary>
public sealed class IdNumberRegistry(HonglingDb db, IServiceScopeFactory scopes, IdNumberRegistry.Allowance allowance)
{
    public const string TooMany = "您近一小时核查本管理范围以外身份证号码的次数已达上限,请稍后再试。";

    /// <summary>Who holds a number: <see cref="InScope"/> when the caller administers the holder's
    /// organization.</summary>
    public sealed record Holder(int MemberId, int OrganizationId, bool Left, bool InScope);

    /// <summary>A number's holder (null: nobody), or <see cref="Limited"/> when the caller may not learn it
    /// now.</summary>
    public sealed record Finding(Holder? Holder, bool Limited = false);

    private readonly Dictionary<string, Finding> _found = [];

    /// <summary>The finding for each hashed number (with its masked form for the log), asked for an organization
    /// the caller administers.</summary>
    public async Task<Dictionary<string, Finding>> FindAsync(
        IReadOnlyCollection<(string Hash, string Masked)> numbers,
        int orgId,
        string orgPath,
        CancellationToken ct
    )
    {
        var asked = numbers.Where(n => !_found.ContainsKey(n.Hash)).DistinctBy(n => n.Hash).ToList();
        var holders = new Dictionary<string, Holder>();
        foreach (var chunk in asked.Select(n => n.Hash).Chunk(500))
        foreach (
            var m in await db
                .MembersOfThePlatform.Where(m => chunk.Contains(m.IdNumberHash))
                .Select(m => new
                {
                    m.Id,
                    m.IdNumberHash,
                    m.OrganizationId,
                    m.OrgPath,
                    m.LeftOn,
                })
                .ToListAsync(ct)
        )
            holders[m.IdNumberHash] = new Holder(
                m.Id,
                m.OrganizationId,
                m.LeftOn is not null,
                db.Scope.Administers(m.OrgPath)
            );
        var revealed = new List<string>();
        foreach (var (hash, masked) in asked)
        {
            if (!holders.TryGetValue(hash, out var holder))
                _found[hash] = new Finding(null);
            else if (holder.InScope)
                _found[hash] = new Finding(holder);
            else if (allowance.TryTake(db.Scope.AccountId))
            {
                _found[hash] = new Finding(holder);
                revealed.Add(masked);
            }
            else
                _found[hash] = new Finding(null, Limited: true);
        }
        if (revealed.Count > 0)
            await LogAsync(revealed, orgId, orgPath, ct);
        return numbers.DistinctBy(n => n.Hash).ToDictionary(n => n.Hash, n => _found[n.Hash]);
    }

    public async Task<Finding> FindAsync(string hash, string masked, int orgId, string orgPath, CancellationToken ct) =>
        (await FindAsync([(hash, masked)], orgId, orgPath, ct))[hash];

    /// <summary>Written at once in a context of its own with the caller's scope, so that the log holds even when
    /// the caller's form is refused and nothing else of the request is saved.</summary>
    private async Task LogAsync(List<string> masked, int orgId, string orgPath, CancellationToken ct)
    {
        using var services = scopes.CreateScope();
        var caller = db.Scope;
        services
            .ServiceProvider.GetRequiredService<OrgScope>()
            .Load(caller.AdminPaths, caller.MemberId, caller.MemberOrgPath, caller.AccountId, caller.ActorName);
        var log = services.ServiceProvider.GetRequiredService<HonglingDb>();
        foreach (var number in masked)
            log.LogIdNumberCheck(orgId, orgPath, number);
        await log.SaveChangesAsync(ct);
    }

    /// <summary>Each administrator's hourly allowance of findings outside their scope (per instance).</summary>
    public sealed class Allowance(IConfiguration config) : IDisposable
    {
        private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
            account => RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = config.GetValue("RateLimits:OutsideIdChecksPerHour", 30),
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                })
        );

        public bool TryTake(string? accountId)
        {
            using var lease = _limiter.AttemptAcquire(accountId ?? "");
            return lease.IsAcquired;
        }

        public void Dispose() => _limiter.Dispose();
    }
}
