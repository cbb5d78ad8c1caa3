using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>The one writer of fund ledgers: every deposit, payment and adjustment is a <see cref="FundEntry"/> whose
/// amount moves the fund's balance in the same save, with the next sequence number and the balance after it. A
/// posting that would take the balance below zero is refused; two postings at the same moment collide on the fund's
/// concurrency token (and the unique sequence), and the later one is refused rather than read a stale
/// balance.</summary>
public sealed class FundLedger(HonglingDb db, TimeProvider clock)
{
    public sealed record Posting(
        FundEntryKind Kind,
        decimal Amount,
        string Note,
        int? ApplicationId = null,
        int? PaymentMonth = null,
        int? VisitId = null
    );

    /// <summary>Adds the row and moves the balance of the tracked <paramref name="fund"/>; the caller saves (in its
    /// transaction) and answers a <see cref="DbUpdateConcurrencyException"/> with <see
    /// cref="AidErrors.LedgerBusy"/>.</summary>
    public FundEntry Add(Fund fund, Posting posting)
    {
        if (!db.Scope.IsSystem && !db.Scope.Administers(fund.OrgPath))
            throw new RuleException(AidErrors.NotFundAdministrator);
        if (fund.Balance + posting.Amount < 0)
            throw new RuleException(AidErrors.InsufficientBalance(fund.Balance, -posting.Amount));
        fund.Balance += posting.Amount;
        fund.EntryCount++;
        var entry = new FundEntry
        {
            FundId = fund.Id,
            OrganizationId = fund.OrganizationId,
            Sequence = fund.EntryCount,
            Kind = posting.Kind,
            Amount = posting.Amount,
            BalanceAfter = fund.Balance,
            ApplicationId = posting.ApplicationId,
            PaymentMonth = posting.PaymentMonth,
            VisitId = posting.VisitId,
            Note = posting.Note,
            At = clock.GetUtcNow().UtcDateTime,
            RecordedBy = db.Scope.ActorName,
        };
        db.FundEntries.Add(entry);
        return entry;
    }

    /// <summary>One posting saved on its own (a deposit or an adjustment from the fund's page).</summary>
    public async Task<FundEntry> PostAsync(Fund fund, Posting posting, CancellationToken ct)
    {
        var entry = Add(fund, posting);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new RuleException(AidErrors.LedgerBusy);
        }
        return entry;
    }
}
