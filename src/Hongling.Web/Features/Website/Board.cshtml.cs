using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>The message board (留言板): answered messages their writers made public, newest reply first.</summary>
[AllowAnonymous, OutputCache(PolicyName = SiteCache.Policy)]
public sealed class BoardModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public IReadOnlyList<PublicContent.BoardEntry> Entries { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    public async Task OnGetAsync()
    {
        var rows = PublicContent.Board(db);
        if (Org is { } org)
            rows = rows.Where(m => m.OrganizationId == org);
        Paging = new Paging(Paging.Clamp(PageNumber), await rows.CountAsync());
        Entries = await PublicContent.BoardEntries(rows).Skip(Paging.Skip).Take(Paging.Size).ToListAsync();
    }
}
