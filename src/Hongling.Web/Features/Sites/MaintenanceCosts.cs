using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>The yearly maintenance cost summary (维护经费): for a calendar year, the sum of the maintenance records'
/// costs (decimal yuan, summed in the database) for each town (an organization directly beneath the caller's root),
/// the root's own sites, and the whole.</summary>
public static class MaintenanceCosts
{
    public sealed record Line(int? OrgId, string Name, int Sites, int Records, decimal Cost);

    public sealed record Summary(string Root, int Year, IReadOnlyList<Line> Towns, Line Own, Line Total);

    public static async Task<Summary?> ForYearAsync(HonglingDb db, int year, CancellationToken ct = default)
    {
        var root = await ScopedOrg.PickAsync(db, null);
        if (root is null)
            return null;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var records = db.SiteMaintenance.Where(m => m.Date >= from && m.Date < to);
        async Task<Line> LineAsync(int? id, string name, IQueryable<SiteMaintenance> rows, IQueryable<Site> sites) =>
            new(id, name, await sites.CountAsync(ct), await rows.CountAsync(ct), await rows.SumAsync(m => m.Cost, ct));

        var towns = new List<Line>();
        foreach (
            var town in await OrgTree
                .Children(db, root.Id)
                .OrderBy(o => o.Path)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Path,
                })
                .ToListAsync(ct)
        )
            towns.Add(await LineAsync(town.Id, town.Name, records.InSubtree(town.Path), db.Sites.InSubtree(town.Path)));
        var own = await LineAsync(
            root.Id,
            root.Name + "(本级)",
            records.Where(m => m.OrgPath == root.Path),
            db.Sites.Where(s => s.OrgPath == root.Path)
        );
        var total = await LineAsync(null, "合计", records.InSubtree(root.Path), db.Sites.InSubtree(root.Path));
        return new Summary(root.Name, year, towns, own, total);
    }
}
