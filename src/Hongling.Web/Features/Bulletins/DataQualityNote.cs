using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>One unit's (or the issuer's own organization's) data-quality counts, each over its subtree.</summary>
public sealed record QualityUnitRow(
    int Id,
    string Name,
    bool IsIssuerItself,
    int Organizations,
    int OrganizationsWithoutMembers,
    int BranchesWithoutMembers,
    int Members,
    int MembersWithoutAccount
);

/// <summary>The site records the figures rest on: counted sessions entered by hand, this month's sessions that arrived
/// after it closed (not counted), and records of earlier months received this month (of which late).</summary>
public sealed record SiteRecordQuality(int ManualSessions, int LateSessions, int EarlierArrived, int EarlierLate);

/// <summary>What the bulletin's figures rest on (the 数据质量说明): organizations without members (every rate
/// over organizations counts them in its denominator), members without an account (红色身份证, so without sign-ins or
/// online study), and the site records entered by hand or arriving late. Counts are of the state when the bulletin is
/// generated (members in their present organization; departed members are in no count), and the site records are
/// <see cref="SitesSection"/>'s. Sign-in records are not tied to organizations yet, so no figure is given about them.
/// <para>Figure keys (UnitId null: the issuer's subtree; a unit's id; the issuer's id for the issuer's own organization
/// row, i.e. the issuer minus its units):
/// <list type="bullet">
/// <item><c>quality.organizations</c> (null, unit): organizations in the subtree, the unit itself included.</item>
/// <item><c>quality.orgs_without_members</c> (null, unit): of which no member in their own subtree.</item>
/// <item><c>quality.orgs_without_members_rate</c> (null, unit): orgs_without_members over organizations.</item>
/// <item><c>quality.branches_without_members</c> (null, unit): branches (党支部) without members.</item>
/// <item><c>quality.members</c> (null, unit): members (正式 and 预备) in the subtree.</item>
/// <item><c>quality.members_without_account</c> (null, unit): members without a red card account.</item>
/// <item><c>quality.members_without_account_rate</c> (null, unit): members_without_account over members.</item>
/// <item><c>quality.site_manual_sessions</c>, <c>quality.site_late_sessions</c>, <c>quality.site_earlier_arrived</c>,
/// <c>quality.site_earlier_late</c> (null): as <c>sites.manual_sessions</c> … <c>sites.earlier_late</c>; absent
/// without sites.</item>
/// </list></para></summary>
public sealed record DataQualityNote(
    int Month,
    QualityUnitRow Total,
    IReadOnlyList<QualityUnitRow> Units,
    IReadOnlyList<NamedUnit> EmptyOrganizations,
    SiteRecordQuality? SiteRecords
)
{
    /// <summary>At most this many organizations without members are named; the count covers them all.</summary>
    public const int NamedEmptyOrganizations = 20;

    private sealed record OrgRow(int Id, string Name, string Path, OrgKind Kind);

    private sealed record MemberRow(string OrgPath, int Members, int WithoutAccount);

    /// <param name="sites">The bulletin's section 一, whose site-record counts the note repeats (none without
    /// data).</param>
    public static async Task<DataQualityNote> ForAsync(
        HonglingDb db,
        ScopedOrg issuer,
        BulletinPeriod period,
        SitesSection? sites,
        CancellationToken ct = default
    )
    {
        var units = await OrgUnits.ForAsync(db, issuer, ct);
        var orgs = await db
            .Organizations.InSubtree(issuer.Path)
            .OrderBy(o => o.Path)
            .Select(o => new OrgRow(o.Id, o.Name, o.Path, o.Kind))
            .ToListAsync(ct);
        var members = await db
            .Members.InSubtree(issuer.Path)
            .GroupBy(m => m.OrgPath)
            .Select(g => new MemberRow(g.Key, g.Count(), g.Count(m => m.CardNumber == null)))
            .ToListAsync(ct);

        // An organization holds members when some member's path starts with its path: mark every ancestor of those
        // paths.
        var holding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in members.Where(m => m.Members > 0))
            for (var i = m.OrgPath.IndexOf('/', 1); i >= 0; i = m.OrgPath.IndexOf('/', i + 1))
                holding.Add(m.OrgPath[..(i + 1)]);
        var empty = orgs.Where(o => !holding.Contains(o.Path)).ToList();

        var orgCount = units.RollUp(orgs, o => o.Path, _ => 1);
        var emptyCount = units.RollUp(empty, o => o.Path, _ => 1);
        var emptyBranches = units.RollUp(empty.Where(o => o.Kind == OrgKind.Branch), o => o.Path, _ => 1);
        var memberCount = units.RollUp(members, m => m.OrgPath, m => m.Members);
        var withoutAccount = units.RollUp(members, m => m.OrgPath, m => m.WithoutAccount);
        QualityUnitRow Row(int id, string name, bool itself) =>
            new(
                id,
                name,
                itself,
                orgCount.GetValueOrDefault(id),
                emptyCount.GetValueOrDefault(id),
                emptyBranches.GetValueOrDefault(id),
                memberCount.GetValueOrDefault(id),
                withoutAccount.GetValueOrDefault(id)
            );

        var rows = units.List.Select(u => Row(u.Id, u.Name, false)).ToList();
        rows.Add(Row(issuer.Id, issuer.Name + "(本级)", true));
        var total = new QualityUnitRow(
            issuer.Id,
            issuer.Name,
            true,
            orgs.Count,
            empty.Count,
            empty.Count(o => o.Kind == OrgKind.Branch),
            members.Sum(m => m.Members),
            members.Sum(m => m.WithoutAccount)
        );
        return new DataQualityNote(
            period.Month,
            total,
            rows,
            [.. empty.Take(NamedEmptyOrganizations).Select(o => new NamedUnit(o.Id, o.Name))],
            sites is { HasData: true } s
                ? new SiteRecordQuality(
                    s.Total.ManualSessions,
                    s.Total.LateSessions,
                    s.Total.EarlierArrived,
                    s.Total.EarlierLate
                )
                : null
        );
    }

    public IEnumerable<BulletinFigure> Figures()
    {
        foreach (var f in RowFigures(Total, null))
            yield return f;
        foreach (var u in Units)
        foreach (var f in RowFigures(u, u.Id))
            yield return f;
        if (SiteRecords is { } s)
        {
            yield return new("quality.site_manual_sessions", null, s.ManualSessions);
            yield return new("quality.site_late_sessions", null, s.LateSessions);
            yield return new("quality.site_earlier_arrived", null, s.EarlierArrived);
            yield return new("quality.site_earlier_late", null, s.EarlierLate);
        }
    }

    private static IEnumerable<BulletinFigure> RowFigures(QualityUnitRow r, int? unit) =>
        [
            new("quality.organizations", unit, r.Organizations),
            new("quality.orgs_without_members", unit, r.OrganizationsWithoutMembers),
            new(
                "quality.orgs_without_members_rate",
                unit,
                BulletinFigure.Rate(r.OrganizationsWithoutMembers, r.Organizations)
            ),
            new("quality.branches_without_members", unit, r.BranchesWithoutMembers),
            new("quality.members", unit, r.Members),
            new("quality.members_without_account", unit, r.MembersWithoutAccount),
            new("quality.members_without_account_rate", unit, BulletinFigure.Rate(r.MembersWithoutAccount, r.Members)),
        ];
}
