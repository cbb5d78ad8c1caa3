using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Bulletins;

/// <summary>A bulletin laid out for A4 paper (the browser's print, or Chromium's PDF), without the site's
/// chrome.</summary>
[SignedInPage]
public sealed class PrintModel(HonglingDb db) : PageModel
{
    public BulletinView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await BulletinView.LoadAsync(db, id, ct) is not { } view)
            return NotFound();
        View = view;
        return Page();
    }
}
