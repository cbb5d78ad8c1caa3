using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>One recruit: the stages with their dates, the full history, and the next step.</summary>
public sealed class DetailModel(HonglingDb db, DevelopmentDesk desk, TimeProvider clock) : PageModel
{
    public Recruit Recruit { get; private set; } = null!;

    /// <summary>The member record from admission on, when it is in the caller's scope.</summary>
    public Member? Member { get; private set; }
    public DateOnly Today => clock.TodayInChina();

    /// <summary>The recruit's red lecture hall courses (Features/Lectures).</summary>
    public IReadOnlyList<Lectures.RecruitCourses.Row> Courses { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public DevelopmentStage? Next => DevelopmentRules.Next(Recruit.Stage);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>One step forward: <paramref name="to"/> is the stage the form offered, so a stale or
    /// hand-made form cannot skip one.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(int id, DevelopmentStage to)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (Note?.Length > 200)
            ModelState.AddModelError(nameof(Note), "备注不超过200字");
        if (ModelState.IsValid)
        {
            try
            {
                await desk.AdvanceAsync(Recruit, to, On, Note);
                Status = $"已记录:{Recruit.Name} {DevelopmentRules.StepName(to)}({On:yyyy-MM-dd})。";
                return RedirectToPage(new { id });
            }
            catch (RuleException e)
            {
                ModelState.AddRuleError(e);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await desk.FindAsync(id) is not { } recruit)
            return false;
        Recruit = recruit;
        Member = recruit.MemberId is { } memberId
            ? await db.AdministeredMembers.FirstOrDefaultAsync(m => m.Id == memberId)
            : null;
        Courses = await Lectures.RecruitCourses.ForAsync(db, recruit);
        return true;
    }
}
