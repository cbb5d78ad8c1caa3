using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>One application: its applicant reads it, administrators of its branch's subtree read it, and the
/// administrators of the waiting step's organization decide it. Anyone else gets 404 (the org scope).</summary>
[SignedInPage]
public sealed class DetailModel(HonglingDb db, AidDesk desk) : PageModel
{
    public sealed record FileRow(int Id, string FileName, string ContentType);

    public AidApplication Application { get; private set; } = null!;
    public IReadOnlyList<FileRow> Files { get; private set; } = [];
    public IReadOnlyDictionary<int, string> ReviewerNames { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [TempData]
    public string? Status { get; set; }

    /// <summary>Whether the caller may decide the waiting step (the desk checks the rest on posting).</summary>
    public bool CanDecide =>
        Application.Status == AidStatus.InReview
        && Application.ReviewerPath is { } p
        && db.Scope.Administers(p)
        && db.Scope.MemberId != Application.MemberId;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(int id, bool approve)
    {
        if (!await LoadAsync(id))
            return NotFound();
        try
        {
            await desk.DecideAsync(Application, approve, Amount, Comment, HttpContext.RequestAborted);
            Status = approve ? "已同意。" : "已退回。";
            return RedirectToPage(new { id });
        }
        catch (RuleException e)
        {
            ModelState.AddRuleError(e);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId)
    {
        if (!await db.AidApplications.AnyAsync(a => a.Id == id))
            return NotFound();
        var file = await db.AidAttachments.FirstOrDefaultAsync(f => f.Id == fileId && f.ApplicationId == id);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var application = await db
            .AidApplications.Include(a => a.Reviews.OrderBy(r => r.Order))
            .Include(a => a.Fund)
            .Include(a => a.Member)
            .Include(a => a.Organization)
            .FirstOrDefaultAsync(a => a.Id == id);
        if (application is null)
            return false;
        Application = application;
        Files = await db
            .AidAttachments.Where(f => f.ApplicationId == id)
            .Select(f => new FileRow(f.Id, f.FileName, f.ContentType))
            .ToListAsync();
        var orgIds = application.Reviews.Select(r => r.ReviewerOrgId).ToList();
        ReviewerNames = await db
            .OrganizationsOfThePlatform.Where(o => orgIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        return true;
    }
}
