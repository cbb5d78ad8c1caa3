using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>One activity for its administrators: who answered and who came, attendance marked by hand,
/// the minutes, the QR code and the album of its photos.</summary>
public sealed class DetailModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public const int MaxMinutes = 20000;
    public Activity Activity { get; private set; } = null!;
    public string OrgName { get; private set; } = "";
    public AttendanceFigures Figures { get; private set; } = null!;

    public sealed record Row(
        int Id,
        string Name,
        string Branch,
        ParticipantReply Reply,
        string? LeaveReason,
        DateTime? CheckedInAt,
        CheckInMethod? Method
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int? AlbumId { get; private set; }

    [BindProperty]
    public string? Minutes { get; set; }
    public string? MinutesError { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Minutes = Activity.Minutes;
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, int participantId, bool present)
    {
        var row = await db.AdministeredRows<ActivityParticipant>()
            .Include(p => p.Member)
            .FirstOrDefaultAsync(p => p.Id == participantId && p.ActivityId == id);
        if (row is null)
            return NotFound();
        if (present && row.CheckedInAt is null)
            (row.CheckedInAt, row.CheckInMethod) = (clock.GetUtcNow().UtcDateTime, CheckInMethod.Manual);
        else if (!present)
            (row.CheckedInAt, row.CheckInMethod) = (null, null);
        await db.SaveChangesAsync();
        Status = present ? $"已为 {row.Member.Name} 补记到会。" : $"已取消 {row.Member.Name} 的签到。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (Minutes is { Length: > MaxMinutes })
        {
            MinutesError = $"会议记录不超过{MaxMinutes}字";
            return Page();
        }
        var minutes = RichText.Clean(Minutes);
        if (minutes.Refusal is { } refusal)
        {
            MinutesError = refusal;
            return Page();
        }
        Activity.Minutes = minutes.Html;
        await db.SaveChangesAsync();
        Status = "会议记录已保存。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (
            await db.AdministeredRows<Activity>().Include(a => a.Organization).FirstOrDefaultAsync(a => a.Id == id)
            is not { } activity
        )
            return false;
        Activity = activity;
        OrgName = activity.Organization.Name;
        Figures = await AttendanceFigures.ForActivityAsync(db, id);
        Rows = await db.AdministeredRows<ActivityParticipant>()
            .Where(p => p.ActivityId == id)
            .OrderBy(p => p.OrgPath)
            .ThenBy(p => p.Member.Name)
            .Select(p => new Row(
                p.Id,
                p.Member.Name,
                p.Organization.Name,
                p.Reply,
                p.LeaveReason,
                p.CheckedInAt,
                p.CheckInMethod
            ))
            .ToListAsync();
        AlbumId = await db.AdministeredRows<Album>()
            .Where(a => a.ActivityId == id)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync();
        return true;
    }
}
