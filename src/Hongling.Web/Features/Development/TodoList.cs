using Hongling.Web.Data;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.Development;

/// <summary>The branch's to-do list (待办): probationary members in the caller's scope whose year of probation
/// is over or ends within <see cref="DevelopmentRules.TodoWindowDays"/> days (or as many as a reminder asks). One date
/// comparison, in SQL.</summary>
public static class TodoList
{
    public static IQueryable<Member> Due(HonglingDb db, DateOnly today, int days = DevelopmentRules.TodoWindowDays)
    {
        var lastJoinedOn = DevelopmentRules.LastAdmissionDueBy(today.AddDays(days));
        return db.AdministeredMembers.Where(m => m.Status == MemberStatus.Probationary && m.JoinedOn <= lastJoinedOn);
    }
}
