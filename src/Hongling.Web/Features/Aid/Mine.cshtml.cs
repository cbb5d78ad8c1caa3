using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>My aid (我的帮扶): the member's own applications and the visits paid to them, nobody else's.</summary>
[SignedInPage]
public sealed class MineModel(HonglingDb db) : PageModel
{
    public sealed record Row(
        int Id,
        AidKind Kind,
        string Fund,
        decimal Asked,
        decimal? Approved,
        AidStatus Status,
        DateTime At
    );

    public IReadOnlyList<Row> Applications { get; private set; } = [];
    public IReadOnlyList<Visit> Visits { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (db.Scope.MemberId is not { } me)
            return;
        Applications = await db
            .AidApplications.Where(a => a.MemberId == me)
            .OrderByDescending(a => a.Id)
            .Take(100)
            .Select(a => new Row(a.Id, a.Kind, a.Fund.Name, a.AmountAsked, a.ApprovedAmount, a.Status, a.CreatedAt))
            .ToListAsync();
        Visits = await db
            .Visits.Where(v => v.MemberId == me)
            .OrderByDescending(v => v.On)
            .Take(100)
            .AsNoTracking()
            .ToListAsync();
    }
}
