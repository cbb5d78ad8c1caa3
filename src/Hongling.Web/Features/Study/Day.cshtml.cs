using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>我的学习明细: for one China day, the minutes credited to the signed-in member and why (each material's
/// credited wall-clock minutes, the pages that beat), and the time not credited and why (page hidden, page idle,
/// material at its cap), from the day's sums (StudyDay) and the minute keys (ActiveMinute).</summary>
[SignedInPage]
public sealed class DayModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }
    public bool IsMember { get; private set; }
    public DateOnly Day { get; private set; }

    public sealed record Totals(int Study, int Online, int Opened, int Completed, int Hidden, int Idle, int Capped);

    public Totals Sums { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    public sealed record Credited(string Title, int Minutes, DateTime From, DateTime To);

    public IReadOnlyList<Credited> ByMaterial { get; private set; } = [];

    public sealed record ReadingPage(
        Guid Id,
        string Title,
        DateTime OpenedAt,
        DateTime? FirstBeatAt,
        DateTime? LastBeatAt,
        int Beats
    );

    public IReadOnlyList<ReadingPage> Pages { get; private set; } = [];

    /// <summary>The member's last days with study or online time, newest first, to pick from.</summary>
    public IReadOnlyList<(DateOnly Day, int Minutes)> Recent { get; private set; } = [];

    /// <summary>Credited minutes the day's sums hold but no minute key does (imported or generated history).</summary>
    public int Unitemized => Math.Max(0, Sums.Study - ByMaterial.Sum(m => m.Minutes));

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (db.Scope.MemberId is not { } me)
            return;
        IsMember = true;
        var bad = !ModelState.IsValid;
        if (bad)
        {
            ModelState.Clear(); // the binder's own message is in English
            ModelState.AddModelError(nameof(Date), "日期格式不正确,请用日期选择器选择,已显示今天的明细");
        }
        Day = !bad && Date is { } d ? d : clock.TodayInChina();
        var start = DateTime.SpecifyKind(Day.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
        var end = start.AddDays(1);
        Sums = await db
            .StudyDays.Where(s => s.MemberId == me && s.Day == Day)
            .Select(s => new Totals(
                s.StudyMinutes,
                s.OnlineMinutes,
                s.MaterialsOpened,
                s.MaterialsCompleted,
                s.HiddenSeconds,
                s.IdleSeconds,
                s.CappedMinutes
            ))
            .FirstOrDefaultAsync(ct)
            ?? Sums;

        var (from, to) = (StudyRules.MinuteOf(start), StudyRules.MinuteOf(end));
        // Minute keys are not organization-owned: the member's own key is the whole rule.
        var minutes = await db
            .ActiveMinutes.Where(m => m.MemberId == me && m.Minute >= from && m.Minute < to && m.MaterialId != null)
            .GroupBy(m => m.MaterialId!.Value)
            .Select(g => new
            {
                Material = g.Key,
                Count = g.Count(),
                First = g.Min(m => m.Minute),
                Last = g.Max(m => m.Minute),
            })
            .ToListAsync(ct);
        var ids = minutes.Select(m => m.Material).ToList();
        var titles = await db.Materials.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        ByMaterial =
        [
            .. minutes
                .OrderBy(m => m.First)
                .Select(m => new Credited(
                    titles.GetValueOrDefault(m.Material, "(资料已撤回)"),
                    m.Count,
                    Utc(m.First),
                    Utc(m.Last + 1)
                )),
        ];

        // A page opened the day before may beat past midnight.
        Pages = await db
            .StudySessions.Where(s =>
                s.MemberId == me
                && s.OpenedAt >= start.AddDays(-1)
                && s.OpenedAt < end
                && (s.LastBeatAt ?? s.OpenedAt) >= start
            )
            .OrderBy(s => s.OpenedAt)
            .Take(100)
            .Select(s => new ReadingPage(s.Id, s.Material.Title, s.OpenedAt, s.FirstBeatAt, s.LastBeatAt, s.Beats))
            .ToListAsync(ct);
        Recent =
        [
            .. (
                await db
                    .StudyDays.Where(s => s.MemberId == me)
                    .OrderByDescending(s => s.Day)
                    .Take(14)
                    .Select(s => new { s.Day, s.StudyMinutes })
                    .ToListAsync(ct)
            ).Select(s => (s.Day, s.StudyMinutes)),
        ];
    }

    public static DateTime Utc(long minute) => new(minute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    public static string Clock(DateTime utc) => utc.ToChina().ToString("HH:mm");

    /// <summary>Seconds as "1小时5分" / "12分" / "40秒".</summary>
    public static string Span(int seconds) =>
        seconds switch
        {
            >= 3600 => $"{seconds / 3600}小时{seconds % 3600 / 60}分",
            >= 60 => $"{seconds / 60}分",
            _ => $"{seconds}秒",
        };
}
