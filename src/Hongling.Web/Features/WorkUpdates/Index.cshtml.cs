using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.WorkUpdates;

/// <summary>Work updates (工作动态) of an organization, or the feed of its whole subtree.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Subtree { get; set; } = true;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public IReadOnlyList<WorkUpdateFeed.Item> Items { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        (Items, Paging) = await WorkUpdateFeed.PageAsync(
            WorkUpdateFeed.Of(db.WorkUpdates, org.Path, Subtree),
            PageNumber
        );
        return Page();
    }
}
