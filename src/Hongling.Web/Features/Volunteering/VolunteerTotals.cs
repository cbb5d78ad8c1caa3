using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>Confirmed volunteer hours of one China-time year for an organization and each of its units (its direct
/// children, over their subtrees), counted where the volunteers' branches are: grouped by branch path in the
/// database, rolled up per unit in memory.</summary>
public sealed record VolunteerTotals(
    ScopedOrg Org,
    int Year,
    VolunteerTotals.Line Total,
    IReadOnlyList<VolunteerTotals.Line> Units
)
{
    public sealed record Line(int Id, string Name, int Volunteers, int Services, decimal Hours);

    public static async Task<VolunteerTotals> ForAsync(
        HonglingDb db,
        ScopedOrg org,
        int year,
        CancellationToken ct = default
    )
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc) - ChinaTime.Offset;
        var to = from.AddYears(1);
        var rows = await db.AdministeredRows<VolunteerSignUp>()
            .InSubtree(org.Path)
            .Where(s => s.Hours != null && s.Project.StartsAt >= from && s.Project.StartsAt < to)
            .GroupBy(s => s.OrgPath)
            .Select(g => new
            {
                Path = g.Key,
                Volunteers = g.Select(s => s.MemberId).Distinct().Count(),
                Services = g.Count(),
                Hours = g.Sum(s => s.Hours!.Value),
            })
            .ToListAsync(ct);
        var units = await OrgUnits.ForAsync(db, org, ct);
        var sums = new Dictionary<int, (int Volunteers, int Services, decimal Hours)>();
        foreach (var r in rows)
        {
            var unit = units.UnitOf(r.Path);
            var s = sums.GetValueOrDefault(unit);
            sums[unit] = (s.Volunteers + r.Volunteers, s.Services + r.Services, s.Hours + r.Hours);
        }
        Line LineOf(int id, string name)
        {
            var s = sums.GetValueOrDefault(id);
            return new(id, name, s.Volunteers, s.Services, s.Hours);
        }
        var total = new Line(
            org.Id,
            org.Name,
            rows.Sum(r => r.Volunteers),
            rows.Sum(r => r.Services),
            rows.Sum(r => r.Hours)
        );
        var lines = units.List.Select(u => LineOf(u.Id, u.Name)).ToList();
        if (sums.ContainsKey(org.Id))
            lines.Insert(0, LineOf(org.Id, org.Name + "(本级)"));
        return new VolunteerTotals(org, year, total, lines);
    }
}
