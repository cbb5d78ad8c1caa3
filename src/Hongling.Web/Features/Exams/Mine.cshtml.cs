using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>My exams (我的考试): the exams open to me (a member's by audience, a registrant's by approval),
/// the buttons that start or resume one (Exams/Start), and my history.</summary>
[SignedInPage]
public sealed class MineModel(Candidacy candidacy, TimeProvider clock) : PageModel
{
    public sealed record OpenExam(
        int Id,
        string Title,
        string? Instructions,
        DateTime OpensAt,
        DateTime ClosesAt,
        int Minutes,
        int Allowed,
        int Used,
        bool InProgress
    );

    public sealed record Past(
        Guid Id,
        string Title,
        int Number,
        DateTime StartedAt,
        AttemptState State,
        decimal? Score,
        decimal MaxScore,
        bool? Passed
    );

    public bool IsCandidate { get; private set; }
    public bool IsRegistrant { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Registered { get; set; }
    public List<OpenExam> Open { get; private set; } = [];
    public List<Past> History { get; private set; } = [];

    [TempData]
    public string? Error { get; set; }

    public async Task OnGetAsync()
    {
        var me = await candidacy.MeAsync();
        IsCandidate = me is not null;
        if (me is null)
            return;
        IsRegistrant = me.RegistrantId is not null;
        var now = clock.GetUtcNow().UtcDateTime;
        var exams = await candidacy.OpenAsync(me, now, 50);
        var ids = exams.Select(e => e.Id).ToList();
        var used = await candidacy
            .MyAttempts()
            .Where(a => ids.Contains(a.ExamId))
            .GroupBy(a => a.ExamId)
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Open = g.Any(a => a.State == AttemptState.InProgress && a.Deadline >= now),
            })
            .ToDictionaryAsync(x => x.Key);
        Open =
        [
            .. exams.Select(e => new OpenExam(
                e.Id,
                e.Title,
                e.Instructions,
                e.OpensAt,
                e.ClosesAt,
                e.DurationMinutes,
                e.AttemptsAllowed,
                used.GetValueOrDefault(e.Id)?.Count ?? 0,
                used.GetValueOrDefault(e.Id)?.Open ?? false
            )),
        ];
        History = await candidacy
            .MyAttempts()
            .OrderByDescending(a => a.StartedAt)
            .Take(100)
            .Select(a => new Past(a.Id, a.Exam.Title, a.Number, a.StartedAt, a.State, a.Score, a.MaxScore, a.Passed))
            .ToListAsync();
    }
}
