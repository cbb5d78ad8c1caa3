using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.CheckIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>A session's check-in QR code, shown at the venue by the course's administrators.</summary>
public sealed class QrModel(HonglingDb db, SessionCheckIn checkIn) : PageModel
{
    public LectureSession Session { get; private set; } = null!;
    public string CheckInUrl { get; private set; } = "";
    public string PngBase64 { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var session = await db.LectureSessions.FirstOrDefaultAsync(s => s.Id == id);
        if (session is null || !await db.AdministeredRows<LectureCourse>().AnyAsync(c => c.Id == session.CourseId))
            return NotFound();
        session.Course = await db.LectureCourses.FirstAsync(c => c.Id == session.CourseId);
        Session = session;
        CheckInUrl = SessionCheckIn.Url($"{Request.Scheme}://{Request.Host}", id, checkIn.CodeFor(session));
        PngBase64 = Convert.ToBase64String(CheckInCodes.QrPng(CheckInUrl));
        return Page();
    }
}
