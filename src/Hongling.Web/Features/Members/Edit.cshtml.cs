using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

public sealed class EditModel(HonglingDb db, PiiProtector pii, IdNumberRegistry registry, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Branches { get; private set; } = [];
    public Member Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.AdministeredMembers.FirstOrDefaultAsync(m => m.Id == id) is not { } member)
            return NotFound();
        Member = member;
        Input = MemberInput.From(member);
        Branches = await MemberInput.BranchOptionsAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.AdministeredMembers.FirstOrDefaultAsync(m => m.Id == id) is not { } member)
            return NotFound();
        Member = member;
        await Input.ValidateAsync(ModelState, db, pii, registry, clock.TodayInChina(), member);
        if (!ModelState.IsValid)
        {
            Branches = await MemberInput.BranchOptionsAsync(db);
            return Page();
        }
        Input.ApplyTo(member, pii, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        TempData["Status"] = "已保存。";
        return RedirectToPage("/Members/Detail", new { id });
    }
}
