using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.ThoughtReports;

/// <summary>My thought reports (我的思想汇报): a member writes one, or uploads a PDF/Word file, and reads the branch's
/// comments.</summary>
[SignedInPage]
[RequestSizeLimit(ReportFile.MaxRequestBytes)]
public sealed class MineModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public const int MaxText = 20000;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public sealed record Row(int Id, string Title, DateTime SubmittedAt, bool HasFile, bool Commented);

    public IReadOnlyList<Row> Reports { get; private set; } = [];
    public bool IsMember => db.Scope.MemberId is not null;

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (db.Scope.MemberId is not { } me)
            return NotFound();
        var orgId = await db.Members.Where(m => m.Id == me).Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync();
        if (orgId is null)
            return NotFound();
        var title = Title?.Trim() ?? "";
        var text = Text?.Trim();
        if (title.Length == 0)
            ModelState.AddModelError(nameof(Title), "请填写标题");
        else if (title.Length > 100)
            ModelState.AddModelError(nameof(Title), "标题不超过100字");
        if (text is { Length: > MaxText })
            ModelState.AddModelError(nameof(Text), $"正文不超过{MaxText}字");
        ReportFile.Accepted? upload = null;
        if (file is not null)
        {
            (upload, var refusal) = await ReportFile.ReadAsync(file, HttpContext.RequestAborted);
            if (refusal is not null)
                ModelState.AddModelError("file", refusal);
        }
        else if (string.IsNullOrEmpty(text))
            ModelState.AddModelError(nameof(Text), "请填写汇报内容,或上传 PDF / Word 文件");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.ThoughtReports.Add(
            new ThoughtReport
            {
                MemberId = me,
                OrganizationId = orgId.Value,
                Title = title,
                Text = string.IsNullOrEmpty(text) ? null : text,
                File = upload?.Bytes,
                FileKind = upload?.Kind,
                FileName = upload?.FileName,
                SubmittedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        // The scope's own-row rule admits it: a member's own report, in their own branch (IMemberCreated).
        await db.SaveChangesAsync();
        Status = "思想汇报已提交,支部会及时批阅。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        if (db.Scope.MemberId is not { } me)
            return;
        Reports = await db
            .ThoughtReports.Where(r => r.MemberId == me)
            .OrderByDescending(r => r.SubmittedAt)
            .Take(100)
            .Select(r => new Row(r.Id, r.Title, r.SubmittedAt, r.FileKind != null, r.Comment != null))
            .ToListAsync();
    }
}
