using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Submissions;

/// <summary>Information submission (信息报送): a unit's items and their outcome; for district editors,
/// the queue of items waiting for a decision.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public sealed record Row(
        int Id,
        string Title,
        string OrgName,
        string Author,
        string State,
        DateTime SubmittedAt,
        string? DeclineReason
    );

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public SubmissionState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public bool IsEditor { get; private set; }
    public bool CanSubmit => SubmissionRules.IsUnit(Current.Depth);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        IsEditor = await SubmissionRules.IsEditorAsync(db);
        var rows = db.Submissions.InSubtree(org.Path);
        if (State is { } s)
            rows = rows.Where(x => x.State == s);
        Paging = new Paging(Paging.Clamp(PageNumber), await rows.CountAsync());
        Rows = await rows.OrderByDescending(x => x.SubmittedAt)
            .ThenByDescending(x => x.Id)
            .Skip(Paging.Skip)
            .Take(Paging.Size)
            .Select(x => new Row(
                x.Id,
                x.Title,
                x.Organization.Name,
                x.Author,
                OrgLifeLabels.Of(x.State),
                x.SubmittedAt,
                x.DeclineReason
            ))
            .ToListAsync();
        return Page();
    }
}
