using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Dues;
using Hongling.Web.Features.Members.Import;
using Hongling.Web.Features.Shared;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>Study statistics (学习统计) of an organization subtree for one China-time month: the
/// organization and each one beneath it, rankings of branches and of towns, every member's figures
/// (paged, sortable by minutes, exportable) and who did not study.</summary>
public sealed class StatsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Branches shown in the ranking; the per-member table and the export hold everyone.</summary>
    public const int RankingSize = 100;

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    /// <summary>"asc" lists the fewest minutes first; anything else the most.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int MemberPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "np")]
    public int IdlePage { get; set; } = 1;

    public int ShownMonth { get; private set; }
    public IEnumerable<int> MonthChoices =>
        Enumerable.Range(0, 12).Select(i => clock.TodayInChina().AddMonths(-i)).Select(d => d.Year * 100 + d.Month);
    public OrgStudy Total { get; private set; } = null!;
    public IReadOnlyList<OrgStudy> Children { get; private set; } = [];
    public IReadOnlyList<OrgStudy> Branches { get; private set; } = [];
    public int BranchCount { get; private set; }
    public IReadOnlyList<OrgStudy> Towns { get; private set; } = [];
    public IReadOnlyList<MemberStudy> MemberRows { get; private set; } = [];
    public int MemberPages { get; private set; }
    public IReadOnlyList<MemberStudy> Idle { get; private set; } = [];
    public int IdleCount { get; private set; }
    public int IdlePages { get; private set; }
    public bool Ascending => Sort == "asc";

    /// <summary>The share who studied and the average minutes over the twelve months up to the one shown.</summary>
    public BarChart ShareTrend { get; private set; } = null!;
    public BarChart AverageTrend { get; private set; } = null!;

    /// <summary>Branches drawn in the ranking's chart; the table lists up to <see cref="RankingSize"/>.</summary>
    public const int ChartedBranches = 10;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindOrgAsync(ct) is not { } org)
            return NotFound();
        var perOrg = StudyStats.RollUp(await StudyStats.PerOrganizationAsync(db, org.Path, ShownMonth, ct));
        Total = perOrg[org.Id];
        var childIds = await OrgTree.Children(db, org.Id).OrderBy(o => o.Code).Select(o => o.Id).ToListAsync(ct);
        Children = [.. childIds.Where(perOrg.ContainsKey).Select(id => perOrg[id])];
        var branches = StudyStats.Rank(perOrg.Values.Where(o => o.Kind == OrgKind.Branch));
        (Branches, BranchCount) = ([.. branches.Take(RankingSize)], branches.Count);
        // Towns are the organizations directly beneath the district root (depth 1), whatever their kind.
        Towns = StudyStats.Rank(perOrg.Values.Where(o => o.Depth == 1));
        var trend = await StudyStats.TrendAsync(db, org.Path, ShownMonth, ct);
        ShareTrend = ShareChart(trend, Total.Members);
        AverageTrend = new BarChart(
            "trend-average",
            "近12个月人均学习时长",
            "分钟",
            [.. trend.Select(p => Point(p, PerMember(p.Minutes, Total.Members)))],
            Kind: BarChart.Shape.Trend
        );

        var members = StudyStats.Members(db, org.Path, ShownMonth);
        MemberPages = Math.Max(1, (Total.Members + PageSize - 1) / PageSize);
        MemberPage = Math.Clamp(MemberPage, 1, MemberPages);
        MemberRows = await StudyStats.PageAsync(
            db,
            org.Path,
            ShownMonth,
            Ascending,
            (MemberPage - 1) * PageSize,
            PageSize,
            ct
        );

        IdleCount = Total.Members - Total.Studied;
        IdlePages = Math.Max(1, (IdleCount + PageSize - 1) / PageSize);
        IdlePage = Math.Clamp(IdlePage, 1, IdlePages);
        Idle = await members
            .Where(m => m.Minutes == 0)
            .OrderBy(m => m.Branch)
            .ThenBy(m => m.MemberId)
            .Skip((IdlePage - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The share of the subtree's members who studied, month by month (参学率): here and on the
    /// dashboard.</summary>
    public static BarChart ShareChart(IReadOnlyList<StudyStats.MonthStudy> trend, int members) =>
        new(
            "trend-share",
            "近12个月参学率",
            "%",
            [.. trend.Select(p => Point(p, 100.0 * PerMember(p.Studied, members)))],
            Kind: BarChart.Shape.Trend
        );

    private static BarChart.Bar Point(StudyStats.MonthStudy p, double value) =>
        new($"{p.Month % 100}月", Math.Round(value, 1), MonthPicker.Text(p.Month));

    private static double PerMember(double x, int members) => members == 0 ? 0 : x / members;

    /// <summary>The per-member table of the month, every member, as .xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await FindOrgAsync(ct) is not { } org)
            return NotFound();
        var bytes = await StudyExport.BuildAsync(StudyStats.Members(db, org.Path, ShownMonth), ct);
        return File(bytes, MemberSheet.ContentType, $"学习统计-{org.Name}-{ShownMonth}.xlsx");
    }

    private async Task<OrgRef?> FindOrgAsync(CancellationToken ct)
    {
        var org = Org is { } id
            ? await db
                .AdministeredOrganizations.Where(o => o.Id == id)
                .Select(o => new OrgRef(o.Id, o.Name, o.Path))
                .FirstOrDefaultAsync(ct)
            : await OrgTree
                .Roots(db)
                .OrderBy(o => o.Path)
                .Select(o => new OrgRef(o.Id, o.Name, o.Path))
                .FirstOrDefaultAsync(ct);
        if (org is null)
            return null;
        Org = org.Id;
        ShownMonth = Month is { } m && ChinaTime.IsMonth(m) ? m : clock.MonthInChina();
        return org;
    }

    private sealed record OrgRef(int Id, string Name, string Path);

    public static string Percent(double rate) => (rate * 100).ToString("0.0") + "%";

    public static string Average(double minutes) => minutes.ToString("0.0");
}
