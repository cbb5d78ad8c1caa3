using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.OrgLife;

/// <summary>The organization an organization-life page works on: the one asked for (?org=) when the caller
/// administers it, else the caller's first administered root. Null means 404.</summary>
public sealed record ScopedOrg(int Id, string Name, string Path, OrgKind Kind, int Depth)
{
    public static async Task<ScopedOrg?> PickAsync(HonglingDb db, int? id)
    {
        var orgs = id is { } wanted ? db.AdministeredOrganizations.Where(o => o.Id == wanted) : OrgTree.Roots(db).OrderBy(o => o.Path);
        return await orgs.Select(o => new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth)).FirstOrDefaultAsync();
    }
}

/// <summary>One page of a list: 20 rows, 1-based page numbers.</summary>
public sealed record Paging(int Page, int Total, int Size = 20)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
    public int Skip => (Math.Clamp(Page, 1, Pages) - 1) * Size;
    public static int Clamp(int? page) => Math.Max(1, page ?? 1);
}
