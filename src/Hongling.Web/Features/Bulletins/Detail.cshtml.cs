using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>One bulletin: its sections with charts and month-over-month changes; for the issuer's administrators the
/// text editor, regenerating, publishing and the documents. Everyone of the issuer's subtree reads a published
/// one.</summary>
[SignedInPage]
public sealed class DetailModel(HonglingDb db, BulletinGenerator generator, BulletinPublisher publisher) : PageModel
{
    public BulletinView View { get; private set; } = null!;
    public IReadOnlyList<int> OtherVersions { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await BulletinView.LoadAsync(db, id, ct) is not { } view)
            return NotFound();
        View = view;
        OtherVersions = await db
            .Bulletins.Where(b =>
                b.OrganizationId == view.Bulletin.OrganizationId && b.Month == view.Bulletin.Month && b.Id != id
            )
            .OrderBy(b => b.Version)
            .Select(b => b.Id)
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>Computes the month again as a new version; this one is kept.</summary>
    public async Task<IActionResult> OnPostRegenerateAsync(int id, CancellationToken ct)
    {
        if (await BulletinView.LoadAsync(db, id, ct) is not { MayEdit: true } view)
            return NotFound();
        var issuer = await ScopedOrg.PickAsync(db, view.Bulletin.OrganizationId);
        if (issuer is null)
            return NotFound();
        var fresh = await generator.GenerateAsync(issuer, view.Bulletin.Month, automatic: false, ct);
        Status = $"已重新生成为第{fresh!.Version}版,原版本保留。";
        return Redirect($"/Bulletins/{fresh.Id}");
    }

    /// <summary>The editor's paragraphs, each at most <see cref="TextLimit"/> characters; never the figures.</summary>
    [BindProperty]
    public TextForm? Text { get; set; }

    /// <summary>The editor's paragraphs as posted: each may be empty (a textarea left blank binds as null).</summary>
    public sealed class TextForm
    {
        public string? Opening { get; set; }
        public string? SitesComment { get; set; }
        public string? SubmissionsNote { get; set; }
        public string? PlatformComment { get; set; }
        public string? NextMonth { get; set; }
    }

    public const int TextLimit = 2000;

    public async Task<IActionResult> OnPostTextAsync(int id, CancellationToken ct)
    {
        if (await BulletinView.LoadAsync(db, id, ct) is not { MayEdit: true } view)
            return NotFound();
        if (view.Bulletin.IsPublished)
            ModelState.AddModelError("", "通报已发布,不能再修改文字。如需更正,请重新生成新版本。");
        var t = Text ?? new TextForm();
        string Clean(string? s, string field)
        {
            var v = (s ?? "").Trim().Replace("\r\n", "\n");
            if (v.Length > TextLimit)
                ModelState.AddModelError($"Text.{field}", $"每段文字不超过{TextLimit}字。");
            return v;
        }
        var text = new Domain.BulletinText
        {
            Opening = Clean(t.Opening, nameof(t.Opening)),
            SitesComment = Clean(t.SitesComment, nameof(t.SitesComment)),
            SubmissionsNote = Clean(t.SubmissionsNote, nameof(t.SubmissionsNote)),
            PlatformComment = Clean(t.PlatformComment, nameof(t.PlatformComment)),
            NextMonth = Clean(t.NextMonth, nameof(t.NextMonth)),
        };
        if (!ModelState.IsValid)
        {
            View = view;
            return Page();
        }
        view.Bulletin.Text = text;
        await db.SaveChangesAsync(ct);
        Status = "文字已保存。";
        return Redirect($"/Bulletins/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (await BulletinView.LoadAsync(db, id, ct) is not { MayEdit: true } view)
            return NotFound();
        if (view.Bulletin.IsPublished)
            Status = "该通报已发布。";
        else
        {
            await publisher.PublishAsync(view, ct);
            Status = "已发布,并以组织公告发送至各单位。";
        }
        return Redirect($"/Bulletins/{id}");
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, [FromServices] BulletinHtml html, CancellationToken ct) =>
        await BulletinView.LoadAsync(db, id, ct) is { } view
            ? File(
                BulletinDocx.Build(view, await html.PaperAsync(PageContext, view)),
                BulletinDocx.ContentType,
                $"{view.Title}.docx"
            )
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int id, [FromServices] BulletinHtml html, CancellationToken ct) =>
        await BulletinView.LoadAsync(db, id, ct) is { } view
            ? File(
                BulletinWorkbook.Build(await html.PaperAsync(PageContext, view)),
                BulletinWorkbook.ContentType,
                $"{view.Title}(附件).xlsx"
            )
            : NotFound();
}
