using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Organizations;

/// <summary>The organization profile (走进组织): introduction, address, phone, secretary, founding date.
/// Saving records who maintained it and when (the bulletin's profile maintenance rate).</summary>
public sealed class ProfileModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed class ProfileInput
    {
        [StringLength(6000, ErrorMessage = "简介不超过6000字"), Display(Name = "组织简介")]
        public string? Introduction { get; set; }

        [StringLength(200, ErrorMessage = "地址不超过200字"), Display(Name = "办公地址")]
        public string? Address { get; set; }

        [Display(Name = "联系电话")]
        public string? Phone { get; set; }

        [Display(Name = "书记")]
        public int? SecretaryId { get; set; }

        [Display(Name = "成立日期")]
        public DateOnly? FoundedOn { get; set; }
    }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();
    public Organization Org { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = new ProfileInput
        {
            Introduction = Org.Introduction,
            Address = Org.Address,
            Phone = Org.Phone,
            SecretaryId = Org.SecretaryId,
            FoundedOn = Org.FoundedOn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (Domain.Phone.Validate(Input.Phone) is { } phoneError)
            ModelState.AddModelError("Input.Phone", phoneError);
        if (Input.FoundedOn > clock.TodayInChina())
            ModelState.AddModelError("Input.FoundedOn", "成立日期不能晚于今天");
        if (Input.SecretaryId is { } secretaryId)
        {
            // Another subtree's member id is a tampered post: 404, like any id outside the scope.
            var path = await db
                .AdministeredMembers.Where(m => m.Id == secretaryId)
                .Select(m => m.OrgPath)
                .FirstOrDefaultAsync();
            if (path is null)
                return NotFound();
            if (!path.StartsWith(Org.Path, StringComparison.Ordinal))
                ModelState.AddModelError("Input.SecretaryId", "书记应为本组织(含下级组织)的党员");
        }
        var introduction = RichText.Clean(Input.Introduction);
        if (introduction.Refusal is { } refusal)
            ModelState.AddModelError("Input.Introduction", refusal);
        if (!ModelState.IsValid)
            return Page();
        Org.Introduction = introduction.Html;
        Org.Address = Input.Address.NullIfBlank();
        Org.Phone = Input.Phone.NullIfBlank();
        Org.SecretaryId = Input.SecretaryId;
        Org.FoundedOn = Input.FoundedOn;
        Org.ProfileUpdatedAt = clock.GetUtcNow().UtcDateTime;
        Org.ProfileUpdatedBy = db.Scope.ActorName;
        await db.SaveChangesAsync();
        TempData["Status"] = "组织简介已保存。";
        return RedirectToPage("/Organizations/Detail", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.AdministeredOrganizations.FirstOrDefaultAsync(o => o.Id == id) is not { } org)
            return false;
        Org = org;
        // The secretary is one of the organization's own members, or of the organizations right beneath it.
        var candidates = await db
            .AdministeredMembers.Where(m =>
                m.OrganizationId == id || m.Organization.ParentId == id || m.Id == org.SecretaryId
            )
            .OrderBy(m => m.Name)
            .Take(500)
            .Select(m => new
            {
                m.Id,
                m.Name,
                Branch = m.Organization.Name,
            })
            .ToListAsync();
        Candidates = [.. candidates.Select(c => new SelectListItem($"{c.Name}({c.Branch})", c.Id.ToString()))];
        return true;
    }
}
