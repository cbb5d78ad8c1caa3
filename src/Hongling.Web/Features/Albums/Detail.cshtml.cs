using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Albums;

/// <summary>One album: its photos for those it is published to; upload and removal for its administrators.</summary>
[SignedInPage]
[RequestSizeLimit(AlbumPhotos.MaxRequestBytes)]
public sealed class DetailModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record View(int Id, string Title, string Org, int? ActivityId, string? ActivityTopic, bool IsPublic);

    public View Album { get; private set; } = null!;

    public sealed record PhotoRow(int Id, string? Caption, DateTime UploadedAt);

    public IReadOnlyList<PhotoRow> Photos { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id, List<IFormFile> photos, string? caption)
    {
        var album = await db.AdministeredRows<Album>().FirstOrDefaultAsync(a => a.Id == id);
        if (album is null)
            return NotFound();
        caption = caption?.Trim();
        var (images, refusal) = caption is { Length: > 200 }
            ? ([], "照片说明不超过200字。")
            : await AlbumPhotos.ReadAllAsync(photos, HttpContext.RequestAborted);
        if (refusal is not null)
        {
            await LoadAsync(id);
            Error = refusal;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var image in images)
            db.AlbumPhotos.Add(
                new AlbumPhoto
                {
                    AlbumId = album.Id,
                    OrganizationId = album.OrganizationId,
                    AudiencePath = album.AudiencePath,
                    AudienceIncludesSubtree = album.AudienceIncludesSubtree,
                    Caption = string.IsNullOrEmpty(caption) ? null : caption,
                    Image = image.Jpeg,
                    Thumbnail = image.Thumbnail,
                    Width = image.Width,
                    Height = image.Height,
                    UploadedAt = now,
                    UploadedBy = db.Scope.ActorName,
                }
            );
        await db.SaveChangesAsync();
        Status = $"已上传 {images.Count} 张照片。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int photoId)
    {
        var removed = await db.AdministeredRows<AlbumPhoto>()
            .Where(p => p.Id == photoId && p.AlbumId == id)
            .ExecuteDeleteAsync();
        if (removed == 0)
            return NotFound();
        Status = "照片已删除。";
        return RedirectToPage(new { id });
    }

    /// <summary>公开到党建网, or not: the website shows a public album's photos on the organization's page.</summary>
    public async Task<IActionResult> OnPostPublicAsync(int id, bool isPublic)
    {
        var changed = await db.AdministeredRows<Album>()
            .Where(a => a.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.IsPublic, isPublic));
        if (changed == 0)
            return NotFound();
        Status = isPublic ? "相册已公开到党建网。" : "相册已不再公开。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var album = await db
            .Albums.Where(a => a.Id == id)
            .Select(a => new View(
                a.Id,
                a.Title,
                a.Organization.Name,
                a.ActivityId,
                a.Activity != null ? a.Activity.Topic : null,
                a.IsPublic
            ))
            .FirstOrDefaultAsync();
        if (album is null)
            return false;
        Album = album;
        Photos = await db
            .AlbumPhotos.Where(p => p.AlbumId == id)
            .OrderBy(p => p.Id)
            .Take(500)
            .Select(p => new PhotoRow(p.Id, p.Caption, p.UploadedAt))
            .ToListAsync();
        CanManage = await db.AdministeredRows<Album>().AnyAsync(a => a.Id == id);
        return true;
    }
}
