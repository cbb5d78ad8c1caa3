using Hongling.Web.Infrastructure;
using Hongling.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>The party-building website's home (党建网): adopted news, the latest work updates, the columns.</summary>
[AllowAnonymous, OutputCache(PolicyName = SiteCache.Policy)]
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public IReadOnlyList<PublicContent.Teaser> News { get; private set; } = [];
    public IReadOnlyList<PublicContent.Teaser> Updates { get; private set; } = [];
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public async Task OnGetAsync()
    {
        News = await PublicContent.NewsTeasers(PublicContent.News(db)).Take(10).ToListAsync();
        Updates = await PublicContent.UpdateTeasers(PublicContent.Updates(db)).Take(10).ToListAsync();
        Columns = await SiteColumns.NamesAsync(db, 12);
    }
}
