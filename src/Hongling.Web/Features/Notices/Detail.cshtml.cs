using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notices;

/// <summary>A notice for its administrators: the text, the share read and who has not read it yet
/// (among the members the caller administers).</summary>
public sealed class DetailModel(HonglingDb db) : PageModel
{
    public sealed record Unread(string Name, string Branch);

    public Notice Notice { get; private set; } = null!;
    public NoticeReceipts.Share Share { get; private set; } = null!;
    public IReadOnlyList<Unread> NotRead { get; private set; } = [];
    public const int Shown = 300;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.Notices.Include(n => n.Organization).FirstOrDefaultAsync(n => n.Id == id) is not { } notice)
            return NotFound();
        Notice = notice;
        Share = await NoticeReceipts.ShareAsync(db, notice);
        NotRead = await NoticeReceipts
            .Audience(db.AdministeredMembers, notice.AudiencePath, notice.AudienceIncludesSubtree)
            .Where(m => !db.NoticeReads.Any(r => r.NoticeId == id && r.MemberId == m.Id))
            .OrderBy(m => m.OrgPath)
            .ThenBy(m => m.Name)
            .Take(Shown)
            .Select(m => new Unread(m.Name, m.Organization.Name))
            .ToListAsync();
        return Page();
    }
}
