using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>My courses (我的课程): courses published to the member's branch, enrolling, and their own enrolments with
/// attendance and the completion certificate.</summary>
[SignedInPage]
public sealed class MineModel(HonglingDb db, LectureDesk desk) : PageModel
{
    public sealed record Offered(int Id, string Title, LectureTarget Target, string Org, int Seats);

    public sealed record Taken(int Id, int CourseId, string Title, int Attended, int Needed, DateOnly? CompletedOn);

    public IReadOnlyList<Offered> Courses { get; private set; } = [];
    public IReadOnlyList<Taken> Enrolments { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(int courseId)
    {
        try
        {
            var e = await desk.EnrolMemberAsync(courseId, HttpContext.RequestAborted);
            Status = $"报名成功,座位号 {e.SeatNumber}。";
            return RedirectToPage();
        }
        catch (RuleException e) when (e.Error != LectureDesk.CourseNotFound)
        {
            ModelState.AddRuleError(e);
        }
        catch (RuleException)
        {
            return NotFound();
        }
        db.ChangeTracker.Clear();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        if (db.Scope.MemberId is not { } me)
            return;
        Enrolments = await db
            .LectureEnrolments.Where(e => e.MemberId == me)
            .OrderByDescending(e => e.Id)
            .Take(100)
            .Select(e => new Taken(
                e.Id,
                e.CourseId,
                e.Course.Title,
                e.Attendance.Count,
                e.Course.CompletionSessions,
                e.CompletedOn
            ))
            .ToListAsync();
        var taken = Enrolments.Select(e => e.CourseId).ToList();
        Courses = await db
            .LectureCourses.Where(c => c.Target != LectureTarget.Activists && !taken.Contains(c.Id))
            .OrderByDescending(c => c.Id)
            .Take(50)
            .Select(c => new Offered(c.Id, c.Title, c.Target, c.Organization.Name, c.Seats))
            .ToListAsync();
    }
}
