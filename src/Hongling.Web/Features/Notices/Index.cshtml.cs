using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notices;

/// <summary>Announcements (组织公告) published by an organization and its subtree, with the share read.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public sealed record Row(
        int Id,
        string Title,
        string OrgName,
        bool Subtree,
        DateTime PublishedAt,
        NoticeReceipts.Share Share
    );

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public List<Row> Rows { get; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        var notices = db.Notices.InSubtree(org.Path);
        Paging = new Paging(Paging.Clamp(PageNumber), await notices.CountAsync());
        foreach (
            var n in await notices
                .OrderByDescending(n => n.PublishedAt)
                .ThenByDescending(n => n.Id)
                .Skip(Paging.Skip)
                .Take(Paging.Size)
                .Include(n => n.Organization)
                .ToListAsync()
        )
            Rows.Add(
                new Row(
                    n.Id,
                    n.Title,
                    n.Organization.Name,
                    n.AudienceIncludesSubtree,
                    n.PublishedAt,
                    await NoticeReceipts.ShareAsync(db, n)
                )
            );
        return Page();
    }
}
