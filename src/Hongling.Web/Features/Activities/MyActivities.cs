using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>A member's own place at activities: what the home page and "my activities" show.</summary>
public sealed record MyActivity(int ParticipantId, int ActivityId, ActivityKind Kind, string Topic, string Place, string Org,
    DateTime StartsAt, DateTime EndsAt, ParticipantReply Reply, string? LeaveReason, DateTime? CheckedInAt)
{
    /// <summary>The member's rows only (an administrator who is also a member sees more through the filter).</summary>
    public static IQueryable<MyActivity> Of(HonglingDb db, int memberId) => db.ActivityParticipants.Where(p => p.MemberId == memberId)
        .Select(p => new MyActivity(p.Id, p.ActivityId, p.Activity.Kind, p.Activity.Topic, p.Activity.Place, p.Activity.Organization.Name,
            p.Activity.StartsAt, p.Activity.EndsAt, p.Reply, p.LeaveReason, p.CheckedInAt));

    /// <summary>Activities not yet over, soonest first.</summary>
    public static Task<List<MyActivity>> UpcomingAsync(HonglingDb db, int memberId, DateTime now, int take = 10) =>
        Of(db, memberId).Where(a => a.EndsAt >= now).OrderBy(a => a.StartsAt).Take(take).ToListAsync();
}
