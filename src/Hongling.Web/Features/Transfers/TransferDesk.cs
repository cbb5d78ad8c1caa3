using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>The transfer state machine. Within the platform the sender starts (or cancels) and the receiver
/// accepts or rejects; acceptance moves the member in the same transaction. Out of the platform the sender
/// does every step: start, then record completion (the member leaves the platform) or cancel. Into the
/// platform the receiver records a transfer that is accepted at once. A second decision, even at the same
/// moment from another administrator, is refused. Refusals are <see cref="RuleException"/>s.</summary>
public sealed class TransferDesk(
    HonglingDb db,
    PiiProtector pii,
    IdNumberRegistry registry,
    TimeProvider clock,
    NotificationQueue notifications
)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string NewLetterNumber(DateTime now) =>
        $"{now.ToChina():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>Letter numbers are unique platform-wide (a unique index), so this one check looks past the
    /// scope.</summary>
    public Task<bool> LetterNumberTakenAsync(string letterNumber) =>
        db.TransfersOfThePlatform.AnyAsync(t => t.LetterNumber == letterNumber.Trim());

    /// <summary>Starts a transfer of a member in the caller's scope to any branch of the platform, named by its
    /// code.</summary>
    public async Task<Transfer> StartAsync(int memberId, string toCode, string? note)
    {
        var member = await db
            .AdministeredMembers.Include(m => m.Organization)
            .FirstOrDefaultAsync(m => m.Id == memberId)
            ?? throw new KeyNotFoundException();
        // The destination may lie outside the sender's scope: looking it up by code is the one read that must see past
        // it.
        var to = await db.OrganizationsOfThePlatform.FirstOrDefaultAsync(o =>
            o.Code == toCode.Trim().ToUpperInvariant()
        ) ?? throw new RuleException(RuleErrors.TransferUnknownOrgCode);
        if (to.Kind != OrgKind.Branch)
            throw new RuleException(RuleErrors.TransferToBranchOnly);
        if (to.Id == member.OrganizationId)
            throw new RuleException(RuleErrors.TransferToSameOrg);
        await RefusePendingAsync(memberId);
        var now = Now;
        var transfer = new Transfer
        {
            MemberId = member.Id,
            MemberName = member.Name,
            FromOrganizationId = member.OrganizationId,
            FromName = member.Organization.Name,
            OrgPath = member.Organization.Path,
            ToOrganizationId = to.Id,
            ToName = to.Name,
            SharedPath = to.Path,
            LetterNumber = NewLetterNumber(now),
            Note = note.NullIfBlank(),
            State = TransferState.Pending,
            StartedAt = now,
            StartedBy = db.Scope.ActorName,
        };
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync();
        await notifications.NotifyAsync(
            new(
                member.OrganizationId,
                NotificationCategory.Transfer,
                "组织关系转接已发起",
                $"您的组织关系已由{transfer.FromName}转往{to.Name},介绍信编号{transfer.LetterNumber}。"
            )
            {
                Mandatory = true,
            },
            db.AdministeredMembers.Where(m => m.Id == member.Id)
        );
        return transfer;
    }

    /// <summary>Starts a transfer of a member in the caller's scope out of the platform (转出平台), to an
    /// organization named in free text; the letter number is the sender's own or a generated one.</summary>
    public async Task<Transfer> StartOutAsync(int memberId, string toName, string? letterNumber, string? note)
    {
        var member = await db
            .AdministeredMembers.Include(m => m.Organization)
            .FirstOrDefaultAsync(m => m.Id == memberId)
            ?? throw new KeyNotFoundException();
        if (string.IsNullOrWhiteSpace(toName))
            throw new RuleException(RuleErrors.TransferToNameRequired);
        await RefusePendingAsync(memberId);
        var now = Now;
        var number = string.IsNullOrWhiteSpace(letterNumber) ? NewLetterNumber(now) : letterNumber.Trim();
        if (await LetterNumberTakenAsync(number))
            throw new RuleException(RuleErrors.LetterNumberTaken);
        var transfer = new Transfer
        {
            Kind = TransferKind.Out,
            MemberId = member.Id,
            MemberName = member.Name,
            FromOrganizationId = member.OrganizationId,
            FromName = member.Organization.Name,
            OrgPath = member.Organization.Path,
            // The destination is elsewhere: the sender is the only side here and sees both paths as its own.
            ToOrganizationId = null,
            ToName = toName.Trim(),
            SharedPath = member.Organization.Path,
            LetterNumber = number,
            Note = note.NullIfBlank(),
            State = TransferState.Pending,
            StartedAt = now,
            StartedBy = db.Scope.ActorName,
        };
        db.Transfers.Add(transfer);
        await SaveNewAsync();
        return transfer;
    }

    private async Task RefusePendingAsync(int memberId)
    {
        if (await db.Transfers.AnyAsync(t => t.MemberId == memberId && t.State == TransferState.Pending))
            throw new RuleException(RuleErrors.TransferPending);
    }

    /// <summary>Who holds an ID number on the platform, asked for the receiving branch: a member who left it
    /// (LeftOn set), to be taken back, or a present member anywhere (IdNumberRegistry: uniqueness is
    /// platform-wide; findings outside the scope are logged and limited, and past the limit nothing is
    /// found).</summary>
    public async Task<(Member? Departed, bool Present)> HolderOfAsync(string idNumber, Organization branch)
    {
        var normalized = IdNumber.Normalize(idNumber);
        var found = await registry.FindAsync(
            pii.Hash(normalized),
            IdNumber.Mask(normalized),
            branch.Id,
            branch.Path,
            default
        );
        if (found.Holder is not { } holder)
            return (null, false);
        if (!holder.Left)
            return (null, true);
        return (await db.MembersOfThePlatform.FirstAsync(m => m.Id == holder.MemberId), false);
    }

    /// <summary>Records a member coming from outside the platform (从平台外转入) into an administered branch:
    /// a new member, or the returning record of one who left (<paramref name="returning"/>, from
    /// <see cref="HolderOfAsync"/>), and a transfer accepted at once, in one transaction. The input has
    /// passed <see cref="MemberInput.ValidateAsync"/> with the returning record as the one being edited.</summary>
    public async Task<(Transfer Transfer, Member Member)> ReceiveAsync(
        Organization branch,
        MemberInput input,
        string letterNumber,
        string fromName,
        string? note,
        Member? returning
    )
    {
        if (branch.Kind != OrgKind.Branch)
            throw new RuleException(RuleErrors.MemberBranchOnly);
        if (!db.Scope.Administers(branch.Path))
            throw new KeyNotFoundException();
        if (string.IsNullOrWhiteSpace(fromName))
            throw new RuleException(RuleErrors.TransferFromNameRequired);
        if (string.IsNullOrWhiteSpace(letterNumber))
            throw new RuleException(RuleErrors.LetterNumberRequired);
        if (returning is not null && returning.LeftOn is null)
            throw new InvalidOperationException("Only a member who left the platform returns.");
        if (await LetterNumberTakenAsync(letterNumber))
            throw new RuleException(RuleErrors.LetterNumberTaken);
        var now = Now;
        input.OrganizationId = branch.Id;
        await using var tx = await db.Database.BeginTransactionAsync();
        var member = returning ?? new Member { Name = "", CreatedAt = now };
        input.ApplyTo(member, pii, now);
        if (returning is null)
            db.Members.Add(member);
        else
        {
            member.LeftOn = null;
            if (await db.Users.FirstOrDefaultAsync(a => a.MemberId == member.Id) is { } account)
            {
                account.LockoutEnd = null;
                account.AccessFailedCount = 0;
                account.ConcurrencyStamp = Guid.NewGuid().ToString();
            }
        }
        // A returning record is still filed under the branch it left from, which the receiver need not
        // administer: the rules above (a departed member, an administered branch) stand in for the scope
        // check on this one save, which moves it into the receiver's branch.
        using (returning is null ? null : db.Scope.ForTransfer())
            await SaveNewAsync();
        var actor = db.Scope.ActorName;
        var transfer = new Transfer
        {
            Kind = TransferKind.In,
            MemberId = member.Id,
            MemberName = member.Name,
            FromOrganizationId = null,
            FromName = fromName.Trim(),
            ToOrganizationId = branch.Id,
            ToName = branch.Name,
            OrgPath = branch.Path,
            SharedPath = branch.Path,
            LetterNumber = letterNumber.Trim(),
            Note = note.NullIfBlank(),
            State = TransferState.Accepted,
            StartedAt = now,
            StartedBy = actor,
            DecidedAt = now,
            DecidedBy = actor,
        };
        db.Transfers.Add(transfer);
        await SaveNewAsync();
        await tx.CommitAsync();
        return (transfer, member);
    }

    /// <summary>Within the platform the receiver accepts; out of it the sender records that the member has
    /// been received elsewhere (回执已收到), and the member leaves the platform.</summary>
    public Task<Transfer> AcceptAsync(int id) => DecideAsync(id, TransferState.Accepted, null);

    public Task<Transfer> RejectAsync(int id, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new RuleException(RuleErrors.RejectReasonRequired);
        return DecideAsync(id, TransferState.Rejected, reason.Trim());
    }

    public Task<Transfer> CancelAsync(int id) => DecideAsync(id, TransferState.Cancelled, null);

    private async Task<Transfer> DecideAsync(int id, TransferState outcome, string? reason)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id) ?? throw new KeyNotFoundException();
        // Which side the caller stands on decides what they may do. Out of or into the platform, the one
        // side here does every step.
        if (transfer.Kind == TransferKind.Within)
        {
            var receiving = outcome != TransferState.Cancelled;
            if (!db.Scope.Administers(receiving ? transfer.SharedPath : transfer.OrgPath))
                throw new RuleException(receiving ? RuleErrors.TransferReceiverOnly : RuleErrors.TransferSenderOnly);
        }
        else if (!db.Scope.Administers(transfer.OrgPath))
            throw new RuleException(RuleErrors.TransferOwnOrgOnly);
        transfer.Decide(outcome, db.Scope.ActorName, Now, reason);
        if (transfer.Kind == TransferKind.Out && outcome == TransferState.Rejected)
            throw new RuleException(RuleErrors.TransferOutNotRejectable);
        if (outcome == TransferState.Accepted && transfer.Kind == TransferKind.Out)
            await LeavePlatformAsync(transfer);
        else if (outcome == TransferState.Accepted)
        {
            var member = await db.MembersOfThePlatform.SingleAsync(m => m.Id == transfer.MemberId);
            member.OrganizationId = transfer.ToOrganizationId!.Value;
            member.UpdatedAt = Now;
            // The member leaves the sender's subtree, which the receiver does not administer: the rule
            // above stands in for the scope check on this one save.
            using (db.Scope.ForTransfer())
                await SaveAsync();
        }
        else
            await SaveAsync();
        return transfer;
    }

    /// <summary>The member's relationship has left the platform: in the same transaction as the transfer's
    /// completion the record is kept but hidden (LeftOn), the red card can no longer sign in, and the
    /// account's administrator posts and any secretary post end.</summary>
    private async Task LeavePlatformAsync(Transfer transfer)
    {
        var member = await db.AdministeredMembers.FirstOrDefaultAsync(m => m.Id == transfer.MemberId)
            ?? throw new RuleException(RuleErrors.TransferMemberGone);
        var now = Now;
        member.LeftOn = clock.TodayInChina();
        member.UpdatedAt = now;
        if (await db.Users.FirstOrDefaultAsync(a => a.MemberId == member.Id) is { } account)
        {
            account.LockoutEnabled = true;
            account.LockoutEnd = DateTimeOffset.MaxValue;
            // The card's open sessions end with this save (a new stamp too, for anything that checks it).
            account.SecurityStamp = Guid.NewGuid().ToString();
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.AccountSessions.RemoveRange(
                await db.SessionsOfAllAccounts.Where(s => s.AccountId == account.Id).ToListAsync()
            );
            db.OrgAdministrators.RemoveRange(
                await db.AdministratorPostsOfThePlatform.Where(x => x.AccountId == account.Id).ToListAsync()
            );
        }
        foreach (var org in await db.OrganizationsOfThePlatform.Where(o => o.SecretaryId == member.Id).ToListAsync())
            org.SecretaryId = null;
        // The member's administrator posts and secretary posts may lie outside the sender's subtree: the
        // rules above (the sender's own member, their own posts) stand in for the scope check on this save.
        using (db.Scope.ForTransfer())
            await SaveAsync();
    }

    private async Task SaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException(RuleErrors.TransferRaced);
        }
    }

    /// <summary>Saves new rows whose unique numbers were checked just before: a race on the letter number
    /// or the ID number ends in a message, not an error page.</summary>
    private async Task SaveNewAsync()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            throw new RuleException(RuleErrors.TransferNumberRaced);
        }
    }
}
