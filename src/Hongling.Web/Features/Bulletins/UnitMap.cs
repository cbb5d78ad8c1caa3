using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>A bulletin's units: the issuer's direct children (read through the org scope), each standing for its
/// subtree. <see cref="UnitOf"/> turns any path of the issuer's subtree into the unit it lies in by its prefix —
/// the issuer's own id for the issuer itself (rows attached to the issuer count in its totals only) — so that a
/// figure is one grouped query by path or organization, rolled up here in memory.</summary>
public sealed class UnitMap
{
    private readonly Dictionary<string, int> _byPath;

    public ScopedOrg Issuer { get; }
    /// <summary>The units, by code.</summary>
    public IReadOnlyList<NamedUnit> Units { get; }

    private UnitMap(ScopedOrg issuer, IReadOnlyList<(int Id, string Name, string Path)> units)
    {
        Issuer = issuer;
        Units = [.. units.Select(u => new NamedUnit(u.Id, u.Name))];
        _byPath = units.ToDictionary(u => u.Path, u => u.Id, StringComparer.Ordinal);
    }

    public static async Task<UnitMap> ForAsync(HonglingDb db, ScopedOrg issuer, CancellationToken ct)
    {
        var units = await OrgTree.Children(db, issuer.Id).OrderBy(o => o.Code).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);
        return new UnitMap(issuer, [.. units.Select(u => (u.Id, u.Name, u.Path))]);
    }

    /// <summary>Whether the path lies in the issuer's subtree.</summary>
    public bool Covers(string? path) => path is not null && path.StartsWith(Issuer.Path, StringComparison.Ordinal);

    /// <summary>The unit a path of the issuer's subtree lies in; the issuer's id for the issuer itself (and for a
    /// path beneath no present unit).</summary>
    public int UnitOf(string path)
    {
        if (path.Length <= Issuer.Path.Length) return Issuer.Id;
        var end = path.IndexOf('/', Issuer.Path.Length);
        return end < 0 ? Issuer.Id : _byPath.GetValueOrDefault(path[..(end + 1)], Issuer.Id);
    }
}

/// <summary>An organization named in a bulletin's text (a unit, a branch): its id and name.</summary>
public sealed record NamedUnit(int Id, string Name);
