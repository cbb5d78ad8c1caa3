using Hongling.Web.Data;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.Study;

/// <summary>Which materials a page works on, on top of the scope's filter (which admits what is published to
/// the caller's organizations and what their organizations published).</summary>
public static class MaterialQueries
{
    /// <summary>Materials whose publisher the caller administers (not those published to them from above).</summary>
    public static IQueryable<Material> Owned(HonglingDb db) => db.AdministeredRows<Material>();

    /// <summary>What the caller may open: published and not withdrawn, or their own organizations' in any
    /// state.</summary>
    public static IQueryable<Material> Readable(HonglingDb db, DateTime now) =>
        db.Materials.Where(m =>
            (!m.Withdrawn && m.PublishAt <= now) || db.AdministeredOrganizations.Any(o => o.Id == m.OrganizationId)
        );
}
