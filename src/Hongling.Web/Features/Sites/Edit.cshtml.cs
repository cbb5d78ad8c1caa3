using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>Edits a site's registry fields; a site outside the caller's subtree is not found.</summary>
public sealed class EditModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];
    public Site Site { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Sites.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } site)
            return NotFound();
        Site = site;
        Input = await SiteInput.FromAsync(db, site, ct);
        Organizations = await SiteInput.OrganizationOptionsAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Sites.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } site)
            return NotFound();
        Site = site;
        if (!await SiteSave.TryAsync(db, Input, site, ModelState, clock.TodayInChina(), ct))
        {
            Organizations = await SiteInput.OrganizationOptionsAsync(db, ct);
            return Page();
        }
        TempData["Status"] = "已保存。";
        return Redirect($"/Sites/{id}");
    }
}
