using Hongling.Web.Data;
using Hongling.Web.Domain;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>One row of the organization tree, with the members of its whole subtree counted in the database.</summary>
public sealed record OrgNode(
    int Id,
    string Code,
    string Name,
    string Kind,
    string Category,
    bool HasChildren,
    int MemberCount
);

public static class OrgTree
{
    /// <summary>The caller's top organizations: administered ones whose parent is not administered.</summary>
    public static IQueryable<Organization> Roots(HonglingDb db) =>
        db.AdministeredOrganizations.Where(o =>
            o.ParentId == null || !db.AdministeredOrganizations.Any(p => p.Id == o.ParentId)
        );

    public static IQueryable<Organization> Children(HonglingDb db, int parentId) =>
        db.AdministeredOrganizations.Where(o => o.ParentId == parentId);

    public static IQueryable<OrgNode> Nodes(HonglingDb db, IQueryable<Organization> orgs) =>
        orgs.OrderBy(o => o.Code)
            .Select(o => new OrgNode(
                o.Id,
                o.Code,
                o.Name,
                Labels.Of(o.Kind),
                Labels.Of(o.Category),
                db.Organizations.Any(c => c.ParentId == o.Id),
                // The subtree as an indexed OrgPath range, [o.Path, OrgPaths.End(o.Path)), written out for SQL.
                db.Members.Count(m =>
                    string.Compare(m.OrgPath, o.Path) >= 0
                    && string.Compare(m.OrgPath, o.Path.Substring(0, o.Path.Length - 1) + "0") < 0
                )
            ));
}
