using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>Study reminders (学习提醒): from day <c>Notifications:StudyReminderDay</c> (default 20) of a China month,
/// one message per root organization to its members who have not studied this month (the compose page's audience),
/// once per month.</summary>
public sealed class StudyReminders(TimeProvider clock, IConfiguration config) : IReminder
{
    public static string Key(int rootId, int month) => $"study:{rootId}:{month}";

    public async Task<int> RunAsync(HonglingDb db, NotificationQueue queue, CancellationToken ct)
    {
        if (clock.TodayInChina().Day < config.GetValue("Notifications:StudyReminderDay", 20))
            return 0;
        var month = clock.MonthInChina();
        var sent = 0;
        foreach (var root in await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).ToListAsync(ct))
        {
            var audience = await NotificationAudience.ResolveAsync(
                db,
                new AudienceSpec { OrgIds = [root], NotStudiedThisMonth = true },
                clock,
                ct
            );
            var draft = new NotificationDraft(
                root,
                NotificationCategory.Study,
                "学习提醒",
                $"您{month / 100}年{month % 100}月还没有学习记录,请抽时间登录平台学习。"
            )
            {
                Link = "/Study/Mine",
                OnceKey = Key(root, month),
                AudienceDescription = audience.Description,
            };
            if (await queue.SendOnceAsync(draft, audience.Members, ct) is not null)
                sent++;
        }
        return sent;
    }
}
