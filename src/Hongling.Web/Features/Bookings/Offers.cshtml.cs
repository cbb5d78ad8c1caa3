using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>The menu of services (菜单式服务): every room, consultation and course offered to the caller's branch (or,
/// for an administrator, to their subtree), grouped by kind.</summary>
[SignedInPage]
public sealed class OffersModel(HonglingDb db) : PageModel
{
    public sealed record Offer(
        int Id,
        BookableKind Kind,
        string Name,
        string Place,
        string? Expert,
        ConsultationField? Field,
        string Provider,
        string Hours
    );

    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var list = await db
            .BookableResources.Where(r => !r.Retired)
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.OrgPath)
            .ThenBy(r => r.Name)
            .Take(300)
            .ToListAsync();
        // The providers' names only: a branch's administrator sees what the town offers, not the town itself.
        var ids = list.Select(r => r.OrganizationId).Distinct().ToList();
        var names = await db
            .OrganizationsOfThePlatform.Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        Offers =
        [
            .. list.Select(r => new Offer(
                r.Id,
                r.Kind,
                r.Name,
                r.Place,
                r.Expert,
                r.Field,
                names[r.OrganizationId],
                BookingSlots.Hours(r)
            )),
        ];
    }
}
