using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>Offering a room, a consultation or a course to the organization's subtree, or changing it.</summary>
public sealed class EditModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty]
    public ResourceInput Input { get; set; } = new();
    public string OrgName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var r = await db.AdministeredRows<BookableResource>()
                .Include(x => x.Organization)
                .FirstOrDefaultAsync(x => x.Id == id);
            if (r is null)
                return NotFound();
            Input = ResourceInput.From(r);
            OrgName = r.Organization.Name;
            return Page();
        }
        var org = await db.AdministeredOrganizations.FirstOrDefaultAsync(o => o.Id == Org);
        if (org is null)
            return NotFound();
        (Input.OrganizationId, OrgName, Input.Days) = (org.Id, org.Name, [0, 1, 2, 3, 4]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        BookableResource? r = null;
        if (
            Id is { } id
            && (r = await db.AdministeredRows<BookableResource>().FirstOrDefaultAsync(x => x.Id == id)) is null
        )
            return NotFound();
        var org = await db.AdministeredOrganizations.FirstOrDefaultAsync(o =>
            o.Id == (r == null ? Input.OrganizationId : r.OrganizationId)
        );
        if (org is null)
            return NotFound();
        OrgName = org.Name;
        foreach (var (field, message) in Input.Check())
            ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid)
            return Page();
        if (r is null)
        {
            r = new BookableResource
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                AudienceIncludesSubtree = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.BookableResources.Add(r);
        }
        Input.ApplyTo(r);
        await db.SaveChangesAsync();
        TempData["Status"] = $"已保存:{r.Name}";
        return RedirectToPage("Index", new { org = org.Id });
    }
}
