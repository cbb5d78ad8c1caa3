using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>A resource's seven days of slots from a day (China time), each with its seats taken, whether the caller
/// holds one and whether it has begun: what the calendar page and the API show.</summary>
public static class BookingWeek
{
    public sealed record Slot(DateTime StartsAt, int Taken, bool Mine, bool Past);

    public sealed record Day(DateOnly Date, IReadOnlyList<Slot> Slots);

    /// <summary>The first day shown: the asked one when it is bookable ahead, today otherwise.</summary>
    public static DateOnly StartOf(DateOnly? asked, DateOnly today) =>
        asked is { } f && f >= today && f <= today.AddDays(BookingDesk.DaysAhead) ? f : today;

    public static async Task<IReadOnlyList<Day>> LoadAsync(
        HonglingDb db,
        BookableResource r,
        DateOnly start,
        DateTime now,
        CancellationToken ct = default
    )
    {
        var from = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        var to = from.AddDays(7);
        var taken = await db.SeatsTakenAsync(r.Id, from, to, ct);
        var mine = db.Scope.MemberId is { } me
            ? (
                await db
                    .Bookings.Where(b =>
                        b.MemberId == me
                        && b.ResourceId == r.Id
                        && b.CancelledAt == null
                        && b.StartsAt >= from
                        && b.StartsAt < to
                    )
                    .Select(b => b.StartsAt)
                    .ToListAsync(ct)
            )
                .Select(s => DateTime.SpecifyKind(s, DateTimeKind.Utc))
                .ToHashSet()
            : [];
        return
        [
            .. Enumerable
                .Range(0, 7)
                .Select(i => start.AddDays(i))
                .Select(day => new Day(
                    day,
                    [
                        .. BookingSlots
                            .StartsOn(r, day)
                            .Select(s => new Slot(s, taken.GetValueOrDefault(s), mine.Contains(s), s <= now)),
                    ]
                )),
        ];
    }
}
