using Hongling.Web.Domain;
using Hongling.Web.Features.Members;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Development;

/// <summary>Admits a candidate (发展对象) as a probationary member (预备党员): the admission date and the member
/// record, filled with the member form and checked by its rules.</summary>
public sealed class AdmitModel(DevelopmentDesk desk, TimeProvider clock) : PageModel
{
    public Recruit Recruit { get; private set; } = null!;

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }
    public DateOnly Today => clock.TodayInChina();

    /// <summary>Why this recruit cannot be admitted now (not a candidate), or null.</summary>
    public string? Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = new MemberInput
        {
            Name = Recruit.Name,
            Gender = Recruit.Gender,
            Mobile = Recruit.Mobile,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (Blocked is not null)
            return Page();
        if (Note?.Length > 200)
            ModelState.AddModelError(nameof(Note), "备注不超过200字");
        var member = await desk.AdmitAsync(Recruit, On, Note, Input, ModelState);
        if (member is null)
            return Page();
        TempData["Status"] = $"已将 {member.Name} 接收为预备党员,党员档案已建立。";
        return RedirectToPage("/Development/Detail", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await desk.FindAsync(id) is not { } recruit)
            return false;
        Recruit = recruit;
        Blocked =
            DevelopmentRules.CheckStep(recruit, DevelopmentStage.Probationary, Today, Today) is { } problem
            && recruit.Stage != DevelopmentStage.Candidate
                ? problem.Message
                : null;
        return true;
    }
}
