using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Lectures;

/// <summary>The printable completion certificate (结业证书) of a completed enrolment: its member and the
/// administrators of its subtree see it; anyone else, or an enrolment not yet completed, gets 404.</summary>
[SignedInPage]
public sealed class CertificateModel(HonglingDb db) : PageModel
{
    public sealed record View(int Id, string Name, string Title, string Org, int Sessions, DateOnly CompletedOn);

    public View Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var view = await db
            .LectureEnrolments.Where(e => e.Id == id && e.CompletedOn != null)
            .Select(e => new View(
                e.Id,
                e.Name,
                e.Course.Title,
                e.Course.Organization.Name,
                e.Attendance.Count,
                e.CompletedOn!.Value
            ))
            .FirstOrDefaultAsync();
        if (view is null)
            return NotFound();
        Certificate = view;
        return Page();
    }
}
