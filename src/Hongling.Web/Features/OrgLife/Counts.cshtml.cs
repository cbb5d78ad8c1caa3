using Hongling.Web.Data;
using Hongling.Web.Features.Dues;
using Hongling.Web.Features.Shared;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.OrgLife;

/// <summary>The monthly organization-life counts (平台使用情况) of the caller's subtree.</summary>
public sealed class CountsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public IReadOnlyList<MonthlyActivityCounts.Row> Rows { get; private set; } = [];
    public static readonly int Limit = 500;

    /// <summary>Each measure summed over the organizations listed (the subtree unless the list was cut).</summary>
    public IReadOnlyDictionary<MonthlyActivityCounts.Measure, int> Totals { get; private set; } =
        new Dictionary<MonthlyActivityCounts.Measure, int>();

    /// <summary>Each child organization's activities of the month, its whole subtree counted.</summary>
    public IReadOnlyList<BarChart.Bar> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        Month = Month is { } m && ChinaTime.IsMonth(m) ? m : clock.MonthInChina();
        Rows = await MonthlyActivityCounts.ForAsync(db, org.Path, Month.Value, Limit);
        Totals = Enum.GetValues<MonthlyActivityCounts.Measure>()
            .Where(MonthlyActivityCounts.Counters.ContainsKey)
            .ToDictionary(m => m, m => Rows.Sum(r => r[m] ?? 0));
        Children = ChildBars(Rows, org.Path);
        return Page();
    }

    /// <summary>Each child organization's activities of the month, its whole subtree counted: here and on the
    /// dashboard.</summary>
    public static IReadOnlyList<BarChart.Bar> ChildBars(IReadOnlyList<MonthlyActivityCounts.Row> rows, string path)
    {
        var depth = path.Count(c => c == '/') + 1;
        return
        [
            .. rows.Where(r => r.Path.Count(c => c == '/') == depth)
                .Select(c => (c, rows.Where(r => r.Path.StartsWith(c.Path, StringComparison.Ordinal)).ToList()))
                .Select(x => new BarChart.Bar(x.c.Name, x.Item2.Sum(r => r.Activities ?? 0))),
        ];
    }

    public static BarChart ChildrenChart(IReadOnlyList<BarChart.Bar> children, string id = "children-chart") =>
        new(id, "各下级组织本月组织活动", "次", children, LabelHeading: "组织", Kind: BarChart.Shape.Rows);
}
