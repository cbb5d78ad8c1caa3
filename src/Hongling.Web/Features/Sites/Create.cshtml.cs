using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hongling.Web.Features.Sites;

/// <summary>Registers a site (站点登记) for an organization the caller administers.</summary>
public sealed class CreateModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public async Task OnGetAsync(int? org, CancellationToken ct)
    {
        Input.OrganizationId = org;
        Organizations = await SiteInput.OrganizationOptionsAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var site = new Site { CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (!await SiteSave.TryAsync(db, Input, site, ModelState, clock.TodayInChina(), ct))
        {
            Organizations = await SiteInput.OrganizationOptionsAsync(db, ct);
            return Page();
        }
        TempData["Status"] = $"已登记站点 {site.Name}。";
        return Redirect($"/Sites/{site.Id}");
    }
}
