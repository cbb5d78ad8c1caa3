using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>转正: a probationary member becomes a full member, on a date at least a year after admission.
/// For every probationary member in scope, whether recruited on the platform, imported or entered directly.</summary>
public sealed class FullModel(HonglingDb db, DevelopmentDesk desk, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;
    public DateOnly Today => clock.TodayInChina();
    public DateOnly Due => DevelopmentRules.FullMembershipDue(Member.JoinedOn);

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int memberId) => await LoadAsync(memberId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int memberId)
    {
        if (!await LoadAsync(memberId))
            return NotFound();
        if (Note?.Length > 200)
            ModelState.AddModelError(nameof(Note), "备注不超过200字");
        if (!ModelState.IsValid)
            return Page();
        try
        {
            await desk.MakeFullAsync(memberId, On, Note);
        }
        catch (RuleException e)
        {
            ModelState.AddRuleError(e);
            db.ChangeTracker.Clear();
            await LoadAsync(memberId);
            return Page();
        }
        TempData["Status"] = $"{Member.Name} 已转为正式党员({On:yyyy-MM-dd})。";
        return RedirectToPage("/Members/Detail", new { id = memberId });
    }

    private async Task<bool> LoadAsync(int memberId)
    {
        Member = (
            await db.AdministeredMembers.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == memberId)
        )!;
        return Member is not null;
    }
}
