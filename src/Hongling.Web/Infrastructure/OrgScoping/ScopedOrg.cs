using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>The organization an organization-life page works on: the one asked for (?org=) when the caller
/// administers it, else the caller's first administered root. Null means 404.</summary>
public sealed record ScopedOrg(int Id, string Name, string Path, OrgKind Kind, int Depth)
{
    public static async Task<ScopedOrg?> PickAsync(HonglingDb db, int? id)
    {
        var orgs = id is { } wanted
            ? db.AdministeredOrganizations.Where(o => o.Id == wanted)
            : OrgTree.Roots(db).OrderBy(o => o.Path);
        return await orgs.Select(o => new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth)).FirstOrDefaultAsync();
    }
}
