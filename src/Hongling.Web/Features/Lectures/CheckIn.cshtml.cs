using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Lectures;

/// <summary>Where a session's QR code leads: a signed-in enrolled member checks in with one tap (a GET never
/// writes).</summary>
[SignedInPage]
public sealed class CheckInModel(SessionCheckIn checkIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }
    public SessionCheckIn.Outcome Outcome { get; private set; } = null!;

    public async Task OnGetAsync(int id) =>
        Outcome = await checkIn.CheckInAsync(id, Code, commit: false, HttpContext.RequestAborted);

    public async Task OnPostAsync(int id) =>
        Outcome = await checkIn.CheckInAsync(id, Code, commit: true, HttpContext.RequestAborted);
}
