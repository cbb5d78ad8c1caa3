using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>The special columns, or one column's adopted news and work updates (?name=).</summary>
[AllowAnonymous, OutputCache(PolicyName = SiteCache.Policy)]
public sealed class ColumnsModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }
    public IReadOnlyList<string> Names { get; private set; } = [];
    public IReadOnlyList<PublicContent.Teaser> News { get; private set; } = [];
    public IReadOnlyList<PublicContent.Teaser> Updates { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            Names = await SiteColumns.NamesAsync(db, 200);
            return;
        }
        News = await PublicContent
            .NewsTeasers(PublicContent.News(db).Where(s => s.Column == Name))
            .Take(50)
            .ToListAsync();
        Updates = await PublicContent
            .UpdateTeasers(PublicContent.Updates(db).Where(w => w.Column == Name))
            .Take(50)
            .ToListAsync();
    }
}
