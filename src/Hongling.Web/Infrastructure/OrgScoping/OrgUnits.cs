using Hongling.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>A unit of an issuing organization: one of its direct children, counted over its own subtree.</summary>
public sealed record OrgUnit(int Id, string Name, string Path);

/// <summary>The units of an issuer (its direct children, in code order, as <see cref="OrgTree.Children"/> gives them)
/// and the map of any OrgPath in the issuer's subtree to the unit whose subtree holds it, so that a report groups its
/// rows by OrgPath in one query and rolls them up per unit in memory instead of querying once per unit. A row attached
/// to the issuer itself (or to a child the caller cannot see) maps to the issuer.</summary>
public sealed class OrgUnits
{
    private readonly Dictionary<string, int> _byPath;

    public ScopedOrg Issuer { get; }
    public IReadOnlyList<OrgUnit> List { get; }

    private OrgUnits(ScopedOrg issuer, IReadOnlyList<OrgUnit> list)
    {
        Issuer = issuer;
        List = list;
        _byPath = list.ToDictionary(u => u.Path, u => u.Id, StringComparer.Ordinal);
    }

    public static async Task<OrgUnits> ForAsync(HonglingDb db, ScopedOrg issuer, CancellationToken ct = default) =>
        new(
            issuer,
            await OrgTree
                .Children(db, issuer.Id)
                .OrderBy(o => o.Code)
                .Select(o => new OrgUnit(o.Id, o.Name, o.Path))
                .ToListAsync(ct)
        );

    /// <summary>Whether the path lies in the issuer's subtree.</summary>
    public bool Covers(string? path) => path is not null && path.StartsWith(Issuer.Path, StringComparison.Ordinal);

    /// <summary>The unit holding <paramref name="orgPath"/> (a path inside the issuer's subtree), or the issuer's
    /// id.</summary>
    public int UnitOf(string orgPath)
    {
        var root = Issuer.Path;
        if (orgPath.Length <= root.Length || !orgPath.StartsWith(root, StringComparison.Ordinal))
            return Issuer.Id;
        var end = orgPath.IndexOf('/', root.Length);
        return end < 0 ? Issuer.Id : _byPath.GetValueOrDefault(orgPath[..(end + 1)], Issuer.Id);
    }

    /// <summary>Sums per unit (and the issuer itself) of counts grouped by OrgPath.</summary>
    public Dictionary<int, int> RollUp<T>(IEnumerable<T> rows, Func<T, string> path, Func<T, int> count)
    {
        var sums = new Dictionary<int, int>();
        foreach (var r in rows)
        {
            var unit = UnitOf(path(r));
            sums[unit] = sums.GetValueOrDefault(unit) + count(r);
        }
        return sums;
    }
}
