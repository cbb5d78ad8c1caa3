using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Hongling.Web.Data;

/// <summary>A site's terminal that proved its device key on this request: the capability a terminal's API request holds
/// instead of an org scope. Only <see cref="HonglingDb.TerminalByKeyAsync"/> makes one, so holding one means the key
/// was current; every terminal operation below takes it and reaches that terminal's row and its own site's sessions,
/// nothing else.</summary>
public sealed class TerminalCaller
{
    internal TerminalCaller(int id, int siteId, int organizationId, string orgPath, long chainSeq, string? chainHead)
    {
        Id = id;
        SiteId = siteId;
        OrganizationId = organizationId;
        OrgPath = orgPath;
        ChainSeq = chainSeq;
        ChainHead = chainHead;
    }

    public int Id { get; }
    public int SiteId { get; }
    public int OrganizationId { get; }
    public string OrgPath { get; }

    /// <summary>The chain's head as read when the key was checked.</summary>
    public long ChainSeq { get; }
    public string? ChainHead { get; }
}

/// <summary>The named way past the org scope for terminals (Features/Sites/TerminalApi). A terminal is not a member and
/// administers nothing: its requests carry a device key, not a sign-in cookie, and load no scope. It may read its own
/// <see cref="Terminal"/> row and read and add <see cref="ViewingSession"/>s of its own site and terminal only; the
/// checks are here, in one place, and TerminalScopeTests prove it cannot reach another site.</summary>
public abstract partial class HonglingDb
{
    /// <summary>Named escape: the terminal whose current (not revoked) key hashes to <paramref name="keyHash"/>, looked
    /// up
    /// across every organization by the unique key-hash index, since the key is all the caller has.</summary>
    public Task<TerminalCaller?> TerminalByKeyAsync(string keyHash, CancellationToken ct) =>
        Terminals
            .IgnoreQueryFilters()
            .AsNoTracking()
            .Where(t => t.KeyHash == keyHash && t.RevokedAt == null)
            .Select(t => new TerminalCaller(t.Id, t.SiteId, t.OrganizationId, t.OrgPath, t.ChainSeq, t.ChainHead))
            .FirstOrDefaultAsync(ct);

    /// <summary>This terminal's own row, read-only (its chain head, its name).</summary>
    public IQueryable<Terminal> OwnTerminalRow(TerminalCaller terminal) =>
        Terminals.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == terminal.Id && t.SiteId == terminal.SiteId);

    /// <summary>The sessions this terminal reported (its own site's, its own terminal's), read-only.</summary>
    public IQueryable<ViewingSession> SessionsOfTerminal(TerminalCaller terminal) =>
        ViewingSessions
            .IgnoreQueryFilters()
            .AsNoTracking()
            .Where(s => s.SiteId == terminal.SiteId && s.TerminalId == terminal.Id);

    /// <summary>Inserts sessions the terminal reported, in the caller's transaction. Every row must be this terminal's,
    /// at this terminal's site and organization (else <see cref="OrgScopeViolationException"/> and nothing is written);
    /// the rows get the organization's path stamp as a scoped save would give them. Viewing sessions are not
    /// audited.</summary>
    public async Task InsertTerminalSessionsAsync(
        TerminalCaller terminal,
        IReadOnlyCollection<ViewingSession> rows,
        CancellationToken ct
    )
    {
        if (
            rows.Any(r =>
                r.TerminalId != terminal.Id
                || r.SiteId != terminal.SiteId
                || r.OrganizationId != terminal.OrganizationId
                || r.Manual
            )
        )
            throw new OrgScopeViolationException("A terminal may write only its own sessions at its own site.");
        foreach (var row in rows)
            row.OrgPath = terminal.OrgPath;
        await InsertRowsAsync(rows, ct);
    }

    /// <summary>Updates this terminal's own row with one UPDATE (its last ping, last report, chain head): a terminal's
    /// traffic changes no audited column and so writes no audit entry.</summary>
    public Task<int> UpdateTerminalAsync(
        TerminalCaller terminal,
        Action<UpdateSettersBuilder<Terminal>> set,
        CancellationToken ct
    ) =>
        Terminals
            .IgnoreQueryFilters()
            .Where(t => t.Id == terminal.Id && t.SiteId == terminal.SiteId)
            .ExecuteUpdateAsync(set, ct);

    /// <summary>Flags earlier sessions of this terminal that a new report overlaps (kept, counted once).</summary>
    public Task<int> MarkTerminalSessionsOverlappingAsync(
        TerminalCaller terminal,
        IReadOnlyCollection<long> ids,
        CancellationToken ct
    ) =>
        ids.Count == 0
            ? Task.FromResult(0)
            : ViewingSessions
                .IgnoreQueryFilters()
                .Where(s => s.SiteId == terminal.SiteId && s.TerminalId == terminal.Id && ids.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Overlapping, true), ct);
}
