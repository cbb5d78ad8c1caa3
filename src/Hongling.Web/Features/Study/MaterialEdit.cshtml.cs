using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>Publishes or changes a material: an article (sanitized rich text, images allowed), uploaded
/// courseware or a PDF (checked by their bytes), or a link; its column, audience, publish time and
/// estimated study time. The material and its file are saved together or not at all.</summary>
[RequestSizeLimit(MaterialFiles.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialFiles.MaxBytes + 1024 * 1024)]
public sealed class MaterialEditModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MaterialInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }
    public int? Id { get; private set; }
    public bool HasFile { get; private set; }
    public IReadOnlyList<SelectListItem> Audiences { get; private set; } = [];

    /// <summary>The organization 插入图片 uploads for: the material's own, or the caller's outermost one for a new
    /// material.</summary>
    public int? ImageOrgId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        await LoadAudiencesAsync();
        if (id is null)
        {
            Input.AudienceIds = Audiences.Count > 0 ? [int.Parse(Audiences[0].Value)] : [];
            Input.PublishAt = clock.GetUtcNow().UtcDateTime.ToChina();
            return Page();
        }
        var m = await MaterialQueries.Owned(db).Include(x => x.Audiences).FirstOrDefaultAsync(x => x.Id == id);
        if (m is null)
            return NotFound();
        Id = m.Id;
        ImageOrgId = m.OrganizationId;
        HasFile = m.FileType is not null;
        Input = new MaterialInput
        {
            Title = m.Title,
            Column = m.Column,
            Kind = m.Kind,
            Body = m.Body,
            Url = m.Url,
            EstimatedMinutes = m.EstimatedMinutes,
            PublishAt = m.PublishAt.ToChina(),
            AudienceIds = await db
                .AdministeredOrganizations.Where(o => m.Audiences.Select(a => a.Path).Contains(o.Path))
                .Select(o => o.Id)
                .ToListAsync(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadAudiencesAsync();
        Material? material = null;
        if (
            id is not null
            && (
                material = await MaterialQueries
                    .Owned(db)
                    .Include(x => x.Audiences)
                    .FirstOrDefaultAsync(x => x.Id == id, ct)
            )
                is null
        )
            return NotFound();
        Id = material?.Id;
        ImageOrgId = material?.OrganizationId ?? ImageOrgId;
        HasFile = material?.FileType is not null;
        // An organization outside the caller's subtrees is a tampered post: 404 like any foreign id.
        var chosen = Input.AudienceIds.Distinct().ToList();
        var audiences = await db
            .AdministeredOrganizations.Where(o => chosen.Contains(o.Id))
            .OrderBy(o => o.Depth)
            .ThenBy(o => o.Path)
            .Select(o => new { o.Id, o.Path })
            .ToListAsync(ct);
        if (audiences.Count != chosen.Count)
            return NotFound();
        if (audiences.Count == 0)
            ModelState.AddModelError("Input.AudienceIds", "请至少选择一个发布范围");

        var cleaned = RichText.Clean(Input.Body);
        if (cleaned.Refusal is { } refusal)
            ModelState.AddModelError("Input.Body", refusal);
        var body = cleaned.Html;
        var url = Input.Url.NullIfBlank();
        (byte[] Bytes, string Type)? file = null;
        switch (Input.Kind)
        {
            case MaterialKind.Article when body is null && cleaned.Refusal is null:
                ModelState.AddModelError("Input.Body", "请填写文章正文");
                break;
            case MaterialKind.Link
                when url is null
                    || !Uri.TryCreate(url, UriKind.Absolute, out var u)
                    || u.Scheme is not ("http" or "https"):
                ModelState.AddModelError("Input.Url", "请填写以 http:// 或 https:// 开头的课件链接");
                break;
            case MaterialKind.Video or MaterialKind.Audio or MaterialKind.Document:
                if (Upload is not null)
                    file = await ReadUploadAsync(Upload, Input.Kind, ct);
                else if (material?.FileType is null || material.Kind != Input.Kind)
                    ModelState.AddModelError(nameof(Upload), "请选择要上传的文件");
                break;
        }
        if (!ModelState.IsValid)
            return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (material is null)
        {
            material = new Material { CreatedAt = now, CreatedBy = db.Scope.ActorName };
            db.Materials.Add(material);
        }
        material.Title = Input.Title.Trim();
        material.Column = Input.Column;
        material.Kind = Input.Kind;
        material.Body = body;
        material.Url = Input.Kind == MaterialKind.Link ? url : null;
        material.EstimatedMinutes = Input.EstimatedMinutes;
        material.PublishAt = Input.PublishAt is { } at
            ? DateTime.SpecifyKind(at - ChinaTime.Offset, DateTimeKind.Utc)
            : now;
        // Published by the outermost organization chosen; read by every chosen subtree (nested ones add nothing).
        material.OrganizationId = audiences[0].Id;
        var paths = audiences
            .Select(a => a.Path)
            .Where(p => !audiences.Any(o => o.Path != p && p.StartsWith(o.Path, StringComparison.Ordinal)))
            .ToList();
        material.Audiences.RemoveAll(a => !paths.Contains(a.Path));
        material.Audiences.AddRange(
            paths.Where(p => material.Audiences.All(a => a.Path != p)).Select(p => new MaterialAudience { Path = p })
        );
        if (file is { } f)
            (material.FileType, material.FileSize) = (f.Type, f.Bytes.Length);
        else if (Input.Kind is MaterialKind.Article or MaterialKind.Link)
            (material.FileType, material.FileSize) = (null, null);
        await db.SaveChangesAsync(ct); // the material first, so that a new one has its id

        var stored = await db.MaterialFiles.FirstOrDefaultAsync(x => x.MaterialId == material.Id, ct);
        if (file is { } g)
        {
            if (stored is null)
                db.MaterialFiles.Add(new MaterialFile { MaterialId = material.Id, Content = g.Bytes });
            else
                stored.Content = g.Bytes;
        }
        else if (material.FileType is null && stored is not null)
            db.MaterialFiles.Remove(stored);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = $"《{material.Title}》已保存。";
        return RedirectToPage("/Study/Materials");
    }

    private async Task<(byte[], string)?> ReadUploadAsync(IFormFile upload, MaterialKind kind, CancellationToken ct)
    {
        if (upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), MaterialFiles.Empty);
            return null;
        }
        if (upload.Length > MaterialFiles.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), MaterialFiles.TooLarge);
            return null;
        }
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (MaterialFiles.Recognise(kind, bytes.AsSpan(0, Math.Min(bytes.Length, 16))) is not { } type)
        {
            ModelState.AddModelError(nameof(Upload), MaterialFiles.WrongType(kind));
            return null;
        }
        return (bytes, type);
    }

    /// <summary>The caller's outermost organizations and the ones right beneath them: whom a material can be published
    /// to.</summary>
    private async Task LoadAudiencesAsync()
    {
        var orgs = await db
            .AdministeredOrganizations.OrderBy(o => o.Depth)
            .ThenBy(o => o.Path)
            .Take(2000)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Depth,
            })
            .ToListAsync();
        if (orgs.Count == 0)
            return;
        var top = orgs[0].Depth;
        ImageOrgId = orgs[0].Id;
        Audiences =
        [
            .. orgs.Where(o => o.Depth <= top + 1)
                .Take(300)
                .Select(o => new SelectListItem(o.Depth == top ? $"{o.Name}(全部)" : $"— {o.Name}", o.Id.ToString())),
        ];
    }
}
