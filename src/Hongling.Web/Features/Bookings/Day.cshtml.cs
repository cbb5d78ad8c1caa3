using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>The provider's list of one day (当日预约名单): every live booking of the organization's resources, in
/// time order, printable; after a slot begins the provider marks who did not come.</summary>
public sealed class DayModel(HonglingDb db, BookingDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public DateOnly Day { get; private set; }

    public sealed record Row(
        int Id,
        string Resource,
        BookableKind Kind,
        DateTime StartsAt,
        DateTime EndsAt,
        string Member,
        string Branch,
        bool ForBranch,
        int People,
        string? Note,
        bool NoShow
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoShowAsync(int bookingId, bool noShow)
    {
        if (!await LoadAsync())
            return NotFound();
        // Only the provider: a booking of this organization's own resources, within the caller's administered rows.
        var b = await db.AdministeredRows<Booking>()
            .Include(x => x.Resource)
            .FirstOrDefaultAsync(x => x.Id == bookingId && x.Resource.OrganizationId == Current.Id);
        if (b is null)
            return NotFound();
        try
        {
            await desk.SetNoShowAsync(b, noShow);
        }
        catch (RuleException e)
        {
            Error = e.Error.Message;
            return Page();
        }
        Status = noShow ? "已登记未到" : "已撤销未到登记";
        return RedirectToPage(new { org = Current.Id, date = Day.ToString("yyyy-MM-dd") });
    }

    private async Task<bool> LoadAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return false;
        Current = org;
        Day = Date ?? clock.TodayInChina();
        var from = Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        var to = from.AddDays(1);
        var rows = await db.AdministeredRows<Booking>()
            .Where(b =>
                b.Resource.OrganizationId == org.Id && b.CancelledAt == null && b.StartsAt >= from && b.StartsAt < to
            )
            .OrderBy(b => b.StartsAt)
            .ThenBy(b => b.Resource.Name)
            .ThenBy(b => b.Seat)
            .Take(1000)
            .Select(b => new Row(
                b.Id,
                b.Resource.Name,
                b.Resource.Kind,
                b.StartsAt,
                b.EndsAt,
                b.Member.Name,
                b.Organization.Name,
                b.ForBranch,
                b.People,
                b.Note,
                b.NoShowAt != null
            ))
            .ToListAsync();
        Rows =
        [
            .. rows.Select(r =>
                r with
                {
                    StartsAt = DateTime.SpecifyKind(r.StartsAt, DateTimeKind.Utc),
                    EndsAt = DateTime.SpecifyKind(r.EndsAt, DateTimeKind.Utc),
                }
            ),
        ];
        return true;
    }
}
