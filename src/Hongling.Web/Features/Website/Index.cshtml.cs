using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>The party-building website's home (党建网), a portal: a banner with the district's name, search and the
/// members' sign-in; the latest news and work updates with pictures; photos of public albums; the columns; the
/// organization directory's first level; the message board.</summary>
[AllowAnonymous, OutputCache(PolicyName = SiteCache.Policy)]
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public string? District { get; private set; }
    public IReadOnlyList<SiteCards.Card> News { get; private set; } = [];
    public IReadOnlyList<SiteCards.Card> Updates { get; private set; } = [];
    public IReadOnlyList<SiteCards.Photo> Photos { get; private set; } = [];
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public sealed record Unit(int Id, string Name);

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<PublicContent.BoardEntry> Board { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var root = await db
            .OrganizationsOfThePlatform.Where(o => o.ParentId == null)
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name })
            .FirstOrDefaultAsync();
        District = root?.Name;
        News = await SiteCards.NewsAsync(db, 8);
        Updates = await SiteCards.UpdatesAsync(db, 8);
        Photos = await SiteCards.PhotosAsync(db, 8);
        Columns = await SiteColumns.NamesAsync(db, 12);
        if (root is not null)
            Units = await db
                .OrganizationsOfThePlatform.Where(o => o.ParentId == root.Id)
                .OrderBy(o => o.Code)
                .Take(30)
                .Select(o => new Unit(o.Id, o.Name))
                .ToListAsync();
        Board = await PublicContent.BoardEntries(PublicContent.Board(db)).Take(3).ToListAsync();
    }
}
