using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>The provider's list of what their organizations offer for booking (预约服务管理).</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }
    public ScopedOrg? Current { get; private set; }
    public IReadOnlyList<ScopedOrg> Orgs { get; private set; } = [];

    public sealed record Row(
        int Id,
        BookableKind Kind,
        string Name,
        string Place,
        string? Expert,
        ConsultationField? Field,
        int Capacity,
        bool Retired,
        string Hours
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Current = await ScopedOrg.PickAsync(db, Org);
        if (Current is null)
            return NotFound();
        Orgs = await db
            .AdministeredOrganizations.OrderBy(o => o.Path)
            .Take(200)
            .Select(o => new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth))
            .ToListAsync();
        var list = await db.AdministeredRows<BookableResource>()
            .Where(r => r.OrganizationId == Current.Id)
            .OrderBy(r => r.Retired)
            .ThenBy(r => r.Kind)
            .ThenBy(r => r.Name)
            .Take(500)
            .ToListAsync();
        Rows =
        [
            .. list.Select(r => new Row(
                r.Id,
                r.Kind,
                r.Name,
                r.Place,
                r.Expert,
                r.Field,
                r.Capacity,
                r.Retired,
                BookingSlots.Hours(r)
            )),
        ];
        return Page();
    }
}
