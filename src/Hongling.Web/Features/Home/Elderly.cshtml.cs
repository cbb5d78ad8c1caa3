using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Home;

/// <summary>The 长辈模式 switch in the layout: posts on/off for the signed-in account, then returns to the page
/// it was pressed on (a local address only).</summary>
[SignedInPage]
public sealed class ElderlyModel(ElderlyMode mode) : PageModel
{
    public async Task<IActionResult> OnPostAsync(bool on, string? returnUrl)
    {
        await mode.SetAsync(on);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
