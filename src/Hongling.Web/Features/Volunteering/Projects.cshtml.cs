using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>Volunteer service for members (志愿服务): projects open to their branch, signing up and withdrawing, and
/// their own confirmed hours per year.</summary>
[SignedInPage]
public sealed class ProjectsModel(HonglingDb db, VolunteerDesk desk, TimeProvider clock) : PageModel
{
    public sealed record Row(
        int Id,
        string Title,
        string Place,
        string Organizer,
        DateTime StartsAt,
        DateTime EndsAt,
        int? Capacity,
        bool SignedUp,
        decimal? Hours
    );

    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Mine { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostSignUpAsync(int projectId) =>
        PostAsync(desk.SignUpMemberAsync(projectId), "已报名");

    public Task<IActionResult> OnPostWithdrawAsync(int projectId) =>
        PostAsync(desk.WithdrawMemberAsync(projectId), "已退出");

    private async Task<IActionResult> PostAsync(Task<VolunteerProject> action, string done)
    {
        try
        {
            Status = $"{done}:{(await action).Title}";
            return RedirectToPage();
        }
        catch (RuleException e) when (e.Error == VolunteerDesk.ProjectNotFound)
        {
            return NotFound();
        }
        catch (RuleException e)
        {
            Error = e.Error.Message;
            db.ChangeTracker.Clear();
            await LoadAsync();
            return Page();
        }
    }

    /// <summary>The projects published to the member's branch that have not ended, with their own sign-up.</summary>
    public static IQueryable<Row> OpenTo(HonglingDb db, int me, string branch, DateTime now) =>
        db
            .VolunteerProjects.Where(Audience.Reaches<VolunteerProject>(branch))
            .Where(p => p.EndsAt > now)
            .OrderBy(p => p.StartsAt)
            .Take(100)
            .Select(p => new Row(
                p.Id,
                p.Title,
                p.Place,
                p.Organization.Name,
                p.StartsAt,
                p.EndsAt,
                p.Capacity,
                db.VolunteerSignUps.Any(s => s.ProjectId == p.Id && s.MemberId == me && s.WithdrawnAt == null),
                null
            ));

    private async Task LoadAsync()
    {
        if (db.Scope.MemberId is not { } me || db.Scope.MemberOrgPath is not { } branch)
            return;
        var now = Now;
        Open = await OpenTo(db, me, branch, now).ToListAsync();
        Mine = await db
            .VolunteerSignUps.Where(s => s.MemberId == me && s.WithdrawnAt == null)
            .OrderByDescending(s => s.Project.StartsAt)
            .Take(100)
            .Select(s => new Row(
                s.ProjectId,
                s.Project.Title,
                s.Project.Place,
                s.Project.Organization.Name,
                s.Project.StartsAt,
                s.Project.EndsAt,
                s.Project.Capacity,
                true,
                s.Hours
            ))
            .ToListAsync();
    }
}
