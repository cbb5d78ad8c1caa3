using Hongling.Web.Data;
using Hongling.Web.Features.Members;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hongling.Web.Features.Development;

/// <summary>Registers an applicant (入党申请人) in a branch of the caller's scope.</summary>
public sealed class RegisterModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ApplicantInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Branches { get; private set; } = [];

    public async Task OnGetAsync(int? org)
    {
        Input.OrganizationId = org;
        Branches = await MemberInput.BranchOptionsAsync(db);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Input.ValidateAsync(ModelState, db, clock.TodayInChina());
        if (!ModelState.IsValid)
        {
            Branches = await MemberInput.BranchOptionsAsync(db);
            return Page();
        }
        var recruit = Input.ToRecruit(db.Scope.ActorName, clock.GetUtcNow().UtcDateTime);
        db.Recruits.Add(recruit);
        await db.SaveChangesAsync();
        TempData["Status"] = $"已登记入党申请人 {recruit.Name}。";
        return RedirectToPage("/Development/Detail", new { id = recruit.Id });
    }
}
