using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>The attendance table of an organization (出勤统计): each member's attendance over a period.</summary>
public sealed class AttendanceModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }
    public string OrgName { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Orgs { get; private set; } = [];
    public IReadOnlyList<MemberAttendance> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var org = Org is { } id
            ? await db
                .AdministeredOrganizations.Where(o => o.Id == id)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Path,
                })
                .FirstOrDefaultAsync()
            : await db
                .AdministeredOrganizations.OrderBy(o => o.Path)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Path,
                })
                .FirstOrDefaultAsync();
        if (org is null)
            return NotFound();
        (Org, OrgName) = (org.Id, org.Name);
        Orgs =
        [
            .. (
                await db
                    .AdministeredOrganizations.OrderBy(o => o.Path)
                    .Take(200)
                    .Select(o => new { o.Id, o.Name })
                    .ToListAsync()
            ).Select(o => (o.Id, o.Name)),
        ];
        var today = clock.TodayInChina();
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        var from = From.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        var to = To.Value.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        Rows = await MemberAttendance.ForSubtreeAsync(db, org.Path, from, to, clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
