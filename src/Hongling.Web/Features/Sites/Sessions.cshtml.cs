using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Sites;

/// <summary>A site's viewing sessions in a China-time month, for its administrators, with every flag shown (手工录入,
/// 链断裂 and where and why the chain breaks, 迟报, 重叠), and a form to enter a session by hand where the site has no
/// terminal: the same rules as a terminal's report, marked manual, with who entered it, and no chain.</summary>
public sealed class SessionsModel(HonglingDb db, TimeProvider clock, IOptions<SitesOptions> options) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(
        long Id,
        DateTime StartedAt,
        DateTime EndedAt,
        string Courseware,
        int? AttendeeCount,
        int Cards,
        bool Manual,
        string? EnteredBy,
        string? Terminal,
        long? ChainSeq,
        string? ChainBreak,
        bool Overlapping,
        bool Late,
        DateTime ReceivedAt
    );

    public sealed class SessionInput
    {
        [Required(ErrorMessage = "请填写日期"), Display(Name = "日期")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "请填写开始时间"), Display(Name = "开始时间")]
        public TimeOnly? Start { get; set; }

        [Required(ErrorMessage = "请填写结束时间"), Display(Name = "结束时间")]
        public TimeOnly? End { get; set; }

        [
            Required(ErrorMessage = "请填写课件名称"),
            StringLength(ViewingSession.CoursewareLength, ErrorMessage = "课件名称不超过200字"),
            Display(Name = "课件名称")
        ]
        public string? Courseware { get; set; }

        [Range(0, SessionRules.MaxAttendees, ErrorMessage = "参加人数须在0到10000之间"), Display(Name = "参加人数")]
        public int? AttendeeCount { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? P { get; set; }

    [BindProperty]
    public SessionInput Input { get; set; } = new();
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);
    public int ChainBreaks { get; private set; }
    public string? Status { get; private set; }
    public int ShownMonth => Month is { } m && ChinaTime.IsMonth(m) ? m : clock.MonthInChina();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input.Date = clock.TodayInChina();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } site)
            return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime startedAt = default,
            endedAt = default;
        if (ModelState.IsValid)
        {
            startedAt = Utc(Input.Date!.Value, Input.Start!.Value);
            endedAt = Utc(Input.Date!.Value, Input.End!.Value);
            if (
                SessionRules.Check(startedAt, endedAt, Input.Courseware?.Trim(), Input.AttendeeCount, null, now) is
                { } broken
            )
                ModelState.AddModelError(
                    broken == Infrastructure.Rules.RuleErrors.SessionCoursewareRequired ? "Input.Courseware" : "",
                    broken.Message
                );
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }
        var month = SessionRules.MonthOf(startedAt);
        var session = new ViewingSession
        {
            SiteId = site.Id,
            OrganizationId = site.OrganizationId,
            ClientId = Guid.NewGuid().ToString("N"),
            StartedAt = startedAt,
            EndedAt = endedAt,
            Month = month,
            Courseware = Input.Courseware!.Trim(),
            AttendeeCount = Input.AttendeeCount,
            Manual = true,
            EnteredBy = db.Scope.ActorName,
            Late = SessionRules.IsLate(month, now, options.Value.MonthClosesOnDay),
            ReceivedAt = now,
            // Overlapping another session of the site: kept and flagged, counted once.
            Overlapping = await db.ViewingSessions.AnyAsync(s =>
                s.SiteId == site.Id && s.StartedAt < endedAt && s.EndedAt > startedAt
            ),
        };
        db.ViewingSessions.Add(session);
        await db.SaveChangesAsync();
        Month = month;
        P = null;
        await LoadAsync(id);
        ModelState.Clear();
        Input = new() { Date = Input.Date };
        Status =
            $"已录入 {startedAt.ToChina():M月d日 HH:mm}–{endedAt.ToChina():HH:mm}“{session.Courseware}”(手工录入)"
            + (session.Late ? ",该月已截止,记为迟报" : "")
            + (session.Overlapping ? ",与已有记录时间重叠" : "")
            + "。";
        return Page();
    }

    private static DateTime Utc(DateOnly date, TimeOnly time) =>
        DateTime.SpecifyKind(date.ToDateTime(time) - ChinaTime.Offset, DateTimeKind.Utc);

    /// <summary>The site, if the caller administers it, and a page of its month's sessions.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        if (await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } site)
            return false;
        Site = site;
        var month = ShownMonth;
        var sessions = db.ViewingSessions.Where(s => s.SiteId == id && s.Month == month);
        Paging = new Paging(Infrastructure.Paging.Clamp(P), await sessions.CountAsync(), PageSize);
        ChainBreaks = await sessions.CountAsync(s => s.ChainBreak != null);
        Rows = await sessions
            .OrderBy(s => s.StartedAt)
            .ThenBy(s => s.Id)
            .Skip(Paging.Skip)
            .Take(PageSize)
            .Select(s => new Row(
                s.Id,
                s.StartedAt,
                s.EndedAt,
                s.Courseware,
                s.AttendeeCount,
                s.AttendeeCards.Count,
                s.Manual,
                s.EnteredBy,
                s.Terminal != null ? s.Terminal.Name : null,
                s.ChainSeq,
                s.ChainBreak,
                s.Overlapping,
                s.Late,
                s.ReceivedAt
            ))
            .ToListAsync();
        return true;
    }
}
