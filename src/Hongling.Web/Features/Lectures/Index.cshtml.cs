using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>The red lecture hall (红色讲坛) for administrators: courses of and above their organizations, and a new
/// one.</summary>
public sealed class IndexModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, LectureTarget Target, string Org, int Seats, int Sessions);

    public IReadOnlyList<Row> Courses { get; private set; } = [];
    public ScopedOrg? Org { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public LectureTarget Target { get; set; } = LectureTarget.AllMembers;

    [BindProperty]
    public int Seats { get; set; } = 50;

    [BindProperty]
    public int CompletionSessions { get; set; } = 1;

    [BindProperty]
    public string? Description { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int? org)
    {
        if ((Org = await ScopedOrg.PickAsync(db, org)) is null)
            return NotFound();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? org)
    {
        if ((Org = await ScopedOrg.PickAsync(db, org)) is null)
            return NotFound();
        var title = Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
            ModelState.AddModelError(nameof(Title), "请填写课程名称(不超过200字)");
        if (Seats is < 1 or > 10000)
            ModelState.AddModelError(nameof(Seats), "名额应为1到10000之间的整数");
        if (CompletionSessions is < 1 or > 100)
            ModelState.AddModelError(nameof(CompletionSessions), "结业所需出勤次数应为1到100之间的整数");
        if (Description?.Length > 2000)
            ModelState.AddModelError(nameof(Description), "简介不超过2000字");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var course = new LectureCourse
        {
            OrganizationId = Org.Id,
            AudiencePath = Org.Path,
            Title = title,
            Target = Target,
            Seats = Seats,
            CompletionSessions = CompletionSessions,
            Description = Description?.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.ActorName,
        };
        db.LectureCourses.Add(course);
        await db.SaveChangesAsync();
        Status = $"已开设课程:{title}。";
        return RedirectToPage("Detail", new { id = course.Id });
    }

    private async Task LoadAsync() =>
        Courses = await db
            .LectureCourses.OrderByDescending(c => c.Id)
            .Take(200)
            .Select(c => new Row(c.Id, c.Title, c.Target, c.Organization.Name, c.Seats, c.Sessions.Count))
            .ToListAsync();
}
