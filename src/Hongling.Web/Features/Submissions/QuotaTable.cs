using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Submissions;

/// <summary>Each submitting unit's items submitted (by submission time) and adopted (by adoption time) over China-time
/// months, and whether the adopted count met the quota (the monthly quota times the months). One count serves the
/// monthly quota page (<see cref="ForAsync"/>) and the bulletin's period roll-up over an issuer's units
/// (<see cref="ForPeriodAsync"/>): two grouped counts in the database by OrgPath, whatever the number of items,
/// rolled up per unit over its subtree in memory.</summary>
public static class QuotaTable
{
    public sealed record Row(int OrganizationId, string Name, int Submitted, int Adopted, bool Met);

    /// <summary>A unit's period: <paramref name="IsIssuerItself"/> for items the issuer submitted itself.</summary>
    public sealed record UnitRow(int Id, string Name, bool IsIssuerItself, int Submitted, int Adopted, bool Met);

    /// <summary>An issuer's period (<paramref name="FirstMonth"/>..<paramref name="LastMonth"/>, yyyyMM):
    /// <paramref name="Quota"/> is the period's quota per unit (monthly quota × <paramref name="Months"/>);
    /// <paramref name="Units"/> are the issuer's children when they are submitting units (else none), plus the issuer's
    /// own row when it is a submitting unit or holds items; the totals cover the whole subtree.</summary>
    public sealed record Period(
        int FirstMonth,
        int LastMonth,
        int Months,
        int MonthlyQuota,
        int Quota,
        IReadOnlyList<UnitRow> Units,
        int Submitted,
        int Adopted
    );

    private sealed record PathCount(string Path, int Count);

    public static async Task<List<Row>> ForAsync(HonglingDb db, int month, int quota)
    {
        var units = await SubmissionRules
            .Units(db.AdministeredOrganizations)
            .OrderBy(o => o.Code)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Path,
            })
            .ToListAsync();
        var (submitted, adopted) = await CountAsync(db.Submissions, month, month, default);
        static int Sum(List<PathCount> counts, string path) =>
            counts.Where(c => c.Path.StartsWith(path, StringComparison.Ordinal)).Sum(c => c.Count);
        return
        [
            .. units.Select(u =>
            {
                var a = Sum(adopted, u.Path);
                return new Row(u.Id, u.Name, Sum(submitted, u.Path), a, a >= quota);
            }),
        ];
    }

    /// <summary>The period figures of <paramref name="units"/>' issuer, each unit over its subtree (scoped
    /// queries).</summary>
    public static async Task<Period> ForPeriodAsync(
        HonglingDb db,
        OrgUnits units,
        int firstMonth,
        int lastMonth,
        int monthlyQuota,
        CancellationToken ct = default
    )
    {
        if (!ChinaTime.IsMonth(firstMonth) || !ChinaTime.IsMonth(lastMonth) || firstMonth > lastMonth)
            throw new ArgumentOutOfRangeException(
                nameof(firstMonth),
                $"{firstMonth}..{lastMonth}",
                "Not a yyyyMM period."
            );
        var issuer = units.Issuer;
        var (submitted, adopted) = await CountAsync(db.Submissions.InSubtree(issuer.Path), firstMonth, lastMonth, ct);
        var months = (lastMonth / 100 * 12 + lastMonth % 100) - (firstMonth / 100 * 12 + firstMonth % 100) + 1;
        var quota = monthlyQuota * months;
        var s = units.RollUp(submitted, c => c.Path, c => c.Count);
        var a = units.RollUp(adopted, c => c.Path, c => c.Count);
        UnitRow Of(int id, string name, bool itself) =>
            new(id, name, itself, s.GetValueOrDefault(id), a.GetValueOrDefault(id), a.GetValueOrDefault(id) >= quota);

        var rows = new List<UnitRow>();
        if (SubmissionRules.IsUnit(issuer.Depth + 1))
            rows.AddRange(units.List.Select(u => Of(u.Id, u.Name, false)));
        if (SubmissionRules.IsUnit(issuer.Depth) || s.ContainsKey(issuer.Id) || a.ContainsKey(issuer.Id))
            rows.Add(Of(issuer.Id, SubmissionRules.IsUnit(issuer.Depth) ? issuer.Name : issuer.Name + "(本级)", true));
        return new Period(
            firstMonth,
            lastMonth,
            months,
            monthlyQuota,
            quota,
            rows,
            submitted.Sum(c => c.Count),
            adopted.Sum(c => c.Count)
        );
    }

    /// <summary>Items submitted in the months (China time) and items adopted in them, grouped by OrgPath.</summary>
    private static async Task<(List<PathCount> Submitted, List<PathCount> Adopted)> CountAsync(
        IQueryable<Submission> rows,
        int firstMonth,
        int lastMonth,
        CancellationToken ct
    )
    {
        var from = ChinaTime.MonthBounds(firstMonth).From;
        var to = ChinaTime.MonthBounds(lastMonth).To;
        var submitted = await rows.Where(s => s.SubmittedAt >= from && s.SubmittedAt < to)
            .GroupBy(s => s.OrgPath)
            .Select(g => new PathCount(g.Key, g.Count()))
            .ToListAsync(ct);
        var adopted = await rows.Where(s =>
                s.State == SubmissionState.Adopted && s.DecidedAt >= from && s.DecidedAt < to
            )
            .GroupBy(s => s.OrgPath)
            .Select(g => new PathCount(g.Key, g.Count()))
            .ToListAsync(ct);
        return (submitted, adopted);
    }
}
