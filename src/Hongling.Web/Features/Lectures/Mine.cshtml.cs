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
public sealed class MineModel(HonglingDb db, LectureDesk desk, TimeProvider clock) : PageModel
{
    public sealed record Offered(int Id, string Title, LectureTarget Target, string Org, int Seats);

    public sealed record Taken(
        int Id,
        int CourseId,
        string Title,
        int Attended,
        int Needed,
        DateOnly? CompletedOn,
        DateTime? FirstStart
    )
    {
        /// <summary>Whether the cancel button shows; the desk decides again on the post.</summary>
        public bool Cancellable(DateTime now) => Attended == 0 && (FirstStart is not { } s || s > now);
    }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

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

    public async Task<IActionResult> OnPostCancelAsync(int courseId)
    {
        try
        {
            var e = await desk.CancelMemberAsync(courseId, HttpContext.RequestAborted);
            Status = $"已取消报名:{e.Course.Title}。";
            return RedirectToPage();
        }
        catch (RuleException e) when (e.Error != LectureDesk.EnrolmentNotFound)
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
        if (db.Scope.MemberId is { } me)
            (Enrolments, Courses) = await LoadForAsync(db, me, HttpContext.RequestAborted);
    }

    /// <summary>The member's own enrolments and the courses offered to them that they have not taken.</summary>
    public static async Task<(List<Taken> Taken, List<Offered> Offered)> LoadForAsync(
        HonglingDb db,
        int me,
        CancellationToken ct
    )
    {
        var enrolments = await db
            .LectureEnrolments.Where(e => e.MemberId == me)
            .OrderByDescending(e => e.Id)
            .Take(100)
            .Select(e => new Taken(
                e.Id,
                e.CourseId,
                e.Course.Title,
                e.Attendance.Count,
                e.Course.CompletionSessions,
                e.CompletedOn,
                e.Course.Sessions.Min(x => (DateTime?)x.StartsAt)
            ))
            .ToListAsync(ct);
        var taken = enrolments.Select(e => e.CourseId).ToList();
        var courses = await db
            .LectureCourses.Where(c => c.Target != LectureTarget.Activists && !taken.Contains(c.Id))
            .OrderByDescending(c => c.Id)
            .Take(50)
            .Select(c => new Offered(c.Id, c.Title, c.Target, c.Organization.Name, c.Seats))
            .ToListAsync(ct);
        return (enrolments, courses);
    }
}
