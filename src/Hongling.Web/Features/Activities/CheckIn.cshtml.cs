using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Activities;

/// <summary>Where the QR code leads: a signed-in member sees the activity and checks in with one tap
/// (a GET never writes). A bad, expired or foreign code, or a member not on the list, is refused in words.</summary>
[SignedInPage]
public sealed class CheckInModel(ActivityCheckIn checkIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }
    public ActivityCheckIn.Outcome Outcome { get; private set; } = null!;
    public bool Done { get; private set; }

    public async Task OnGetAsync(int id) =>
        Outcome = await checkIn.CheckInAsync(id, Code, commit: false, HttpContext.RequestAborted);

    public async Task OnPostAsync(int id)
    {
        Outcome = await checkIn.CheckInAsync(id, Code, commit: true, HttpContext.RequestAborted);
        Done = Outcome.Refusal is null;
    }
}
