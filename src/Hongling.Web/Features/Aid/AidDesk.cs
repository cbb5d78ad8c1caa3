using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>Filing an aid application and deciding its review steps, each in one transaction. The last step's
/// approval pays: a one-time aid at once, a long-term subsidy its months due so far (the rest by
/// <see cref="SubsidyRun"/>), each payment a row of the fund's ledger.</summary>
public sealed class AidDesk(HonglingDb db, FundLedger ledger, TimeProvider clock)
{
    public sealed record Application(
        int FundId,
        int? MemberId,
        AidKind Kind,
        decimal? Amount,
        decimal? Fee,
        string? Reason,
        int? FromMonth,
        int? ToMonth,
        IReadOnlyList<AcceptedDocument> Documents
    );

    /// <summary>Files an application for <paramref name="a"/>.MemberId (an administrator filing for a member of
    /// their subtree) or, without one, for the signed-in member.</summary>
    public async Task<AidApplication> FileAsync(Application a, CancellationToken ct)
    {
        var member = a.MemberId is { } id
            ? await db
                .AdministeredMembers.Where(m => m.Id == id)
                .Select(m => new
                {
                    m.Id,
                    m.OrganizationId,
                    m.OrgPath,
                })
                .FirstOrDefaultAsync(ct)
            : await db
                .Members.Where(m => m.Id == db.Scope.MemberId)
                .Select(m => new
                {
                    m.Id,
                    m.OrganizationId,
                    m.OrgPath,
                })
                .FirstOrDefaultAsync(ct);
        if (member is null)
            throw new RuleException(AidErrors.NotYourMember);
        // The fund must be published to the member's branch: visible to the member, or to their administrators.
        var fund = await db.Funds.FirstOrDefaultAsync(f => f.Id == a.FundId, ct);
        if (fund is null || !member.OrgPath.StartsWith(fund.AudiencePath, StringComparison.Ordinal))
            throw new RuleException(AidErrors.FundNotFound, "Input.FundId");
        if (!fund.Active)
            throw new RuleException(AidErrors.FundClosed, "Input.FundId");
        if (!AidRules.KindsOf(fund.Kind).Contains(a.Kind))
            throw new RuleException(AidErrors.KindNotOffered, "Input.Kind");
        var amount = AmountOf(a, fund);
        if (string.IsNullOrWhiteSpace(a.Reason) || a.Reason.Trim().Length > 2000)
            throw new RuleException(AidErrors.ReasonRequired, "Input.Reason");
        if (
            a.Kind == AidKind.LongTerm
            && (
                a.FromMonth is not { } from
                || a.ToMonth is not { } to
                || !ChinaTime.IsMonth(from)
                || !ChinaTime.IsMonth(to)
                || to < from
                || AidRules.Months(from, to).Count() > AidRules.MaxSubsidyMonths
            )
        )
            throw new RuleException(AidErrors.MonthsRequired, "Input.FromMonth");
        if (a.Documents.Count == 0)
            throw new RuleException(
                a.Kind == AidKind.Tuition ? AidErrors.ReceiptRequired : AidErrors.AttachmentRequired,
                "files"
            );

        var steps = await StepsAsync(fund, member.OrgPath, ct);
        var application = new AidApplication
        {
            FundId = fund.Id,
            MemberId = member.Id,
            OrganizationId = member.OrganizationId,
            Kind = a.Kind,
            AmountAsked = amount,
            FeeAmount = a.Kind == AidKind.Tuition ? a.Fee : null,
            Reason = a.Reason.Trim(),
            FromMonth = a.Kind == AidKind.LongTerm ? a.FromMonth : null,
            ToMonth = a.Kind == AidKind.LongTerm ? a.ToMonth : null,
            Status = AidStatus.InReview,
            Step = 1,
            ReviewerPath = steps[0].ReviewerPath,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.ActorName,
            CreatedByAccountId = db.Scope.AccountId ?? "",
            Reviews = [.. steps],
            Attachments =
            [
                .. a.Documents.Select(d => new AidAttachment
                {
                    FileName = d.FileName,
                    ContentType = d.ContentType,
                    Content = d.Content,
                }),
            ],
        };
        db.AidApplications.Add(application);
        // A member's own application in their own branch (IMemberCreated); an administrator's in their subtree.
        await db.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>The amount asked: tuition aid is the fund's percentage of the fee on the receipt.</summary>
    private static decimal AmountOf(Application a, Fund fund)
    {
        if (a.Kind == AidKind.Tuition)
        {
            if (a.Fee is not { } fee || a.Documents.Count == 0)
                throw new RuleException(AidErrors.ReceiptRequired, "Input.Fee");
            if (!AidRules.IsYuan(fee))
                throw new RuleException(AidErrors.AmountNotPositive, "Input.Fee");
            if (fee > AidRules.MaxAmount)
                throw new RuleException(AidErrors.AmountTooLarge, "Input.Fee");
            return Math.Max(
                0.01m,
                Math.Round(fee * (fund.TuitionPercent ?? 10m) / 100m, 2, MidpointRounding.AwayFromZero)
            );
        }
        if (a.Amount is not { } amount || !AidRules.IsYuan(amount))
            throw new RuleException(AidErrors.AmountNotPositive, "Input.Amount");
        if (amount > AidRules.MaxAmount)
            throw new RuleException(AidErrors.AmountTooLarge, "Input.Amount");
        return amount;
    }

    /// <summary>The fund's review steps for a branch, each with the organization that decides it (a step whose
    /// organization is the same as the step before it, a branch directly beneath the fund, is decided once).</summary>
    private async Task<List<AidReview>> StepsAsync(Fund fund, string branchPath, CancellationToken ct)
    {
        var steps = AidRules
            .Levels(fund.ReviewLevels)
            .Select(l => (Level: l, Path: AidRules.ReviewerPath(l, fund.OrgPath, branchPath)))
            .GroupBy(s => s.Path)
            .Select(g => g.Last())
            .ToList();
        var paths = steps.Select(s => s.Path).ToList();
        var ids = await db
            .OrganizationsOfThePlatform.Where(o => paths.Contains(o.Path))
            .ToDictionaryAsync(o => o.Path, o => o.Id, ct);
        return
        [
            .. steps.Select(
                (s, i) =>
                    new AidReview
                    {
                        Order = i + 1,
                        Level = s.Level,
                        ReviewerPath = s.Path,
                        ReviewerOrgId = ids[s.Path],
                    }
            ),
        ];
    }

    /// <summary>The signed-in administrator decides the waiting step of <paramref name="application"/> (loaded
    /// with its reviews and fund through the scope): approves with an amount, or returns it with a reason.</summary>
    public async Task DecideAsync(
        AidApplication application,
        bool approve,
        decimal? amount,
        string? comment,
        CancellationToken ct
    )
    {
        if (application.Status != AidStatus.InReview)
            throw new RuleException(AidErrors.NotInReview);
        var review = application.Reviews.Single(r => r.Order == application.Step);
        if (!db.Scope.Administers(review.ReviewerPath))
            throw new RuleException(AidErrors.NotYourStep);
        if (db.Scope.MemberId == application.MemberId)
            throw new RuleException(AidErrors.OwnApplication);
        if (application.Reviews.Any(r => r.DecidedByAccountId != null && r.DecidedByAccountId == db.Scope.AccountId))
            throw new RuleException(AidErrors.DecidedEarlierStep);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        (review.DecidedAt, review.DecidedBy, review.DecidedByAccountId, review.Comment) = (
            now,
            db.Scope.ActorName,
            db.Scope.AccountId,
            comment
        );
        if (!approve)
        {
            if (comment is null || comment.Length > 500)
                throw new RuleException(AidErrors.ReturnReasonRequired, "Comment");
            review.Decision = ReviewDecision.Returned;
            (application.Status, application.ReturnReason, application.ReviewerPath) = (
                AidStatus.Returned,
                comment,
                null
            );
            await db.SaveChangesAsync(ct);
            return;
        }
        if (amount is not { } yuan || !AidRules.IsYuan(yuan))
            throw new RuleException(AidErrors.AmountNotPositive, "Amount");
        if (yuan > application.AmountAsked)
            throw new RuleException(AidErrors.ApprovedOverAsked, "Amount");
        (review.Decision, review.Amount) = (ReviewDecision.Approved, yuan);
        application.Step++;
        var next = application.Reviews.FirstOrDefault(r => r.Order == application.Step);
        application.ReviewerPath = next?.ReviewerPath;
        if (next is null)
            Pay(application, yuan);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new RuleException(AidErrors.LedgerBusy);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The final approval: one payment of a one-time aid, or the months of a subsidy due so far, refused
    /// when the fund cannot pay it (for a subsidy, its whole schedule).</summary>
    private void Pay(AidApplication application, decimal yuan)
    {
        var fund = application.Fund;
        application.ApprovedAmount = yuan;
        var month = clock.MonthInChina();
        if (application.Kind != AidKind.LongTerm)
        {
            ledger.Add(
                fund,
                new FundLedger.Posting(
                    FundEntryKind.Payment,
                    -yuan,
                    PaymentNote(application, null),
                    application.Id,
                    month
                )
            );
            application.Status = AidStatus.Paid;
            return;
        }
        var schedule = AidRules.Months(application.FromMonth!.Value, application.ToMonth!.Value).ToList();
        if (fund.Balance < yuan * schedule.Count)
            throw new RuleException(AidErrors.InsufficientBalance(fund.Balance, yuan * schedule.Count));
        application.Status = AidStatus.Paying;
        foreach (var due in schedule.Where(m => m <= month))
            ledger.Add(
                fund,
                new FundLedger.Posting(FundEntryKind.Payment, -yuan, PaymentNote(application, due), application.Id, due)
            );
        if (schedule[^1] <= month)
            application.Status = AidStatus.Paid;
    }

    public static string PaymentNote(AidApplication a, int? month) =>
        $"{AidRules.Of(a.Kind)} 申请#{a.Id}" + (month is { } m ? $" {m / 100}年{m % 100}月" : "");
}
