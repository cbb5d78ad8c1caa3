using Hongling.Web.Data;
using Hongling.Web.Features.Shared;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Volunteering;

/// <summary>志愿服务时长统计: a year's confirmed hours per unit of the chosen organization, as a table and a chart.</summary>
public sealed class TotalsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }
    public VolunteerTotals Report { get; private set; } = null!;
    public BarChart Chart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        var year = Year is >= 2000 and <= 2100 ? Year.Value : clock.TodayInChina().Year;
        Report = await VolunteerTotals.ForAsync(db, org, year);
        Chart = new BarChart(
            "volunteer-hours-chart",
            $"{year}年志愿服务时长",
            "小时",
            [
                .. Report.Units.Select(u => new BarChart.Bar(
                    u.Name.Length > 6 ? u.Name[..6] : u.Name,
                    (double)u.Hours,
                    u.Name
                )),
            ],
            LabelHeading: "单位"
        );
        return Page();
    }
}
