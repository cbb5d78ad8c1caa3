using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Albums;

/// <summary>Branch albums (支部相册): members see their organizations' albums; administrators create them.</summary>
[SignedInPage]
public sealed class IndexModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed class AlbumInput
    {
        public int OrganizationId { get; set; }
        public int? ActivityId { get; set; }

        [Required(ErrorMessage = "请填写相册名称"), StringLength(100, ErrorMessage = "相册名称不超过100字")]
        public string? Title { get; set; }

        /// <summary>公开到党建网: the photos also appear on the organization's public page.</summary>
        public bool IsPublic { get; set; }
    }

    [BindProperty]
    public AlbumInput Input { get; set; } = new();

    public sealed record Row(int Id, string Title, string Org, int Photos, int? Cover, DateTime CreatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Orgs { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        // Another subtree's organization or activity is a tampered post: 404, nothing stored.
        if (await db.AdministeredOrganizations.FirstOrDefaultAsync(o => o.Id == Input.OrganizationId) is not { } org)
            return NotFound();
        if (Input.ActivityId is { } activityId)
        {
            if (
                await db.AdministeredRows<Activity>()
                    .Where(a => a.Id == activityId)
                    .Select(a => new { a.OrganizationId })
                    .FirstOrDefaultAsync()
                is not { } activity
            )
                return NotFound();
            if (activity.OrganizationId != org.Id)
                return NotFound();
            if (
                await db.AdministeredRows<Album>()
                    .Where(a => a.ActivityId == activityId)
                    .Select(a => (int?)a.Id)
                    .FirstOrDefaultAsync() is
                { } existing
            )
                return RedirectToPage("Detail", new { id = existing });
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var album = new Album
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            AudienceIncludesSubtree = true,
            Title = Input.Title!.Trim(),
            ActivityId = Input.ActivityId,
            IsPublic = Input.IsPublic,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.ActorName,
        };
        db.Albums.Add(album);
        await db.SaveChangesAsync();
        TempData["Status"] = "相册已建立,可以上传照片了。";
        return RedirectToPage("Detail", new { id = album.Id });
    }

    private async Task LoadAsync()
    {
        Rows = await db
            .Albums.OrderByDescending(a => a.CreatedAt)
            .Take(100)
            .Select(a => new Row(
                a.Id,
                a.Title,
                a.Organization.Name,
                db.AlbumPhotos.Count(p => p.AlbumId == a.Id),
                db.AlbumPhotos.Where(p => p.AlbumId == a.Id)
                    .OrderBy(p => p.Id)
                    .Select(p => (int?)p.Id)
                    .FirstOrDefault(),
                a.CreatedAt
            ))
            .ToListAsync();
        if (db.Scope.IsAdministrator)
            Orgs =
            [
                .. (
                    await db
                        .AdministeredOrganizations.OrderBy(o => o.Path)
                        .Take(200)
                        .Select(o => new { o.Id, o.Name })
                        .ToListAsync()
                ).Select(o => (o.Id, o.Name)),
            ];
    }
}
