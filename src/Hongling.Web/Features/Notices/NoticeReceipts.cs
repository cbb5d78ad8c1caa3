using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notices;

/// <summary>Read receipts (阅读回执): who in a notice's audience has opened it. The audience is the
/// current members of the audience branch (or subtree); the share read is read ÷ audience.</summary>
public static class NoticeReceipts
{
    public sealed record Share(int Read, int Audience)
    {
        public string Percent => Audience == 0 ? "—" : $"{100.0 * Read / Audience:0.#}%";
    }

    public static IQueryable<Member> Audience(IQueryable<Member> members, string path, bool subtree) =>
        subtree ? members.InSubtree(path) : members.Where(m => m.OrgPath == path);

    /// <summary>Receipts of audience members only: a member who has since left the audience no longer counts.</summary>
    public static async Task<Share> ShareAsync(HonglingDb db, Notice notice)
    {
        var audience = Audience(db.AdministeredMembers, notice.AudiencePath, notice.AudienceIncludesSubtree);
        var read = await audience.CountAsync(m =>
            db.NoticeReads.Any(r => r.NoticeId == notice.Id && r.MemberId == m.Id)
        );
        return new Share(read, await audience.CountAsync());
    }

    /// <summary>Records that the member opened the notice; a second opening changes nothing.</summary>
    public static async Task MarkReadAsync(HonglingDb db, int noticeId, int memberId, DateTime now)
    {
        if (await db.NoticeReads.AnyAsync(r => r.NoticeId == noticeId && r.MemberId == memberId))
            return;
        db.NoticeReads.Add(
            new NoticeRead
            {
                NoticeId = noticeId,
                MemberId = memberId,
                ReadAt = now,
            }
        );
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two tabs opened it at once: the key already holds the receipt.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Notices addressed to a member of the branch at <paramref name="branchPath"/> (an administrator
    /// who is also a member sees here only what is addressed to them) that they have not opened.</summary>
    public static IQueryable<Notice> UnreadBy(HonglingDb db, int memberId, string branchPath) =>
        db
            .Notices.Where(Infrastructure.OrgScoping.Audience.Reaches<Notice>(branchPath))
            .Where(n => !db.NoticeReads.Any(r => r.NoticeId == n.Id && r.MemberId == memberId));
}
