using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>My bookings (我的预约): upcoming ones with their cancellation deadline, and the recent past.</summary>
[SignedInPage]
public sealed class MineModel(HonglingDb db, BookingDesk desk, TimeProvider clock) : PageModel
{
    public sealed record Row(
        int Id,
        int ResourceId,
        string Resource,
        BookableKind Kind,
        string Place,
        DateTime StartsAt,
        DateTime EndsAt,
        int People,
        bool ForBranch,
        string Branch,
        DateTime? CancelledAt,
        DateTime? NoShowAt,
        DateTime CancelDeadline
    );

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCancelAsync(int bookingId)
    {
        if (db.Scope.MemberId is not { } me)
            return NotFound();
        var b = await db
            .Bookings.Include(x => x.Resource)
            .FirstOrDefaultAsync(x => x.Id == bookingId && x.MemberId == me);
        if (b is null)
            return NotFound();
        try
        {
            await desk.CancelAsync(b);
        }
        catch (RuleException e)
        {
            Error = e.Error.Message;
            await LoadAsync();
            return Page();
        }
        Status = $"已取消预约:{b.Resource.Name}";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        if (db.Scope.MemberId is not { } me)
            return;
        var since = Now.AddDays(-90);
        var rows = await db
            .Bookings.Where(b => b.MemberId == me && b.StartsAt >= since)
            .OrderBy(b => b.StartsAt)
            .Take(300)
            .Select(b => new
            {
                b.Id,
                b.ResourceId,
                b.Resource.Name,
                b.Resource.Kind,
                b.Resource.Place,
                b.StartsAt,
                b.EndsAt,
                b.People,
                b.ForBranch,
                Branch = b.Organization.Name,
                b.CancelledAt,
                b.NoShowAt,
                b.Resource.CancelHoursBefore,
            })
            .ToListAsync();
        var list = rows.Select(b =>
            {
                var start = DateTime.SpecifyKind(b.StartsAt, DateTimeKind.Utc);
                return new Row(
                    b.Id,
                    b.ResourceId,
                    b.Name,
                    b.Kind,
                    b.Place,
                    start,
                    DateTime.SpecifyKind(b.EndsAt, DateTimeKind.Utc),
                    b.People,
                    b.ForBranch,
                    b.Branch,
                    b.CancelledAt,
                    b.NoShowAt,
                    start.AddHours(-b.CancelHoursBefore)
                );
            })
            .ToList();
        Upcoming = [.. list.Where(b => b.EndsAt > Now)];
        Past = [.. list.Where(b => b.EndsAt <= Now).Reverse()];
    }
}
