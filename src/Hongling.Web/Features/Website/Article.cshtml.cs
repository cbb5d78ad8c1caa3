using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Hongling.Web.Features.Website;

/// <summary>One adopted news item (/site/news/{id}) or work update (/site/update/{id}).</summary>
[AllowAnonymous, OutputCache(PolicyName = SiteCache.Policy)]
public sealed class ArticleModel(HonglingDb db) : PageModel
{
    public PublicContent.Article Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, int id)
    {
        var item = kind switch
        {
            "news" => await PublicContent.NewsAsync(db, id),
            "update" => await PublicContent.UpdateAsync(db, id),
            _ => null,
        };
        if (item is null)
            return NotFound();
        Item = item;
        return Page();
    }
}
