using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>The organization directory (组织机构): one level of the tree at a time, from the district down, each
/// organization linking to its page and to its own subordinates. Without ?parent= it starts at the root.</summary>
[AllowAnonymous, OutputCache(PolicyName = SiteCache.Policy)]
public sealed class OrgsModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Parent { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public PublicContent.OrgPage? Current { get; private set; }

    public sealed record Entry(int Id, string Name, string Kind, int Children);

    public IReadOnlyList<Entry> Children { get; private set; } = [];

    /// <summary>The ancestors of the organization shown, from the root.</summary>
    public IReadOnlyList<(int Id, string Name)> Trail { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0, 50);

    public async Task<IActionResult> OnGetAsync()
    {
        var orgs = db.OrganizationsOfThePlatform;
        var root = orgs.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => (int?)o.Id);
        var id = Parent ?? await root.FirstOrDefaultAsync();
        if (id is null)
            return Page();
        if (await PublicContent.OrgAsync(db, id.Value) is not { } current)
            return NotFound();
        Current = current;
        var path = current.Path;
        Trail =
        [
            .. (
                await orgs.Where(o => path.StartsWith(o.Path) && o.Id != current.Id)
                    .OrderBy(o => o.Depth)
                    .Select(o => new { o.Id, o.Name })
                    .ToListAsync()
            ).Select(o => (o.Id, o.Name)),
        ];
        var children = orgs.Where(o => o.ParentId == current.Id);
        Paging = new Paging(Paging.Clamp(PageNumber), await children.CountAsync(), 50);
        Children = await children
            .OrderBy(o => o.Code)
            .Skip(Paging.Skip)
            .Take(Paging.Size)
            .Select(o => new Entry(o.Id, o.Name, Labels.Of(o.Kind), orgs.Count(c => c.ParentId == o.Id)))
            .ToListAsync();
        return Page();
    }
}
