using Hongling.Web.Data;
using Hongling.Web.Features.Submissions;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>One row of 附件3: a unit's items submitted and adopted over the period, against the period's quota.</summary>
public sealed record SubmissionsUnitRow(int Id, string Name, bool IsIssuerItself, int Submitted, int Adopted, bool Met);

/// <summary>Section 二 (信息及栏目素材报送情况) and 附件3 over the bulletin's period (<see cref="BulletinPeriod.FirstMonth"/>
/// to <see cref="BulletinPeriod.Month"/>, China time; the seed's "7-8月").
/// <para>Counts: items submitted by submission time, items adopted (选用) by adoption time, both from
/// <see cref="QuotaTable.ForPeriodAsync"/>; a unit meets the quota with at least the monthly quota × the period's
/// months
/// adopted (the district's assessment counts adoptions, <see cref="SubmissionRules"/>). Items published on the website
/// are what the platform's website shows (Features/Website/PublicContent) from the issuer's subtree with a publication
/// time in the period: work updates by publication time plus adopted submissions by adoption time.</para>
/// <para>Units are the issuer's children when they are submitting units (a district's towns and departments); for an
/// issuer beneath the district (a town) only the issuer's own row is shown. The editor's free paragraph (television
/// column, press coverage) is the bulletin's stored text, not part of this record.</para>
/// <para>Figure keys (UnitId null: the issuer's subtree; UnitId a unit's id, or the issuer's id for its own row):
/// <list type="bullet">
/// <item><c>submissions.website_items</c> (null): items published on the website in the period (updates +
/// adopted).</item>
/// <item><c>submissions.website_updates</c> (null): of which work updates.</item>
/// <item><c>submissions.submitted</c> (null, unit): items submitted in the period.</item>
/// <item><c>submissions.adopted</c> (null, unit): items adopted in the period.</item>
/// <item><c>submissions.adoption_rate</c> (null, unit): adopted over submitted (0 without any submitted).</item>
/// <item><c>submissions.quota</c> (null): the period's quota per unit (monthly quota × months).</item>
/// <item><c>submissions.quota_met</c> (unit): 1 when the unit met the quota, else 0.</item>
/// <item><c>submissions.units_met</c> (null): units that met the quota.</item>
/// <item><c>submissions.units_met_rate</c> (null): units that met the quota over the units held against it.</item>
/// <item><c>submissions.units_silent</c> (null): units that submitted nothing in the period.</item>
/// </list></para></summary>
public sealed record SubmissionsSection(
    int FirstMonth,
    int Month,
    int Months,
    int MonthlyQuota,
    int Quota,
    int WebsiteItems,
    int WebsiteUpdates,
    int Submitted,
    int Adopted,
    IReadOnlyList<SubmissionsUnitRow> Units,
    IReadOnlyList<NamedUnit> UnitsMet,
    IReadOnlyList<NamedUnit> UnitsSilent
)
{
    /// <summary>The period as the seed words it: "8月" or "7-8月" (with the year when the months span two).</summary>
    public string PeriodText =>
        FirstMonth == Month ? $"{Month % 100}月"
        : FirstMonth / 100 == Month / 100 ? $"{FirstMonth % 100}-{Month % 100}月"
        : $"{FirstMonth / 100}年{FirstMonth % 100}月至{Month / 100}年{Month % 100}月";

    /// <summary>附件3's title, as the seed's 2010年7-8月远程教育信息及党建电视栏目素材选用情况统计表.</summary>
    public string Title =>
        $"{(FirstMonth / 100 == Month / 100 ? $"{Month / 100}年" : "")}{PeriodText}信息及栏目素材报送选用情况统计表";

    public decimal AdoptionRate => BulletinFigure.Rate(Adopted, Submitted);

    /// <summary>The rows held against the quota and named: the units, or the issuer's own row when it has no
    /// submitting units (a town issuing about its branches).</summary>
    public static IEnumerable<SubmissionsUnitRow> Assessed(IReadOnlyList<SubmissionsUnitRow> rows) =>
        rows.Any(u => !u.IsIssuerItself) ? rows.Where(u => !u.IsIssuerItself) : rows;

    /// <param name="monthlyQuota">The district's monthly quota (<see cref="SubmissionRules.QuotaAsync"/>).</param>
    public static async Task<SubmissionsSection> ForAsync(
        HonglingDb db,
        ScopedOrg issuer,
        BulletinPeriod period,
        int monthlyQuota,
        CancellationToken ct = default
    )
    {
        var units = await OrgUnits.ForAsync(db, issuer, ct);
        var table = await QuotaTable.ForPeriodAsync(db, units, period.FirstMonth, period.Month, monthlyQuota, ct);
        var from = ChinaTime.MonthBounds(period.FirstMonth).From;
        var to = ChinaTime.MonthBounds(period.Month).To;
        var updates = await db
            .WorkUpdates.InSubtree(issuer.Path)
            .CountAsync(w => w.PublishedAt >= from && w.PublishedAt < to, ct);

        var rows = table
            .Units.Select(u => new SubmissionsUnitRow(u.Id, u.Name, u.IsIssuerItself, u.Submitted, u.Adopted, u.Met))
            .ToList();
        var proper = Assessed(rows).ToList();
        return new SubmissionsSection(
            period.FirstMonth,
            period.Month,
            table.Months,
            monthlyQuota,
            table.Quota,
            updates + table.Adopted,
            updates,
            table.Submitted,
            table.Adopted,
            rows,
            [.. proper.Where(u => u.Met).Select(u => new NamedUnit(u.Id, u.Name))],
            [.. proper.Where(u => u.Submitted == 0).Select(u => new NamedUnit(u.Id, u.Name))]
        );
    }

    public IEnumerable<BulletinFigure> Figures()
    {
        yield return new("submissions.website_items", null, WebsiteItems);
        yield return new("submissions.website_updates", null, WebsiteUpdates);
        yield return new("submissions.submitted", null, Submitted);
        yield return new("submissions.adopted", null, Adopted);
        yield return new("submissions.adoption_rate", null, AdoptionRate);
        yield return new("submissions.quota", null, Quota);
        var counted = Assessed(Units).Count();
        yield return new("submissions.units_met", null, UnitsMet.Count);
        yield return new("submissions.units_met_rate", null, BulletinFigure.Rate(UnitsMet.Count, counted));
        yield return new("submissions.units_silent", null, UnitsSilent.Count);
        foreach (var u in Units)
        {
            yield return new("submissions.submitted", u.Id, u.Submitted);
            yield return new("submissions.adopted", u.Id, u.Adopted);
            yield return new("submissions.adoption_rate", u.Id, BulletinFigure.Rate(u.Adopted, u.Submitted));
            yield return new("submissions.quota_met", u.Id, u.Met ? 1 : 0);
        }
    }
}
