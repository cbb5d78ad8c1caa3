using System.Security.Claims;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Hongling.Web.Features.Exams;

/// <summary>POST /Exams/Start, the 开始考试 button on 我的考试: starts or resumes an attempt, then opens it. At a
/// synchronized start every candidate posts here at once, so it is a plain endpoint rather than a page (the page
/// pipeline was a third of a start's cost on the request's side), skips the org scope's queries and needs no
/// database context: AttemptWriter checks the candidate by their account id, with every other start waiting at
/// that moment. The form's antiforgery token is checked as a page checks it (400 when missing or wrong). Errors
/// go back to 我的考试; an exam the candidate may not take answers 404.</summary>
public static class ExamStart
{
    public static IEndpointRouteBuilder MapExamStart(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Exams/Start", StartAsync).RequireAuthorization().WithoutOrgScope().ExcludeFromDescription();
        app.MapGet("/Exams/Start", () => Results.Redirect("/Exams/Mine"))
            .RequireAuthorization()
            .WithoutOrgScope()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> StartAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        AttemptWriter starts,
        ITempDataDictionaryFactory tempData
    )
    {
        if (await TokenForm.ReadAsync(http, antiforgery) is not { } form)
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        if (!int.TryParse(form["examId"], out var examId))
            return Results.NotFound();
        var started = await starts.StartAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, examId);
        if (started.AttemptId is { } id)
            return Results.Redirect($"/Exams/Take/{id}");
        if (started.Error is null)
            return Results.NotFound();
        var data = tempData.GetTempData(http);
        data[nameof(MineModel.Error)] = started.Error;
        data.Save();
        return Results.Redirect("/Exams/Mine");
    }
}
