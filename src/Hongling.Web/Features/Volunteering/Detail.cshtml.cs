using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>A project's volunteers: the organizer confirms each one's hours after the project began.</summary>
public sealed class DetailModel(HonglingDb db, VolunteerDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }
    public VolunteerProject Project { get; private set; } = null!;

    public sealed record Row(
        int Id,
        string Member,
        string Branch,
        DateTime SignedUpAt,
        bool Withdrawn,
        decimal? Hours,
        string? ConfirmedBy
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostHoursAsync(int signUpId, string? hours)
    {
        if (!await LoadAsync())
            return NotFound();
        var s = await db.AdministeredRows<VolunteerSignUp>()
            .Include(x => x.Project)
            .Include(x => x.Member)
            .FirstOrDefaultAsync(x => x.Id == signUpId && x.ProjectId == Project.Id);
        if (s is null)
            return NotFound();
        try
        {
            if (
                !decimal.TryParse(
                    hours,
                    System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var h
                )
            )
                throw new RuleException(RuleErrors.VolunteerHoursInvalid(VolunteerDesk.MaxHours(Project)));
            await desk.ConfirmHoursAsync(s, h);
        }
        catch (RuleException e)
        {
            Error = $"{s.Member.Name}:{e.Error.Message}";
            return Page();
        }
        Status = $"已确认 {s.Member.Name} 的服务时长 {s.Hours:0.#} 小时";
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync()
    {
        var p = await db.AdministeredRows<VolunteerProject>()
            .Include(x => x.Organization)
            .FirstOrDefaultAsync(x => x.Id == Id);
        if (p is null)
            return false;
        Project = p;
        Rows = await db.AdministeredRows<VolunteerSignUp>()
            .Where(s => s.ProjectId == p.Id)
            .OrderBy(s => s.WithdrawnAt != null)
            .ThenBy(s => s.OrgPath)
            .ThenBy(s => s.Member.Name)
            .Take(2000)
            .Select(s => new Row(
                s.Id,
                s.Member.Name,
                s.Organization.Name,
                s.SignedUpAt,
                s.WithdrawnAt != null,
                s.Hours,
                s.ConfirmedBy
            ))
            .ToListAsync();
        return true;
    }
}
