using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.ThoughtReports;

/// <summary>One thought report, for its author and the administrators whose scope holds the author's branch
/// (the scoped set answers 404 to anyone else); administrators comment on it (批阅).</summary>
[SignedInPage]
public sealed class DetailModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record View(
        int Id,
        string Author,
        string Branch,
        string Title,
        string? Text,
        string? FileName,
        DateTime SubmittedAt,
        string? Comment,
        string? CommentedBy,
        DateTime? CommentedAt
    );

    public View Report { get; private set; } = null!;
    public bool CanComment { get; private set; }

    [BindProperty]
    public string? Comment { get; set; }
    public string? Error { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Comment = Report.Comment;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id)
    {
        var file = await db
            .ThoughtReports.Where(r => r.Id == id && r.File != null)
            .Select(r => new
            {
                r.File,
                r.FileKind,
                r.FileName,
            })
            .FirstOrDefaultAsync();
        if (file is null)
            return NotFound();
        return File(file.File!, ReportFile.ContentType(file.FileKind!.Value), file.FileName);
    }

    public async Task<IActionResult> OnPostCommentAsync(int id)
    {
        var report = await db.AdministeredRows<ThoughtReport>().FirstOrDefaultAsync(r => r.Id == id);
        if (report is null)
            return NotFound();
        var comment = Comment?.Trim();
        Error =
            string.IsNullOrEmpty(comment) ? "请填写批阅意见"
            : comment.Length > 2000 ? "批阅意见不超过2000字"
            : null;
        if (Error is not null)
        {
            await LoadAsync(id);
            return Page();
        }
        (report.Comment, report.CommentedBy, report.CommentedAt) = (
            comment,
            db.Scope.ActorName,
            clock.GetUtcNow().UtcDateTime
        );
        await db.SaveChangesAsync();
        Status = "批阅意见已保存。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var report = await db
            .ThoughtReports.Where(r => r.Id == id)
            .Select(r => new View(
                r.Id,
                r.Member.Name,
                r.Organization.Name,
                r.Title,
                r.Text,
                r.FileName,
                r.SubmittedAt,
                r.Comment,
                r.CommentedBy,
                r.CommentedAt
            ))
            .FirstOrDefaultAsync();
        if (report is null)
            return false;
        Report = report;
        CanComment = await db.AdministeredRows<ThoughtReport>().AnyAsync(r => r.Id == id);
        return true;
    }
}
