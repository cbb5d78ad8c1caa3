using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>Publishing a volunteer project to the organization's subtree.</summary>
public sealed class EditModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty]
    public ProjectInput Input { get; set; } = new();
    public string OrgName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var org = await db.AdministeredOrganizations.FirstOrDefaultAsync(o => o.Id == Org);
        if (org is null)
            return NotFound();
        var start = clock.TodayInChina().AddDays(7).ToDateTime(new TimeOnly(9, 0));
        Input = new ProjectInput
        {
            OrganizationId = org.Id,
            StartsAt = start,
            EndsAt = start.AddHours(3),
        };
        OrgName = org.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var org = await db.AdministeredOrganizations.FirstOrDefaultAsync(o => o.Id == Input.OrganizationId);
        if (org is null)
            return NotFound();
        OrgName = org.Name;
        foreach (var (field, message) in Input.Check())
            ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid)
            return Page();
        var p = new VolunteerProject
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            AudienceIncludesSubtree = true,
            Title = Input.Title!.Trim(),
            Place = Input.Place!.Trim(),
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            StartsAt = Input.StartsAtUtc,
            EndsAt = Input.EndsAtUtc,
            Capacity = Input.Capacity,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.ActorName,
        };
        db.VolunteerProjects.Add(p);
        await db.SaveChangesAsync();
        TempData["Status"] = $"已发布:{p.Title}";
        return RedirectToPage("Index", new { org = org.Id });
    }
}
