using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Sites;

/// <summary>The yearly maintenance cost summary per town (维护经费统计), for the year asked (?year=, default this year in
/// China).</summary>
public sealed class CostsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }
    public MaintenanceCosts.Summary? Summary { get; private set; }
    public int ThisYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ThisYear = clock.TodayInChina().Year;
        var year = Year is >= 2000 and <= 2100 ? Year.Value : ThisYear;
        Year = year;
        Summary = await MaintenanceCosts.ForYearAsync(db, year, ct);
        return Summary is null ? NotFound() : Page();
    }
}
