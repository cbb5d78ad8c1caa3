using Hongling.Web.Data;
using Hongling.Web.Features.Messages;
using Hongling.Web.Features.WorkUpdates;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>An organization's website page (走进组织): its introduction, the work updates of it and its
/// subtree, and the message form. Not output-cached: the form carries a per-visitor antiforgery token
/// and a fresh question.</summary>
[AllowAnonymous]
public sealed class OrgModel(HonglingDb db, PublicChallenge challenge) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }
    public PublicContent.OrgPage Org { get; private set; } = null!;
    public IReadOnlyList<WorkUpdateFeed.Item> Updates { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);
    public PublicMessageForm Form { get; private set; } = null!;

    public sealed record PhotoTile(int Id, string? Caption, string Album);

    public IReadOnlyList<PhotoTile> Photos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PublicContent.OrgAsync(db, id) is not { } org)
            return NotFound();
        Org = org;
        (Updates, Paging) = await WorkUpdateFeed.PageAsync(
            WorkUpdateFeed.Of(PublicContent.Updates(db), org.Path, subtree: true),
            PageNumber,
            10
        );
        Photos = await PublicContent
            .Photos(db)
            .InSubtree(org.Path)
            .OrderByDescending(p => p.UploadedAt)
            .ThenByDescending(p => p.Id)
            .Take(12)
            .Select(p => new PhotoTile(p.Id, p.Caption, p.Album.Title))
            .ToListAsync();
        var q = challenge.Create();
        Form = new PublicMessageForm(id, new PublicMessageInput(), q.Text, q.Token);
        return Page();
    }
}
