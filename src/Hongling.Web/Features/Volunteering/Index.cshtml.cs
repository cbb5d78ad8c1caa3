using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>The organizer's list of volunteer projects, newest first, with sign-ups and confirmed hours.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public IReadOnlyList<ScopedOrg> Orgs { get; private set; } = [];

    public sealed record Row(
        int Id,
        string Title,
        string Place,
        DateTime StartsAt,
        int? Capacity,
        int SignedUp,
        decimal Hours
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        Orgs = await db
            .AdministeredOrganizations.OrderBy(o => o.Path)
            .Take(200)
            .Select(o => new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth))
            .ToListAsync();
        Rows = await db.AdministeredRows<VolunteerProject>()
            .Where(p => p.OrganizationId == org.Id)
            .OrderByDescending(p => p.StartsAt)
            .Take(200)
            .Select(p => new Row(
                p.Id,
                p.Title,
                p.Place,
                p.StartsAt,
                p.Capacity,
                db.VolunteerSignUps.Count(s => s.ProjectId == p.Id && s.WithdrawnAt == null),
                db.VolunteerSignUps.Where(s => s.ProjectId == p.Id).Sum(s => s.Hours) ?? 0
            ))
            .ToListAsync();
        return Page();
    }
}
