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
    public sealed record Offer(int Id, BookableKind Kind, string Name, string Place, string? Expert, ConsultationField? Field,
        string Provider, string Hours);
    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var list = await db.BookableResources.Where(r => !r.Retired).Include(r => r.Organization)
            .OrderBy(r => r.Kind).ThenBy(r => r.OrgPath).ThenBy(r => r.Name).Take(300).ToListAsync();
        Offers = [.. list.Select(r => new Offer(r.Id, r.Kind, r.Name, r.Place, r.Expert, r.Field, r.Organization.Name,
            BookingSlots.Hours(r)))];
    }
}
