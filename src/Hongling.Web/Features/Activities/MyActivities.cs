using System.Linq.Expressions;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>A member's own place at activities: what the home page and "my activities" show.</summary>
public sealed record MyActivity(
    int ParticipantId,
    int ActivityId,
    ActivityKind Kind,
    string Topic,
    string Place,
    string Org,
    DateTime StartsAt,
    DateTime EndsAt,
    ParticipantReply Reply,
    string? LeaveReason,
    DateTime? CheckedInAt
)
{
    private static readonly Expression<Func<ActivityParticipant, MyActivity>> View = p => new MyActivity(
        p.Id,
        p.ActivityId,
        p.Activity.Kind,
        p.Activity.Topic,
        p.Activity.Place,
        p.Activity.Organization.Name,
        p.Activity.StartsAt,
        p.Activity.EndsAt,
        p.Reply,
        p.LeaveReason,
        p.CheckedInAt
    );

    /// <summary>The member's rows only (an administrator who is also a member sees more through the filter).</summary>
    private static IQueryable<ActivityParticipant> Rows(HonglingDb db, int memberId) =>
        db.ActivityParticipants.Where(p => p.MemberId == memberId);

    /// <summary>Activities not yet over, soonest first.</summary>
    public static Task<List<MyActivity>> UpcomingAsync(HonglingDb db, int memberId, DateTime now, int take = 10) =>
        Rows(db, memberId)
            .Where(p => p.Activity.EndsAt >= now)
            .OrderBy(p => p.Activity.StartsAt)
            .Take(take)
            .Select(View)
            .ToListAsync();

    /// <summary>Activities over, latest first.</summary>
    public static Task<List<MyActivity>> PastAsync(HonglingDb db, int memberId, DateTime now, int take = 50) =>
        Rows(db, memberId)
            .Where(p => p.Activity.EndsAt < now)
            .OrderByDescending(p => p.Activity.StartsAt)
            .Take(take)
            .Select(View)
            .ToListAsync();
}
