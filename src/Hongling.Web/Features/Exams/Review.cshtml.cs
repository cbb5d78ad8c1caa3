using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>An attempt after submission: the score and pass/fail at once; the answers, correct answers
/// and explanations only as the exam's setting allows (never, after submission, after the window closes).
/// The candidate sees their own; an administrator sees the attempts in their subtree.</summary>
[SignedInPage]
public sealed class ReviewModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record Head(
        Guid Id,
        string Title,
        int Number,
        AttemptState State,
        decimal? Score,
        decimal MaxScore,
        bool? Passed,
        decimal PassMark,
        DateTime? SubmittedAt,
        bool AutoSubmitted,
        ShowAnswers Show,
        DateTime ClosesAt,
        string? MemberName,
        string? RegistrantName,
        string AccountId
    )
    {
        public string Candidate => MemberName ?? RegistrantName ?? "";
    }

    public Head Attempt { get; private set; } = null!;
    public bool ShowsAnswers { get; private set; }
    public List<AttemptItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        // The scope decides who may see it (the candidate's account, or an administrator of their organization);
        // then it is read whole, since a registrant's exam and a member who has since left are outside the filters.
        if (!await db.Attempts.AnyAsync(a => a.Id == id))
            return NotFound();
        var head = await db
            .AttemptsOfAllAccounts.Where(a => a.Id == id)
            .Select(a => new Head(
                a.Id,
                a.Exam.Title,
                a.Number,
                a.State,
                a.Score,
                a.MaxScore,
                a.Passed,
                a.Exam.PassMark,
                a.SubmittedAt,
                a.AutoSubmitted,
                a.Exam.ShowAnswers,
                a.Exam.ClosesAt,
                a.Member!.Name,
                a.Registrant!.Name,
                a.AccountId
            ))
            .FirstOrDefaultAsync();
        if (head is null)
            return NotFound();
        if (head.State == AttemptState.InProgress)
            return Redirect($"/Exams/Take/{id}");
        Attempt = head;
        var now = clock.GetUtcNow().UtcDateTime;
        // An administrator reviews others' papers; their own paper follows the exam's setting like anyone's.
        ShowsAnswers =
            (db.Scope.IsAdministrator && head.AccountId != db.Scope.AccountId)
            || head.Show == ShowAnswers.AfterSubmission
            || (head.Show == ShowAnswers.AfterClose && now >= head.ClosesAt);
        if (ShowsAnswers)
            Items = await db
                .AttemptItems.AsNoTracking()
                .Include(i => i.Question)
                .Where(i => i.AttemptId == id)
                .OrderBy(i => i.Position)
                .ToListAsync();
        return Page();
    }

    public static string AnswerText(AttemptItem i, IReadOnlyList<string>? answer) =>
        answer is null || answer.Count == 0
            ? "未作答"
            : i.Type switch
            {
                QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse => string.Join(
                    ";",
                    i.Options.Select((o, n) => (o, n))
                        .Where(x => answer.Contains(x.o.Key))
                        .Select(x => $"{Letter(i, x.n)}{x.o.Text}")
                ),
                _ => string.Join(";", answer),
            };

    public static string CorrectText(AttemptItem i) =>
        i.Type switch
        {
            QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse => string.Join(
                ";",
                i.Options.Select((o, n) => (o, n)).Where(x => x.o.Correct).Select(x => $"{Letter(i, x.n)}{x.o.Text}")
            ),
            QuestionType.FillIn => string.Join(";", i.Blanks.Select((b, n) => $"第{n + 1}空:{string.Join(" 或 ", b)}")),
            _ => "由阅卷人评分",
        };

    public static string Letter(AttemptItem i, int n) => i.Type == QuestionType.TrueFalse ? "" : $"{(char)('A' + n)}. ";
}
