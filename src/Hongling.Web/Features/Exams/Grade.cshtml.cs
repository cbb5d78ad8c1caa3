using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>The manual grading queue (阅卷): short answers of an exam's submitted attempts in the caller's
/// subtree that nobody has scored yet; a score updates the attempt's total and, once nothing is left, its
/// result.</summary>
public sealed class GradeModel(HonglingDb db) : PageModel
{
    public sealed record Pending(
        Guid AttemptId,
        int Position,
        string Candidate,
        string Stem,
        List<string>? Answer,
        decimal Points
    );

    public string Title { get; private set; } = "";
    public List<Pending> Queue { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var title = await ExamTitleAsync(id);
        if (title is null)
            return NotFound();
        Title = title;
        var attempts = db.Attempts.Where(a => a.ExamId == id && a.State == AttemptState.AwaitingReview);
        Queue = await db
            .AttemptItems.Where(i => i.Type == QuestionType.ShortAnswer && i.Score == null)
            .Join(
                attempts,
                i => i.AttemptId,
                a => a.Id,
                (i, a) =>
                    new Pending(
                        i.AttemptId,
                        i.Position,
                        a.Member != null ? a.Member.Name : a.Registrant!.Name,
                        i.Question.Stem,
                        i.Answer,
                        i.Points
                    )
            )
            .Take(50)
            .ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, Guid attemptId, int position, decimal? score)
    {
        if (await ExamTitleAsync(id) is null || !await db.Attempts.AnyAsync(a => a.Id == attemptId && a.ExamId == id))
            return NotFound();
        Status =
            score is { } s && await ExamGrading.GradeByHandAsync(db, attemptId, position, s, db.Scope.ActorName)
                ? "已评分。"
                : "评分无效:分数应在0到本题满分之间。";
        return RedirectToPage(new { id });
    }

    private Task<string?> ExamTitleAsync(int id) =>
        db.AdministeredRows<Exam>().Where(e => e.Id == id).Select(e => e.Title).FirstOrDefaultAsync();
}
