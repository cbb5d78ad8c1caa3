using Hongling.Web.Data;
using Hongling.Web.Features.Dues;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Hongling.Web.Infrastructure.OrgScoping;

namespace Hongling.Web.Features.OrgLife;

/// <summary>The monthly organization-life counts (平台使用情况) of the caller's subtree.</summary>
public sealed class CountsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public IReadOnlyList<MonthlyActivityCounts.Row> Rows { get; private set; } = [];
    public static readonly int Limit = 500;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org) return NotFound();
        Current = org;
        Month = Month is { } m && ChinaTime.IsMonth(m) ? m : clock.MonthInChina();
        Rows = await MonthlyActivityCounts.ForAsync(db, org.Path, Month.Value, Limit);
        return Page();
    }
}
