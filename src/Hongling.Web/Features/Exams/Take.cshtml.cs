using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Exams;

/// <summary>Answering (答题): the frozen paper, a countdown to the server's deadline, autosave of each
/// answer as it is given (exam-take.js against ExamsApi), submit. A closed attempt goes to its review.</summary>
[SignedInPage]
public sealed class TakeModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public PaperView Paper { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var paper = await PaperView.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime);
        if (paper is null)
            return NotFound();
        if (!paper.Open)
            return Redirect($"/Exams/Review/{id}");
        Paper = paper;
        return Page();
    }
}
