using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hongling.Web.Features.Members;

public sealed class CreateModel(HonglingDb db, PiiProtector pii, IdNumberRegistry registry, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Branches { get; private set; } = [];

    public async Task OnGetAsync(int? org)
    {
        Input.OrganizationId = org;
        Branches = await MemberInput.BranchOptionsAsync(db);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await Input.ValidateAsync(ModelState, db, pii, registry, clock.TodayInChina(), existing: null);
        if (!ModelState.IsValid)
        {
            Branches = await MemberInput.BranchOptionsAsync(db);
            return Page();
        }
        var member = new Member { Name = "", CreatedAt = now };
        Input.ApplyTo(member, pii, now);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        TempData["Status"] = $"已新增党员 {member.Name}。";
        return RedirectToPage("/Members/Detail", new { id = member.Id });
    }
}
