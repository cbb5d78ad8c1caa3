using System.Data.Common;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Sites;

/// <summary>Takes a terminal's batch of session records: checks every record, then in one transaction keeps the new
/// ones (all of them or none), verifies and extends the terminal's hash chain, flags overlaps and late arrivals, and
/// moves the terminal's chain head. Idempotent by client id: a record already kept with the same content is not kept
/// again, and the answer describes each record as stored, so a batch sent twice is answered the same twice.</summary>
public sealed class SessionIngest(HonglingDb db, TimeProvider clock, IOptions<SitesOptions> options)
{
    public const int MaxBatch = 1_000;

    /// <summary>One record as the terminal sends it (see README, "Terminal API").</summary>
    public sealed record SessionRecord(
        string? ClientId,
        long Seq,
        string? PrevHash,
        string? Hash,
        DateTimeOffset? StartedAt,
        DateTimeOffset? EndedAt,
        string? Courseware,
        int? AttendeeCount,
        List<string>? AttendeeCards
    );

    public sealed record SessionBatch(List<SessionRecord>? Sessions);

    /// <summary>A record as stored: the month it counts in and its flags.</summary>
    public sealed record RecordResult(
        string ClientId,
        long Seq,
        int Month,
        bool Late,
        bool Overlapping,
        string? ChainBreak
    );

    public sealed record BatchResult(int Received, List<RecordResult> Records);

    /// <summary>The answer: the batch's result, or the named error that refused all of it.</summary>
    public sealed record Outcome(BatchResult? Result, RuleError? Error);

    public async Task<Outcome> IngestAsync(TerminalCaller terminal, SessionBatch? batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Validate(batch, now) is { } invalid)
            return new(null, invalid);
        var records = batch!.Sessions!;
        // On SQLite the transaction takes the write lock at once, so reads and writes see one state; on PostgreSQL two
        // concurrent batches of one terminal can race only into the unique (terminal, client id) index: tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryIngestAsync(terminal, records, now, ct);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbException e) when (attempt == 1 && e.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static RuleError? Validate(SessionBatch? batch, DateTime now)
    {
        if (batch?.Sessions is not { } records)
            return RuleErrors.TerminalJsonMalformed;
        if (records.Count == 0)
            return RuleErrors.TerminalBatchEmpty;
        if (records.Count > MaxBatch)
            return RuleErrors.TerminalBatchTooLarge(MaxBatch);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var n = i + 1;
            if (r is null)
                return RuleErrors.TerminalJsonMalformed;
            if (
                string.IsNullOrWhiteSpace(r.ClientId)
                || r.ClientId.Length > ViewingSession.ClientIdLength
                || r.ClientId.Any(char.IsControl)
            )
                return RuleErrors.TerminalClientIdInvalid(n);
            if (!ids.Add(r.ClientId))
                return RuleErrors.TerminalClientIdRepeated(n);
            if (r.Seq < 1)
                return RuleErrors.TerminalSeqInvalid(n);
            if (!IsHash(r.Hash) || !(r.PrevHash == "" || IsHash(r.PrevHash)))
                return RuleErrors.TerminalHashMalformed(n);
            if (r.StartedAt is null || r.EndedAt is null)
                return RuleErrors.InRecord(n, RuleErrors.SessionTimesRequired);
            if (r.AttendeeCards?.Any(c => c is null) == true)
                return RuleErrors.InRecord(n, RuleErrors.SessionCardsInvalid);
            if (
                SessionRules.Check(
                    Utc(r.StartedAt),
                    Utc(r.EndedAt),
                    r.Courseware,
                    r.AttendeeCount,
                    r.AttendeeCards,
                    now
                ) is
                { } broken
            )
                return RuleErrors.InRecord(n, broken);
        }
        return null;
    }

    private static bool IsHash(string? s) =>
        s is { Length: 64 } && s.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static DateTime Utc(DateTimeOffset? t) => SessionHash.ToSecond(t!.Value.UtcDateTime);

    private sealed record Stored(
        long Id,
        string ClientId,
        long? ChainSeq,
        string? PrevHash,
        string? Hash,
        DateTime StartedAt,
        DateTime EndedAt,
        string Courseware,
        int? AttendeeCount,
        List<string> AttendeeCards,
        int Month,
        bool Late,
        bool Overlapping,
        string? ChainBreak
    );

    private async Task<Outcome> TryIngestAsync(
        TerminalCaller terminal,
        List<SessionRecord> records,
        DateTime now,
        CancellationToken ct
    )
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = records.Select(r => r.ClientId!).ToList();
        var existing = await db.SessionsOfTerminal(terminal)
            .Where(s => ids.Contains(s.ClientId))
            .Select(s => new Stored(
                s.Id,
                s.ClientId,
                s.ChainSeq,
                s.PrevHash,
                s.Hash,
                s.StartedAt,
                s.EndedAt,
                s.Courseware,
                s.AttendeeCount,
                s.AttendeeCards,
                s.Month,
                s.Late,
                s.Overlapping,
                s.ChainBreak
            ))
            .ToDictionaryAsync(s => s.ClientId, StringComparer.Ordinal, ct);
        foreach (var r in records)
            if (existing.TryGetValue(r.ClientId!, out var kept) && !SameContent(kept, r))
                return new(null, RuleErrors.TerminalClientIdConflict(r.ClientId!));

        var fresh = records.Where(r => !existing.ContainsKey(r.ClientId!)).OrderBy(r => r.Seq).ToList();
        var added = new Dictionary<string, ViewingSession>(StringComparer.Ordinal);
        if (fresh.Count > 0)
        {
            var head = await db.OwnTerminalRow(terminal).Select(t => new { t.ChainSeq, t.ChainHead }).FirstAsync(ct);
            var chain = await ChainNeighboursAsync(terminal, fresh, head.ChainSeq, ct);
            var closesOn = options.Value.MonthClosesOnDay;
            var inBatch = new Dictionary<long, string>();
            foreach (var r in fresh)
            {
                var startedAt = Utc(r.StartedAt);
                var month = SessionRules.MonthOf(startedAt);
                var row = new ViewingSession
                {
                    SiteId = terminal.SiteId,
                    TerminalId = terminal.Id,
                    OrganizationId = terminal.OrganizationId,
                    ClientId = r.ClientId!,
                    StartedAt = startedAt,
                    EndedAt = Utc(r.EndedAt),
                    Month = month,
                    Courseware = r.Courseware!,
                    AttendeeCount = r.AttendeeCount,
                    AttendeeCards = r.AttendeeCards ?? [],
                    ChainSeq = r.Seq,
                    PrevHash = r.PrevHash,
                    Hash = r.Hash,
                    Late = SessionRules.IsLate(month, now, closesOn),
                    ReceivedAt = now,
                };
                row.ChainBreak = ChainBreakOf(row, head.ChainSeq, head.ChainHead, chain, inBatch);
                inBatch.TryAdd(r.Seq, r.Hash!);
                added[row.ClientId] = row;
            }
            var overlapped = await FlagOverlapsAsync(terminal, [.. added.Values], ct);
            await db.InsertTerminalSessionsAsync(terminal, added.Values, ct);
            await db.MarkTerminalSessionsOverlappingAsync(terminal, overlapped, ct);
            var last = fresh[^1];
            var advances = last.Seq > head.ChainSeq;
            await db.UpdateTerminalAsync(
                terminal,
                u =>
                {
                    u.SetProperty(t => t.LastReportAt, now);
                    if (advances)
                        u.SetProperty(t => t.ChainSeq, last.Seq).SetProperty(t => t.ChainHead, last.Hash);
                },
                ct
            );
        }
        else
            await db.UpdateTerminalAsync(terminal, u => u.SetProperty(t => t.LastReportAt, now), ct);
        await tx.CommitAsync(ct);

        return new(
            new BatchResult(
                records.Count,
                [
                    .. records.Select(r =>
                        existing.TryGetValue(r.ClientId!, out var s)
                            ? new RecordResult(
                                s.ClientId,
                                s.ChainSeq ?? 0,
                                s.Month,
                                s.Late,
                                s.Overlapping,
                                s.ChainBreak
                            )
                            : Result(added[r.ClientId!])
                    ),
                ]
            ),
            null
        );
    }

    private static RecordResult Result(ViewingSession a) =>
        new(a.ClientId, a.ChainSeq ?? 0, a.Month, a.Late, a.Overlapping, a.ChainBreak);

    private static bool SameContent(Stored s, SessionRecord r) =>
        s.ChainSeq == r.Seq
        && s.PrevHash == r.PrevHash
        && s.Hash == r.Hash
        && s.StartedAt == Utc(r.StartedAt)
        && s.EndedAt == Utc(r.EndedAt)
        && s.Courseware == r.Courseware!
        && s.AttendeeCount == r.AttendeeCount
        && s.AttendeeCards.SequenceEqual(r.AttendeeCards ?? []);

    /// <summary>The stored hashes of the chain positions the new records need to be checked against (the record before
    /// each, and any record already at their own position), except the head, which the terminal row carries.
    /// In the usual case (the batch continues the head) this reads nothing.</summary>
    private async Task<ILookup<long, string?>> ChainNeighboursAsync(
        TerminalCaller terminal,
        List<SessionRecord> fresh,
        long headSeq,
        CancellationToken ct
    )
    {
        var seqs = fresh.Select(r => r.Seq).ToHashSet();
        var wanted = fresh
            .Select(r => r.Seq - 1)
            .Where(s => s > 0 && s != headSeq && !seqs.Contains(s))
            .Concat(fresh.Select(r => r.Seq).Where(s => s <= headSeq))
            .Distinct()
            .ToList();
        if (wanted.Count == 0)
            return Array.Empty<(long, string?)>().ToLookup(x => x.Item1, x => x.Item2);
        var rows = await db.SessionsOfTerminal(terminal)
            .Where(s => s.ChainSeq != null && wanted.Contains(s.ChainSeq.Value))
            .Select(s => new { Seq = s.ChainSeq!.Value, s.Hash })
            .ToListAsync(ct);
        return rows.ToLookup(x => x.Seq, x => x.Hash);
    }

    /// <summary>Why the chain breaks at this record, in Chinese, or null when it links to the record before
    /// it.</summary>
    private static string? ChainBreakOf(
        ViewingSession row,
        long headSeq,
        string? headHash,
        ILookup<long, string?> stored,
        Dictionary<long, string> inBatch
    )
    {
        var reasons = new List<string>();
        var seq = row.ChainSeq!.Value;
        if (
            SessionHash.Of(
                row.ClientId,
                seq,
                row.PrevHash!,
                row.StartedAt,
                row.EndedAt,
                row.Courseware,
                row.AttendeeCount,
                row.AttendeeCards
            ) != row.Hash
        )
            reasons.Add("本条记录的内容与其哈希不符(记录在终端上被改动过)");
        if (inBatch.ContainsKey(seq) || stored.Contains(seq) || (seq == headSeq && headHash is not null))
            reasons.Add($"序号{seq}已有另一条记录(链条分叉:之前的记录被改写后重新生成)");
        var before = seq - 1;
        string? previous =
            before == 0 ? ""
            : inBatch.TryGetValue(before, out var h) ? h
            : before == headSeq ? headHash
            : stored[before].FirstOrDefault();
        if (previous is null)
            reasons.Add($"缺少序号{before}的记录(被删除或未上报),链条在此中断");
        else if (previous != row.PrevHash)
            reasons.Add(
                before == 0
                    ? "首条记录的前序哈希应为空"
                    : $"前序哈希与已收到的序号{before}的记录不符(之前的记录被改动或删除)"
            );
        if (reasons.Count == 0)
            return null;
        var text = string.Join(";", reasons);
        return text.Length <= ViewingSession.BreakLength ? text : text[..ViewingSession.BreakLength];
    }

    /// <summary>Flags each new session that overlaps another of the same terminal (stored or in this batch) and returns
    /// the stored ones it overlaps, to be flagged too. Both are kept; the figures count the union of
    /// intervals.</summary>
    private async Task<List<long>> FlagOverlapsAsync(
        TerminalCaller terminal,
        List<ViewingSession> rows,
        CancellationToken ct
    )
    {
        var from = rows.Min(r => r.StartedAt);
        var to = rows.Max(r => r.EndedAt);
        var stored = await db.SessionsOfTerminal(terminal)
            .Where(s => s.StartedAt < to && s.EndedAt > from)
            .Select(s => new
            {
                s.Id,
                s.StartedAt,
                s.EndedAt,
                s.Overlapping,
            })
            .ToListAsync(ct);
        var marked = new List<long>();
        var sorted = rows.OrderBy(r => r.StartedAt).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var r = sorted[i];
            for (var j = i + 1; j < sorted.Count && sorted[j].StartedAt < r.EndedAt; j++)
                r.Overlapping = sorted[j].Overlapping = true;
            foreach (var s in stored)
                if (s.StartedAt < r.EndedAt && s.EndedAt > r.StartedAt)
                {
                    r.Overlapping = true;
                    if (!s.Overlapping)
                        marked.Add(s.Id);
                }
        }
        return [.. marked.Distinct()];
    }
}
