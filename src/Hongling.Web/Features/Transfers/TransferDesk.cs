using Hongling.Web.Infrastructure;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>The transfer state machine: the sender starts (or cancels), the receiver accepts or rejects.
/// Acceptance moves the member in the same transaction; a second decision, even at the same moment
/// from another administrator, is refused.</summary>
public sealed class TransferDesk(HonglingDb db, TimeProvider clock)
{
    public sealed class RuleException(string message) : Exception(message);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts a transfer of a member in the caller's scope to any branch of the platform, named by its code.</summary>
    public async Task<Transfer> StartAsync(int memberId, string toCode, string? note)
    {
        var member = await db.AdministeredMembers.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == memberId)
            ?? throw new KeyNotFoundException();
        // The destination may lie outside the sender's scope: looking it up by code is the one read that must see past it.
        var to = await db.Organizations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Code == toCode.Trim().ToUpperInvariant())
            ?? throw new RuleException("没有这个组织编码,请向接收方核对");
        if (to.Kind != OrgKind.Branch) throw new RuleException("只能转入党支部");
        if (to.Id == member.OrganizationId) throw new RuleException("接收组织与党员所在组织相同");
        if (await db.Transfers.AnyAsync(t => t.MemberId == memberId && t.State == TransferState.Pending))
            throw new RuleException("该党员已有一笔待接收的转接");
        var now = Now;
        var transfer = new Transfer
        {
            MemberId = member.Id, MemberName = member.Name,
            FromOrganizationId = member.OrganizationId, FromName = member.Organization.Name, OrgPath = member.Organization.Path,
            ToOrganizationId = to.Id, ToName = to.Name, SharedPath = to.Path,
            LetterNumber = $"{now.ToChina():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}",
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            State = TransferState.Pending, StartedAt = now, StartedBy = db.Scope.ActorName,
        };
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync();
        return transfer;
    }

    public Task AcceptAsync(int id) => DecideAsync(id, receiving: true, TransferState.Accepted, null);

    public Task RejectAsync(int id, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("请填写退回原因");
        return DecideAsync(id, receiving: true, TransferState.Rejected, reason.Trim());
    }

    public Task CancelAsync(int id) => DecideAsync(id, receiving: false, TransferState.Cancelled, null);

    private async Task DecideAsync(int id, bool receiving, TransferState outcome, string? reason)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id) ?? throw new KeyNotFoundException();
        // Which side the caller stands on decides what they may do.
        if (!db.Scope.Covers(receiving ? transfer.SharedPath : transfer.OrgPath))
            throw new RuleException(receiving ? "只有接收组织的管理员可以接收或退回" : "只有转出组织的管理员可以撤销");
        try { transfer.Decide(outcome, db.Scope.ActorName, Now, reason); }
        catch (TransferStateException e) { throw new RuleException(e.Message); }
        if (outcome == TransferState.Accepted)
        {
            var member = await db.Members.IgnoreQueryFilters().SingleAsync(m => m.Id == transfer.MemberId);
            member.OrganizationId = transfer.ToOrganizationId!.Value;
            member.UpdatedAt = Now;
            // The member leaves the sender's subtree, which the receiver does not administer: the rule
            // above stands in for the scope check on this one save.
            using (db.Scope.Elevate()) await SaveAsync();
        }
        else await SaveAsync();
    }

    private async Task SaveAsync()
    {
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException) { throw new RuleException("该转接刚刚已被他人处理,请刷新后查看"); }
    }
}
