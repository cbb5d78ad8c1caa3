using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>The booking rules in one place: booking a slot, cancelling before the deadline, recording a no-show.
/// Each refusal is a <see cref="RuleException"/> and nothing is saved.</summary>
public sealed class BookingDesk(HonglingDb db, TimeProvider clock)
{
    /// <summary>How far ahead a slot may be booked.</summary>
    public const int DaysAhead = 60;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Who a booking is for: the member themselves, or a branch with one of its members as the
    /// contact.</summary>
    public sealed record Booker(int MemberId, int BranchId, bool ForBranch);

    /// <summary>Books the first free seat of the slot starting at <paramref name="startsAt"/> (UTC). Two requests for
    /// the last seat may both find it free: both insert it, the unique index over live seats lets one in, and the
    /// other looks again and finds the slot full.</summary>
    public async Task<Booking> BookAsync(
        BookableResource r,
        DateTime startsAt,
        int people,
        Booker who,
        string? note,
        CancellationToken ct = default
    )
    {
        startsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc);
        Check(r, startsAt, people);
        for (var attempt = 0; attempt <= r.SeatsPerSlot; attempt++)
        {
            var (seats, holds) = await db.SlotSeatsAsync(r.Id, startsAt, who.MemberId, ct);
            if (holds)
                throw new RuleException(RuleErrors.BookingAlreadyYours);
            var seat = Enumerable.Range(1, r.SeatsPerSlot).FirstOrDefault(s => !seats.Contains(s));
            if (seat == 0)
                throw new RuleException(Full(r));
            var booking = new Booking
            {
                ResourceId = r.Id,
                StartsAt = startsAt,
                EndsAt = startsAt.AddMinutes(r.SlotMinutes),
                Seat = seat,
                People = r.Kind == BookableKind.Room ? people : 1,
                MemberId = who.MemberId,
                OrganizationId = who.BranchId,
                ForBranch = who.ForBranch,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                BookedAt = Now,
                BookedBy = db.Scope.ActorName,
            };
            db.Bookings.Add(booking);
            try
            {
                await db.SaveChangesAsync(ct);
                await BookingReminders.BookedAsync(booking, ct);
                return booking;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.Entry(booking).State = EntityState.Detached;
            }
        }
        throw new RuleException(Full(r));
    }

    private static RuleError Full(BookableResource r) =>
        r.Kind == BookableKind.Course ? RuleErrors.BookingCourseFull : RuleErrors.BookingSlotTaken;

    /// <summary>The rules a slot must pass before any seat is looked for.</summary>
    private void Check(BookableResource r, DateTime startsAt, int people)
    {
        if (r.Retired)
            throw new RuleException(RuleErrors.BookingResourceRetired);
        if (startsAt <= Now)
            throw new RuleException(RuleErrors.BookingInPast, "StartsAt");
        if (startsAt > Now.AddDays(DaysAhead))
            throw new RuleException(RuleErrors.BookingTooFarAhead(DaysAhead), "StartsAt");
        if (!BookingSlots.IsSlot(r, startsAt))
            throw new RuleException(RuleErrors.BookingOutsideOpeningHours(BookingSlots.Hours(r)), "StartsAt");
        if (r.Kind != BookableKind.Room)
            return;
        if (people < 1)
            throw new RuleException(RuleErrors.BookingPeopleRequired, "People");
        if (people > r.Capacity)
            throw new RuleException(RuleErrors.BookingOverCapacity(r.Capacity), "People");
    }

    /// <summary>The latest moment the booking may be cancelled.</summary>
    public static DateTime CancelDeadline(Booking b) =>
        DateTime.SpecifyKind(b.StartsAt, DateTimeKind.Utc).AddHours(-b.Resource.CancelHoursBefore);

    /// <summary>Cancels a booking (its resource loaded) before its deadline; the seat is free again at once.</summary>
    public async Task CancelAsync(Booking b, CancellationToken ct = default)
    {
        if (b.CancelledAt is not null)
            throw new RuleException(RuleErrors.BookingAlreadyCancelled);
        if (Now > CancelDeadline(b))
            throw new RuleException(RuleErrors.BookingCancelDeadlinePassed(b.Resource.CancelHoursBefore));
        b.CancelledAt = Now;
        await db.SaveChangesAsync(ct);
        await BookingReminders.CancelledAsync(b, ct);
    }

    /// <summary>The provider records that the booker did not come (or takes it back), once the slot has
    /// begun.</summary>
    public async Task SetNoShowAsync(Booking b, bool noShow, CancellationToken ct = default)
    {
        if (b.CancelledAt is not null)
            throw new RuleException(RuleErrors.BookingAlreadyCancelled);
        if (DateTime.SpecifyKind(b.StartsAt, DateTimeKind.Utc) > Now)
            throw new RuleException(RuleErrors.BookingNoShowTooEarly);
        b.NoShowAt = noShow ? Now : null;
        await db.SaveChangesAsync(ct);
    }
}
