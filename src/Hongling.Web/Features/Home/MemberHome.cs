using Hongling.Web.Data;
using Hongling.Web.Features.Activities;
using Hongling.Web.Features.Exams;
using Hongling.Web.Features.Notices;
using Hongling.Web.Features.Study;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Home;

/// <summary>What a member has to do (the top of their home page): exams still open with their deadlines, notices
/// not yet read, activities to answer, and this month's study against the monthly target. Each list is the query
/// of the page it links to (我的考试, 组织公告, 我的活动, 我的学习), cut to the first few.</summary>
public sealed record MemberHome(
    IReadOnlyList<MemberHome.OpenExam> Exams,
    int UnreadCount,
    IReadOnlyList<MemberHome.UnreadNotice> Unread,
    IReadOnlyList<MyActivity> Activities,
    int StudyMinutes,
    int TargetMinutes
)
{
    public const int Shown = 5;

    public sealed record OpenExam(int Id, string Title, DateTime OpensAt, DateTime ClosesAt);

    public sealed record UnreadNotice(int Id, string Title, string OrgName, DateTime PublishedAt);

    /// <summary>Activities the member has not answered yet (to confirm or ask for leave).</summary>
    public int ToAnswer => Activities.Count(a => a.Reply == Domain.ParticipantReply.Pending && a.CheckedInAt is null);

    /// <summary>This month's study as a share of the target, 0–100.</summary>
    public int Percent => TargetMinutes <= 0 ? 100 : Math.Min(100, 100 * StudyMinutes / TargetMinutes);

    public static async Task<MemberHome> LoadAsync(
        HonglingDb db,
        Candidacy candidacy,
        TimeProvider clock,
        int target,
        CancellationToken ct
    )
    {
        var member = db.Scope.MemberId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var exams = await candidacy.MeAsync() is { } me
            ?
            [
                .. (await candidacy.OpenAsync(me, now, Shown)).Select(e => new OpenExam(
                    e.Id,
                    e.Title,
                    e.OpensAt,
                    e.ClosesAt
                )),
            ]
            : new List<OpenExam>();
        var unread = db.Scope.MemberOrgPath is { } branch
            ? NoticeReceipts.UnreadBy(db, member, branch)
            : db.Notices.Where(_ => false);
        var today = clock.TodayInChina();
        var study = await StudyStats.OfMemberSinceAsync(db, member, new DateOnly(today.Year, today.Month, 1), ct);
        return new MemberHome(
            exams,
            await unread.CountAsync(ct),
            await unread
                .OrderByDescending(n => n.PublishedAt)
                .Take(Shown)
                .Select(n => new UnreadNotice(n.Id, n.Title, n.Organization.Name, n.PublishedAt))
                .ToListAsync(ct),
            await MyActivity.UpcomingAsync(db, member, now),
            study.StudyMinutes,
            target
        );
    }
}
