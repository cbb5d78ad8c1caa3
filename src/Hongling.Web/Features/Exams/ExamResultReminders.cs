using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Exam results (成绩通知): an exam's results are out once it has closed and every attempt is graded (the
/// auto-submit job grades the open ones, graders the short answers). Then one message goes to the members who took
/// it, once per exam. Exams closed more than <see cref="LookBackDays"/> days ago are not looked at.</summary>
public sealed class ExamResultReminders(TimeProvider clock) : IReminder
{
    public const int LookBackDays = 30;

    public static string Key(int examId) => $"exam-results:{examId}";

    public async Task<int> RunAsync(HonglingDb db, NotificationQueue queue, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-LookBackDays);
        var exams = await db
            .Exams.Where(e =>
                e.ClosesAt <= now
                && e.ClosesAt > since
                && db.Attempts.Any(a => a.ExamId == e.Id && a.MemberId != null)
                && !db.Attempts.Any(a => a.ExamId == e.Id && a.State != AttemptState.Graded)
            )
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.OrganizationId,
            })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var exam in exams)
        {
            var title = NotificationDraft.Titled($"成绩通知:{exam.Title}");
            var draft = new NotificationDraft(
                exam.OrganizationId,
                NotificationCategory.Exam,
                title,
                $"在线考试“{exam.Title}”已结束,成绩已评定,请登录查看本人成绩。"
            )
            {
                Link = "/Exams/Mine",
                OnceKey = Key(exam.Id),
                AudienceDescription = $"考试《{exam.Title}》的考生",
            };
            var takers = db.AdministeredMembers.Where(m =>
                db.Attempts.Any(a => a.ExamId == exam.Id && a.MemberId == m.Id)
            );
            if (await queue.SendOnceAsync(draft, takers, ct) is not null)
                sent++;
        }
        return sent;
    }
}
