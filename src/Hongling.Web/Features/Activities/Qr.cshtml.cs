using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>The check-in QR code, shown at the venue by an administrator (a screen or a printout).</summary>
public sealed class QrModel(HonglingDb db, ActivityCheckIn checkIn) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public string CheckInUrl { get; private set; } = "";
    public string PngBase64 { get; private set; } = "";
    public int Present { get; private set; }
    public int Expected { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.AdministeredRows<Activity>().FirstOrDefaultAsync(a => a.Id == id) is not { } activity)
            return NotFound();
        Activity = activity;
        CheckInUrl = ActivityCheckIn.Url($"{Request.Scheme}://{Request.Host}", id, checkIn.CodeFor(activity));
        PngBase64 = Convert.ToBase64String(ActivityCheckIn.QrPng(CheckInUrl));
        var f = await AttendanceFigures.ForActivityAsync(db, id);
        (Present, Expected) = (f.Present, f.Expected);
        return Page();
    }
}
