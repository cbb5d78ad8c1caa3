using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>One course for administrators: its sessions (with their check-in QR codes), the enrolments of their
/// subtree with attendance and completion, enrolling an activist or candidate, and marking attendance by
/// hand.</summary>
public sealed class DetailModel(HonglingDb db, LectureDesk desk, TimeProvider clock) : PageModel
{
    public sealed record Enrolled(
        int Id,
        string Name,
        bool IsRecruit,
        int SeatNumber,
        int Attended,
        DateOnly? CompletedOn
    );

    public LectureCourse Course { get; private set; } = null!;
    public bool Mine { get; private set; }
    public IReadOnlyList<Enrolled> Enrolments { get; private set; } = [];
    public int SeatsTaken { get; private set; }

    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public DateTime? StartsAt { get; set; }

    [BindProperty]
    public int Minutes { get; set; } = 120;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>A new session, by the course's own administrators; the time is China time.</summary>
    public async Task<IActionResult> OnPostSessionAsync(int id)
    {
        if (!await LoadAsync(id) || !Mine)
            return NotFound();
        var (topic, place) = (Topic?.Trim() ?? "", Place?.Trim() ?? "");
        if (topic.Length is 0 or > 200 || place.Length is 0 or > 200 || StartsAt is null || Minutes is < 10 or > 720)
            ModelState.AddModelError("", "请填写本讲主题、地点、开始时间和时长(10到720分钟)");
        if (!ModelState.IsValid)
            return Page();
        var starts = DateTime.SpecifyKind(StartsAt!.Value - ChinaTime.Offset, DateTimeKind.Utc);
        var number = Course.Sessions.Count == 0 ? 1 : Course.Sessions.Max(s => s.Number) + 1;
        db.LectureSessions.Add(
            new LectureSession
            {
                CourseId = id,
                Number = number,
                Topic = topic,
                Place = place,
                StartsAt = starts,
                EndsAt = starts.AddMinutes(Minutes),
            }
        );
        await db.SaveChangesAsync();
        Status = $"已安排第{number}讲。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRecruitAsync(int id, int recruitId)
    {
        if (!await LoadAsync(id))
            return NotFound();
        try
        {
            var e = await desk.EnrolRecruitAsync(id, recruitId, HttpContext.RequestAborted);
            Status = $"已为{e.Name}报名(座位{e.SeatNumber})。";
            return RedirectToPage(new { id });
        }
        catch (RuleException e)
        {
            ModelState.AddRuleError(e);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Attendance marked by hand (补记, and recruits, who have no account to scan with).</summary>
    public async Task<IActionResult> OnPostAttendAsync(int id, int enrolmentId, int sessionId)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var enrolment = await db.AdministeredRows<LectureEnrolment>()
            .FirstOrDefaultAsync(e => e.Id == enrolmentId && e.CourseId == id);
        var session = Course.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (enrolment is null || session is null)
            return NotFound();
        if (session.StartsAt - Infrastructure.CheckIn.CheckInCodes.OpensBefore > clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError("", "该讲尚未开始,不能记录出勤");
            return Page();
        }
        await desk.AttendAsync(enrolment, session, CheckInMethod.Manual, HttpContext.RequestAborted);
        Status = $"已记录{enrolment.Name}第{session.Number}讲出勤。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (
            await db.LectureCourses.Include(c => c.Sessions.OrderBy(s => s.Number)).FirstOrDefaultAsync(c => c.Id == id)
            is not { } course
        )
            return false;
        Course = course;
        Mine = db.Scope.Administers(course.OrgPath);
        if (!db.Scope.IsAdministrator)
            return false;
        SeatsTaken = await db.SeatsTakenIn(id).CountAsync();
        Enrolments = await db.AdministeredRows<LectureEnrolment>()
            .Where(e => e.CourseId == id)
            .OrderBy(e => e.SeatNumber)
            .Take(1000)
            .Select(e => new Enrolled(
                e.Id,
                e.Name,
                e.RecruitId != null,
                e.SeatNumber,
                e.Attendance.Count,
                e.CompletedOn
            ))
            .ToListAsync();
        return true;
    }
}
