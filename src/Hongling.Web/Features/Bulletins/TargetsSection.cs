using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.OrgLife;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>The targets of one month as they were set (or the seed's defaults where the issuer set none).</summary>
public sealed record TargetList(
    bool SetByIssuer,
    int ActivitiesPerBranch,
    int AlbumPhotosPerBranch,
    int WorkUpdatesPerBranch,
    int NoticesPerBranch,
    int ThoughtReportsPerProbationary,
    decimal OrganSignInRate,
    decimal OverallSignInRate,
    decimal AdminSignInRate,
    decimal CompletenessRate,
    decimal DuesRate,
    DateOnly? CatchUpBy
)
{
    public static TargetList Of(BulletinTargets? t)
    {
        var s = t ?? new BulletinTargets();
        return new(
            t is not null,
            s.ActivitiesPerBranch,
            s.AlbumPhotosPerBranch,
            s.WorkUpdatesPerBranch,
            s.NoticesPerBranch,
            s.ThoughtReportsPerProbationary,
            s.OrganSignInRate,
            s.OverallSignInRate,
            s.AdminSignInRate,
            s.CompletenessRate,
            s.DuesRate,
            s.CatchUpBy
        );
    }
}

/// <summary>One target's outcome for a unit: <paramref name="Met"/> is null when it does not apply (a unit without
/// branches, without probationary members) or when the figure it rests on is not computed.</summary>
public sealed record TargetResult(string Target, bool? Met, decimal? Value);

public sealed record UnitTargets(int UnitId, string Name, IReadOnlyList<TargetResult> Results)
{
    public bool MetAll => Results.All(r => r.Met != false) && Results.Any(r => r.Met == true);
}

/// <summary>Section 四 (下月工作重点) and the check of this month's targets: per unit, which of the targets the issuer
/// set for the bulletin's month were met, and the targets set for the next month.
/// <para>Per-branch targets (activities, album photos, work updates, notices) are met when every branch
/// (an organization that keeps members) of the unit's subtree reached the number in the month; the value is the share
/// of branches that did. Thought reports: every probationary member of the unit's subtree at the month's end handed
/// in the number in the month. The rate targets compare the unit's rate figure from section 三 (keys in
/// <see cref="RateFigures"/>) with the target.</para></summary>
public sealed record TargetsSection(
    int Month,
    TargetList Targets,
    IReadOnlyList<UnitTargets> Units,
    int NextMonth,
    TargetList Next
)
{
    public const string Activities = "activities",
        Photos = "photos",
        WorkUpdates = "work_updates",
        Notices = "notices",
        ThoughtReports = "thought_reports",
        OrganSignIn = "organ_signin",
        OverallSignIn = "overall_signin",
        AdminSignIn = "admin_signin",
        Completeness = "completeness",
        Dues = "dues";

    /// <summary>The figure (key of section 三, per unit) each rate target is checked against.</summary>
    public static readonly IReadOnlyDictionary<string, string> RateFigures = new Dictionary<string, string>
    {
        [OrganSignIn] = "platform.organ_member_usage_rate",
        [OverallSignIn] = "platform.member_usage_rate",
        [AdminSignIn] = "platform.administrator_signin_rate",
        [Completeness] = "platform.member_info_rate",
        [Dues] = "platform.dues_standard_rate",
    };

    public static string Label(string target) =>
        target switch
        {
            Activities => "每个支部发起组织活动",
            Photos => "每个支部上传相册照片",
            WorkUpdates => "每个支部发布工作动态",
            Notices => "每个支部发布组织公告",
            ThoughtReports => "预备党员上传思想汇报",
            OrganSignIn => "机关和事业单位党员登录率",
            OverallSignIn => "党员登录率",
            AdminSignIn => "管理员登录率",
            Completeness => "信息完整度",
            Dues => "党费标准录入比例",
            _ => target,
        };

    /// <summary>Figures: <c>targets.met.{target}</c> per unit (1 met, 0 not; absent when it does not apply) and
    /// <c>targets.units_met.{target}</c> (units that met it), <c>targets.units_met_all</c> (units that met every
    /// target that applies) for the issuer.</summary>
    public IEnumerable<BulletinFigure> Figures()
    {
        foreach (var unit in Units)
        foreach (var r in unit.Results.Where(r => r.Met is not null))
            yield return new($"targets.met.{r.Target}", unit.UnitId, r.Met == true ? 1 : 0);
        foreach (var target in Units.SelectMany(u => u.Results).Select(r => r.Target).Distinct())
            yield return new(
                $"targets.units_met.{target}",
                null,
                Units.Count(u => u.Results.Any(r => r.Target == target && r.Met == true))
            );
        yield return new("targets.units_met_all", null, Units.Count(u => u.MetAll));
    }

    public static async Task<TargetsSection> ForAsync(
        HonglingDb db,
        ScopedOrg issuer,
        OrgUnits units,
        BulletinPeriod period,
        IReadOnlyCollection<BulletinFigure> rates,
        CancellationToken ct
    )
    {
        var next = ChinaTime.NextMonth(period.Month);
        var set = await db
            .BulletinTargets.Where(t => t.OrganizationId == issuer.Id && (t.Month == period.Month || t.Month == next))
            .ToListAsync(ct);
        var targets = TargetList.Of(set.FirstOrDefault(t => t.Month == period.Month));

        var branches = await db
            .Organizations.InSubtree(issuer.Path)
            .Where(o => o.Kind == OrgKind.Branch)
            .Select(o => new { o.Id, o.Path })
            .ToListAsync(ct);
        var perBranch = new Dictionary<string, (MonthlyActivityCounts.Measure Measure, int Target)>
        {
            [Activities] = (MonthlyActivityCounts.Measure.Activities, targets.ActivitiesPerBranch),
            [Photos] = (MonthlyActivityCounts.Measure.Photos, targets.AlbumPhotosPerBranch),
            [WorkUpdates] = (MonthlyActivityCounts.Measure.WorkUpdates, targets.WorkUpdatesPerBranch),
            [Notices] = (MonthlyActivityCounts.Measure.Notices, targets.NoticesPerBranch),
        };
        var counts = new Dictionary<string, Dictionary<int, int>>();
        foreach (var (target, (measure, _)) in perBranch)
            counts[target] = await MonthlyActivityCounts.OfAsync(db, measure, issuer.Path, period.Month, ct);

        // Members as the scope shows them: present ones (departed members are filtered out), in their branch today.
        var (from, to) = ChinaTime.MonthBounds(period.Month);
        var reports = await db
            .ThoughtReports.InSubtree(issuer.Path)
            .Where(r => r.SubmittedAt >= from && r.SubmittedAt < to)
            .GroupBy(r => r.MemberId)
            .Select(g => new { MemberId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.MemberId, g => g.Count, ct);
        var probationary = await db
            .Members.InSubtree(issuer.Path)
            .Where(m => m.Status == MemberStatus.Probationary)
            .Select(m => new { m.Id, m.OrgPath })
            .ToListAsync(ct);

        var rows = new List<UnitTargets>();
        foreach (var unit in units.List)
        {
            var results = new List<TargetResult>();
            var own = branches.Where(b => b.Path.StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
            foreach (var (target, (_, wanted)) in perBranch)
            {
                if (own.Count == 0)
                {
                    results.Add(new(target, null, null));
                    continue;
                }
                var reached = own.Count(b => counts[target].GetValueOrDefault(b.Id) >= wanted);
                results.Add(new(target, reached == own.Count, BulletinFigure.Rate(reached, own.Count)));
            }
            var mine = probationary.Where(m => m.OrgPath.StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
            var reporting = mine.Count(m => reports.GetValueOrDefault(m.Id) >= targets.ThoughtReportsPerProbationary);
            results.Add(
                mine.Count == 0
                    ? new(ThoughtReports, null, null)
                    : new(ThoughtReports, reporting == mine.Count, BulletinFigure.Rate(reporting, mine.Count))
            );
            foreach (var (target, key) in RateFigures)
            {
                var wanted = target switch
                {
                    OrganSignIn => targets.OrganSignInRate,
                    OverallSignIn => targets.OverallSignInRate,
                    AdminSignIn => targets.AdminSignInRate,
                    Completeness => targets.CompletenessRate,
                    _ => targets.DuesRate,
                };
                var figure = rates.FirstOrDefault(f => f.Key == key && f.UnitId == unit.Id);
                results.Add(new(target, figure is null ? null : figure.Value >= wanted, figure?.Value));
            }
            rows.Add(new(unit.Id, unit.Name, results));
        }
        return new(period.Month, targets, rows, next, TargetList.Of(set.FirstOrDefault(t => t.Month == next)));
    }
}
