using System.Security.Claims;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>The candidate's JSON endpoints while answering: the paper, autosave of one answer, submit.
/// Every attempt id that is not the caller's own answers 404.</summary>
public static class ExamsApi
{
    public sealed record AnswerInput(long Seq, List<string>? Answer);

    public sealed record SaveResult(int Position, long Seq, string Status);

    public sealed record SubmitResult(
        Guid Id,
        decimal? Score,
        decimal MaxScore,
        bool? Passed,
        string State,
        string Review
    );

    public static IEndpointRouteBuilder MapExamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exams/attempts").RequireAuthorization().WithTags("Exams");
        api.MapGet("/{id:guid}", async (Guid id, HonglingDb db, TimeProvider clock, CancellationToken ct) =>
                await PaperView.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is { } paper
                    ? Results.Ok(paper)
                    : Problems.From(RuleErrors.PaperNotFound)
            )
            .WithSummary("本人的试卷(不含答案)");
        // Autosaves are the hot path: they skip the per-request scope load; the cached paper's account is the check.
        api.MapPut("/{id:guid}/answers/{position:int}", SaveAsync)
            .RequireRateLimiting(RateLimits.ExamAnswers)
            .WithoutOrgScope()
            .DocumentsProblems(409)
            .WithSummary("自动保存一题的答案;Seq 须大于上次保存的序号");
        api.MapPost("/{id:guid}/submit", SubmitAsync)
            .RequireRateLimiting(RateLimits.ExamAnswers)
            .WithSummary("交卷并立即评分;重复交卷只评一次");
        return app;
    }

    private static async Task<IResult> SaveAsync(
        Guid id,
        int position,
        AnswerInput? input,
        ClaimsPrincipal user,
        HonglingDb db,
        PaperCache papers,
        AutosaveWriter writer,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var paper = await papers.GetAsync(db, id, ct);
        if (paper is null || paper.AccountId != user.FindFirstValue(ClaimTypes.NameIdentifier))
            return Problems.From(RuleErrors.PaperNotFound);
        if (input is null || input.Seq <= 0)
            return Problems.From(RuleErrors.AnswerMalformed);
        if (!paper.Items.TryGetValue(position, out var item))
            return Problems.From(RuleErrors.QuestionNotOnPaper(position));
        if (now > paper.Deadline)
            return Problems.From(RuleErrors.AnswerTooLate);
        var answer = input.Answer ?? [];
        if (Check(item, answer) is { } error)
            return Problems.From(error);
        var outcome = await writer.SubmitAsync(new Autosave(id, position, input.Seq, answer, now));
        return outcome switch
        {
            AutosaveOutcome.Saved => Results.Ok(new SaveResult(position, input.Seq, "saved")),
            AutosaveOutcome.Stale => Problems.From(RuleErrors.AnswerStale),
            _ => Problems.From(RuleErrors.PaperClosed),
        };
    }

    private static RuleError? Check(PaperCache.ItemKeys item, List<string> answer)
    {
        if (answer.Any(a => a is null))
            return RuleErrors.AnswerMalformed;
        switch (item.Type)
        {
            case QuestionType.Single or QuestionType.TrueFalse or QuestionType.Multiple:
                if (answer.Any(k => !item.Keys.Contains(k)))
                    return RuleErrors.OptionNotInQuestion;
                if (answer.Distinct().Count() != answer.Count)
                    return RuleErrors.OptionRepeated;
                if (item.Type != QuestionType.Multiple && answer.Count > 1)
                    return RuleErrors.SingleChoiceOnly;
                return null;
            case QuestionType.FillIn:
                if (answer.Count > item.Blanks)
                    return RuleErrors.TooManyBlanks(item.Blanks);
                return answer.Any(a => a.Length > 200) ? RuleErrors.BlankTooLong : null;
            default:
                if (answer.Count > 1)
                    return RuleErrors.AnswerMalformed;
                return answer.Any(a => a.Length > 5000) ? RuleErrors.AnswerTooLong : null;
        }
    }

    private static async Task<IResult> SubmitAsync(Guid id, HonglingDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await Candidacy.Own(db).AnyAsync(a => a.Id == id, ct);
        if (!mine)
            return Problems.From(RuleErrors.PaperNotFound);
        // A submission after the deadline is still a submission (the job would do it anyway), graded on what was saved
        // in time.
        await ExamGrading.SubmitAsync(db, id, now, auto: false, ct);
        var a = await db
            .Attempts.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.Score,
                x.MaxScore,
                x.Passed,
                x.State,
            })
            .FirstAsync(ct);
        return Results.Ok(
            new SubmitResult(a.Id, a.Score, a.MaxScore, a.Passed, ExamLabels.Of(a.State), $"/Exams/Review/{a.Id}")
        );
    }
}
