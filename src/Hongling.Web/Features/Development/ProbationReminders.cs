using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>转正 due reminders (转正提醒): for every probationary member on the branch's to-do list (probation over, or
/// ending within <c>Notifications:ProbationReminderDays</c>, default the list's own window), one message to the
/// administrators of the member's branch who are members themselves (an inbox is a member's), once per member and
/// due date.</summary>
public sealed class ProbationReminders(TimeProvider clock, IConfiguration config) : IReminder
{
    private const int Batch = 200;

    public static string Key(int memberId, DateOnly due) => $"probation:{memberId}:{due:yyyyMMdd}";

    public async Task<int> RunAsync(HonglingDb db, NotificationQueue queue, CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var days = config.GetValue("Notifications:ProbationReminderDays", DevelopmentRules.TodoWindowDays);
        var (sent, after) = (0, 0);
        while (true)
        {
            var due = await TodoList
                .Due(db, today, days)
                .Where(m => m.Id > after)
                .OrderBy(m => m.Id)
                .Take(Batch)
                .Select(m => new
                {
                    m.Id,
                    m.Name,
                    m.JoinedOn,
                    m.OrganizationId,
                })
                .ToListAsync(ct);
            if (due.Count == 0)
                return sent;
            after = due[^1].Id;
            var keys = due.Select(m => Key(m.Id, DevelopmentRules.FullMembershipDue(m.JoinedOn))).ToList();
            var done = (
                await db.Notifications.Where(n => keys.Contains(n.OnceKey!)).Select(n => n.OnceKey!).ToListAsync(ct)
            ).ToHashSet();
            foreach (var m in due)
            {
                var on = DevelopmentRules.FullMembershipDue(m.JoinedOn);
                if (done.Contains(Key(m.Id, on)))
                    continue;
                var text =
                    on <= today
                        ? $"预备党员{m.Name}的预备期已于{on:yyyy年M月d日}期满,请及时讨论其转正事宜。"
                        : $"预备党员{m.Name}的预备期将于{on:yyyy年M月d日}期满,请提前做好转正准备。";
                var draft = new NotificationDraft(m.OrganizationId, NotificationCategory.Development, "转正提醒", text)
                {
                    Link = "/Development/Todo",
                    OnceKey = Key(m.Id, on),
                    AudienceDescription = "本支部管理员",
                };
                var admins = BranchAdministrators(db, m.OrganizationId);
                if (await queue.SendOnceAsync(draft, admins, ct) is not null)
                    sent++;
            }
        }
    }

    /// <summary>Members whose sign-in account administers the branch itself.</summary>
    private static IQueryable<Member> BranchAdministrators(HonglingDb db, int branchId) =>
        db.AdministeredMembers.Where(a =>
            db.Users.Any(u =>
                u.MemberId == a.Id && db.OrgAdministrators.Any(p => p.AccountId == u.Id && p.OrganizationId == branchId)
            )
        );
}
