using System.Globalization;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>A resource's week of slots, each free, partly taken, full or mine; choosing a free slot opens the booking
/// form. Members book for themselves; an administrator may book for a branch with one of its members as
/// contact.</summary>
[SignedInPage]
public sealed class CalendarModel(HonglingDb db, BookingDesk desk, TimeProvider clock) : PageModel
{
    public const string SlotFormat = "yyyy-MM-dd'T'HH:mm";

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The chosen slot's start, China time (yyyy-MM-ddTHH:mm).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Slot { get; set; }

    [BindProperty]
    public int People { get; set; } = 1;

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>An administrator's branch booking: the contact member (their branch books).</summary>
    [BindProperty]
    public int? Contact { get; set; }

    public BookableResource Resource { get; private set; } = null!;
    public string Provider { get; private set; } = "";

    public sealed record SlotView(DateTime StartsAt, string Key, int Taken, bool Mine, bool Past);

    public sealed record DayView(DateOnly Day, IReadOnlyList<SlotView> Slots);

    public IReadOnlyList<DayView> Days { get; private set; } = [];
    public SlotView? Chosen { get; private set; }

    public sealed record ContactChoice(int Id, string Name, string Branch);

    public IReadOnlyList<ContactChoice> Contacts { get; private set; } = [];
    public bool IsMember => db.Scope.MemberId is not null;
    public DateOnly Start { get; private set; }

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (!TryParse(Slot, out var startsAt))
        {
            Error = "请选择要预约的时段";
            return Page();
        }
        BookingDesk.Booker who;
        if (Contact is { } contactId)
        {
            // A branch booking: the contact is a member the caller administers, within the resource's audience.
            var contact = await db
                .AdministeredMembers.Where(m => m.Id == contactId)
                .Select(m => new
                {
                    m.Id,
                    m.OrganizationId,
                    m.OrgPath,
                })
                .FirstOrDefaultAsync();
            if (contact is null || !Audience.Reaches(Resource, contact.OrgPath))
                return NotFound();
            who = new(contact.Id, contact.OrganizationId, ForBranch: true);
        }
        else if (db.Scope.MemberId is { } me)
        {
            var branch = await db.Members.Where(m => m.Id == me).Select(m => m.OrganizationId).FirstAsync();
            who = new(me, branch, ForBranch: false);
        }
        else
        {
            Error = RuleErrors.BookingContactRequired.Message;
            return Page();
        }
        try
        {
            await desk.BookAsync(Resource, startsAt, People, who, Note is { Length: > 200 } ? Note[..200] : Note);
        }
        catch (RuleException e)
        {
            Error = e.Error.Message;
            await LoadAsync();
            return Page();
        }
        Status = $"预约成功:{Resource.Name} {startsAt.ToChina():yyyy-MM-dd HH:mm}";
        return RedirectToPage(new { id = Id, from = From?.ToString("yyyy-MM-dd") });
    }

    private static bool TryParse(string? slot, out DateTime startsAt)
    {
        var ok = DateTime.TryParseExact(
            slot,
            SlotFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var local
        );
        startsAt = DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc);
        return ok;
    }

    private async Task<bool> LoadAsync()
    {
        var r = await db.BookableResources.FirstOrDefaultAsync(x => x.Id == Id);
        if (r is null)
            return false;
        Resource = r;
        // A branch's administrator books what the town offers without administering the town: its name only.
        Provider = await db
            .OrganizationsOfThePlatform.Where(o => o.Id == r.OrganizationId)
            .Select(o => o.Name)
            .FirstAsync();
        Start = BookingWeek.StartOf(From, clock.TodayInChina());
        var week = await BookingWeek.LoadAsync(db, r, Start, clock.GetUtcNow().UtcDateTime);
        Days =
        [
            .. week.Select(d => new DayView(
                d.Date,
                [
                    .. d.Slots.Select(s => new SlotView(
                        s.StartsAt,
                        s.StartsAt.ToChina().ToString(SlotFormat, CultureInfo.InvariantCulture),
                        s.Taken,
                        s.Mine,
                        s.Past
                    )),
                ]
            )),
        ];
        Chosen = Days.SelectMany(d => d.Slots).FirstOrDefault(s => s.Key == Slot);
        if (db.Scope.IsAdministrator)
            Contacts = await db
                .AdministeredMembers.InSubtree(r.AudiencePath)
                .OrderBy(m => m.OrgPath)
                .ThenBy(m => m.Name)
                .Take(300)
                .Select(m => new ContactChoice(m.Id, m.Name, m.Organization.Name))
                .ToListAsync();
        return true;
    }
}
