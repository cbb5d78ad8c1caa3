using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

public abstract partial class HonglingDb
{
    /// <summary>Named escape: how many seats of each slot of a resource are taken, from <paramref name="from"/> up to
    /// <paramref name="to"/> (UTC). A booking belongs to its booker's branch, so a member's filter hides everyone
    /// else's; yet the calendar must show every booker which slots are free. Only the counts per slot start leave this
    /// method, never who booked. The caller has read the resource through its own scope first.</summary>
    public async Task<Dictionary<DateTime, int>> SeatsTakenAsync(
        int resourceId,
        DateTime from,
        DateTime to,
        CancellationToken ct = default
    ) =>
        await Bookings
            .IgnoreQueryFilters()
            .Where(b => b.ResourceId == resourceId && b.CancelledAt == null && b.StartsAt >= from && b.StartsAt < to)
            .GroupBy(b => b.StartsAt)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => DateTime.SpecifyKind(x.Key, DateTimeKind.Utc), x => x.Count, ct);

    /// <summary>Named escape (see <see cref="SeatsTakenAsync"/>): the seat numbers taken in one slot, so that a new
    /// booking can pick a free one; and whether <paramref name="memberId"/> already holds one of them.</summary>
    public async Task<(HashSet<int> Seats, bool MemberHolds)> SlotSeatsAsync(
        int resourceId,
        DateTime startsAt,
        int memberId,
        CancellationToken ct = default
    )
    {
        var rows = await Bookings
            .IgnoreQueryFilters()
            .Where(b => b.ResourceId == resourceId && b.StartsAt == startsAt && b.CancelledAt == null)
            .Select(b => new { b.Seat, b.MemberId })
            .ToListAsync(ct);
        return ([.. rows.Select(r => r.Seat)], rows.Any(r => r.MemberId == memberId));
    }

    /// <summary>Named escape: the places held by live sign-ups of a volunteer project. A sign-up belongs to the
    /// volunteer's branch, so a member's filter hides the others'; the project's limit needs the places taken, and only
    /// their numbers leave this method, never who holds them.</summary>
    public Task<List<int>> VolunteerPlacesTakenAsync(int projectId, CancellationToken ct = default) =>
        VolunteerSignUps
            .IgnoreQueryFilters()
            .Where(s => s.ProjectId == projectId && s.WithdrawnAt == null && s.Place != null)
            .Select(s => s.Place!.Value)
            .ToListAsync(ct);
}
