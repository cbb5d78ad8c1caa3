using Hongling.Web.Data;
using Hongling.Web.Features.Shared;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>My study (我的学习): the signed-in member's study today, this week (from Monday), this month and
/// this year in China time, the last twelve months, their materials and their ten-minute lessons.</summary>
[SignedInPage]
public sealed class MineModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public bool IsMember { get; private set; }

    public sealed record Period(string Id, string Label, StudyFigures Figures);

    public IReadOnlyList<Period> Periods { get; private set; } = [];

    /// <summary>The last twelve months, oldest first, with their credited minutes.</summary>
    public IReadOnlyList<(DateOnly Month, int Minutes)> Months { get; private set; } = [];

    /// <summary><see cref="Months"/> drawn by the shared chart.</summary>
    public BarChart MonthsChart =>
        new(
            "months-chart",
            "近12个月每月学习时长",
            "分钟",
            [
                .. Months.Select(m => new BarChart.Bar(
                    $"{m.Month.Month}月",
                    m.Minutes,
                    $"{m.Month.Year}年{m.Month.Month}月"
                )),
            ]
        );

    public sealed record Progress(string Title, int Credited, int Estimated, DateTime? CompletedAt, DateTime LastAt);

    public IReadOnlyList<Progress> Materials { get; private set; } = [];

    public sealed record MyLesson(
        int Id,
        string Title,
        DateTime ScheduledAt,
        string? Note,
        bool Studied,
        bool Completed
    );

    public IReadOnlyList<MyLesson> Upcoming { get; private set; } = [];
    public IReadOnlyList<MyLesson> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (db.Scope.MemberId is not { } me || db.Scope.MemberOrgPath is not { } branchPath)
            return;
        IsMember = true;
        var today = clock.TodayInChina();
        var week = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateOnly(today.Year, today.Month, 1);
        var year = new DateOnly(today.Year, 1, 1);
        Periods =
        [
            new("today", "今日", await SumAsync(me, today, ct)),
            new("week", "本周", await SumAsync(me, week, ct)),
            new("month", "本月", await SumAsync(me, month, ct)),
            new("year", "本年", await SumAsync(me, year, ct)),
        ];

        var first = month.AddMonths(-11);
        var byMonth = await db
            .StudyDays.Where(d => d.MemberId == me && d.Day >= first)
            .GroupBy(d => new { d.Day.Year, d.Day.Month })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                Minutes = g.Sum(d => d.StudyMinutes),
            })
            .ToListAsync(ct);
        Months =
        [
            .. Enumerable
                .Range(0, 12)
                .Select(i => first.AddMonths(i))
                .Select(m => (m, byMonth.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month)?.Minutes ?? 0)),
        ];

        Materials = await db
            .MaterialProgress.Where(p => p.MemberId == me)
            .OrderByDescending(p => p.LastStudiedAt ?? p.FirstOpenedAt)
            .Take(50)
            .Select(p => new Progress(
                p.Material.Title,
                p.CreditedMinutes,
                p.Material.EstimatedMinutes,
                p.CompletedAt,
                p.LastStudiedAt ?? p.FirstOpenedAt
            ))
            .ToListAsync(ct);

        // Lessons published to the member's branch or above it, not those an administrator also sees.
        var lessons = db.Lessons.Where(Audience.Reaches<Domain.Lesson>(branchPath));
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = await Project(lessons.Where(l => l.ScheduledAt >= now).OrderBy(l => l.ScheduledAt).Take(20), me)
            .ToListAsync(ct);
        Past = await Project(lessons.Where(l => l.ScheduledAt < now).OrderByDescending(l => l.ScheduledAt).Take(20), me)
            .ToListAsync(ct);
    }

    private IQueryable<MyLesson> Project(IQueryable<Domain.Lesson> lessons, int me) =>
        lessons.Select(l => new MyLesson(
            l.Id,
            l.Material.Title,
            l.ScheduledAt,
            l.Note,
            db.MaterialProgress.Any(p =>
                p.MemberId == me && p.MaterialId == l.MaterialId && (p.CreditedMinutes > 0 || p.CompletedAt != null)
            ),
            db.MaterialProgress.Any(p => p.MemberId == me && p.MaterialId == l.MaterialId && p.CompletedAt != null)
        ));

    private Task<StudyFigures> SumAsync(int member, DateOnly from, CancellationToken ct) =>
        StudyStats.OfMemberSinceAsync(db, member, from, ct);

    public static string China(DateTime utc) => utc.ToChina().ToString("yyyy-MM-dd HH:mm");
}
