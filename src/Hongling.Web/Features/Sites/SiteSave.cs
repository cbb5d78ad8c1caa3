using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>Checks a site form and saves it in one SaveChanges (one transaction): the site, and, when it now serves
/// another organization, its equipment, their history and its maintenance records, which always share the site's
/// organization. False (with the errors in the model state) when nothing was saved.</summary>
public static class SiteSave
{
    public static async Task<bool> TryAsync(
        HonglingDb db,
        SiteInput input,
        Site site,
        ModelStateDictionary state,
        DateOnly today,
        CancellationToken ct = default
    )
    {
        foreach (var (field, message) in input.Check(today))
            state.AddModelError("Input." + field, message);
        var resolved = await input.ResolveAsync(
            db,
            site.Id == 0 ? null : site.Id,
            (f, m) => state.AddModelError("Input." + f, m),
            ct
        );
        if (resolved is null || !state.IsValid)
            return false;
        var moved = site.Id != 0 && site.OrganizationId != input.OrganizationId;
        input.ApplyTo(site, resolved);
        if (moved)
        {
            foreach (
                var e in await db.Equipment.Include(e => e.History).Where(e => e.SiteId == site.Id).ToListAsync(ct)
            )
            {
                e.OrganizationId = site.OrganizationId;
                foreach (var h in e.History)
                    h.OrganizationId = site.OrganizationId;
            }
            foreach (var m in await db.SiteMaintenance.Where(m => m.SiteId == site.Id).ToListAsync(ct))
                m.OrganizationId = site.OrganizationId;
        }
        if (site.Id == 0)
            db.Sites.Add(site);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator took the code between the check and the insert; the transaction rolled back.
            state.AddModelError("Input.Code", RuleErrors.SiteCodeJustTaken(site.Code).Message);
            return false;
        }
        return true;
    }
}
