using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>Search over what the website publishes (adopted news and work updates), by title or text, newest
/// first.</summary>
[AllowAnonymous, OutputCache(PolicyName = SiteCache.Policy)]
public sealed class SearchModel(HonglingDb db) : PageModel
{
    public const int MaxLength = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public string? Error { get; private set; }

    public sealed record Hit(string Kind, PublicContent.Teaser Teaser);

    public IReadOnlyList<Hit> Hits { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);
    public bool Searched { get; private set; }

    public async Task OnGetAsync()
    {
        var q = Q?.Trim();
        if (string.IsNullOrEmpty(q))
            return;
        if (q.Length > MaxLength)
        {
            Error = $"搜索词太长,请不超过{MaxLength}个字";
            return;
        }
        Searched = true;
        var news = PublicContent.News(db).Where(s => s.Title.Contains(q) || s.Body.Contains(q));
        var updates = PublicContent.Updates(db).Where(w => w.Title.Contains(q) || w.Body.Contains(q));
        Paging = new Paging(Paging.Clamp(PageNumber), await news.CountAsync() + await updates.CountAsync());
        // Two sources, one order: the first pages' worth of each, merged by date.
        var window = Paging.Skip + Paging.Size;
        var newsHits = await PublicContent.NewsTeasers(news).Take(window).ToListAsync();
        var updateHits = await PublicContent.UpdateTeasers(updates).Take(window).ToListAsync();
        Hits =
        [
            .. newsHits
                .Select(t => new Hit("news", t))
                .Concat(updateHits.Select(t => new Hit("update", t)))
                .OrderByDescending(h => h.Teaser.At)
                .ThenByDescending(h => h.Teaser.Id)
                .Skip(Paging.Skip)
                .Take(Paging.Size),
        ];
    }
}
