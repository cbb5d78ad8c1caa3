using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>A unit of a bulletin: a direct child of the issuer, counted over its subtree.</summary>
public sealed record BulletinUnit(int Id, string Name, string Path);

/// <summary>The issuer's units and the rule that files a row under one by its OrgPath.</summary>
public sealed class BulletinUnits
{
    private readonly Dictionary<string, int> byPath;
    private readonly ScopedOrg issuer;

    private BulletinUnits(ScopedOrg issuer, IReadOnlyList<BulletinUnit> units)
    {
        this.issuer = issuer;
        All = units;
        byPath = units.ToDictionary(u => u.Path, u => u.Id);
    }

    public IReadOnlyList<BulletinUnit> All { get; }

    public static async Task<BulletinUnits> OfAsync(HonglingDb db, ScopedOrg issuer, CancellationToken ct) =>
        new(issuer, await OrgTree.Children(db, issuer.Id).OrderBy(o => o.Code)
            .Select(o => new BulletinUnit(o.Id, o.Name, o.Path)).ToListAsync(ct));

    /// <summary>The unit whose subtree holds <paramref name="orgPath"/>; null for the issuer's own rows.</summary>
    public int? UnitOf(string orgPath)
    {
        if (orgPath.Length <= issuer.Path.Length) return null;
        var end = orgPath.IndexOf('/', issuer.Path.Length);
        return end < 0 ? null : byPath.TryGetValue(orgPath[..(end + 1)], out var id) ? id : null;
    }
}
