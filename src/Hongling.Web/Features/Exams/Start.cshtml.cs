using System.Security.Claims;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Exams;

/// <summary>Starts or resumes an attempt (the 开始考试 button on 我的考试), then opens it. At a synchronized start
/// every candidate posts here at once, so it skips the org scope's queries and needs no database context:
/// AttemptWriter checks the candidate by their account id, with every other start waiting at that moment.
/// Errors go back to 我的考试; an exam the candidate may not take answers 404.</summary>
[SignedInPage, WithoutOrgScope]
public sealed class StartModel(AttemptWriter starts) : PageModel
{
    [TempData] public string? Error { get; set; }

    public IActionResult OnGet() => RedirectToPage("Mine");

    public async Task<IActionResult> OnPostAsync(int examId)
    {
        var started = await starts.StartAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, examId);
        if (started.AttemptId is { } id) return Redirect($"/Exams/Take/{id}");
        if (started.Error is null) return NotFound();
        Error = started.Error;
        return RedirectToPage("Mine");
    }
}
