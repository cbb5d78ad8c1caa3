using System.Linq.Expressions;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Completeness;

/// <summary>How complete and current an organization subtree's records are in one month, as the monthly
/// bulletin measures them (Jiangjin §三): profiles maintained, administrators configured, member information
/// updated, dues standards entered, photos present, and the overall completeness of the member records.
/// Every figure is an aggregate computed in the database.</summary>
public sealed record CompletenessReport(
    int Organizations,
    int ProfilesMaintained,
    int WithAdministrators,
    int WithBackupAdministrators,
    int Members,
    int UpdatedThisMonth,
    int WithDuesStandard,
    int WithPhoto,
    int FieldsFilled,
    int FieldsExpected
)
{
    public static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    public double ProfileRate => Rate(ProfilesMaintained, Organizations);
    public double AdministratorRate => Rate(WithAdministrators, Organizations);
    public double UpdateRate => Rate(UpdatedThisMonth, Members);
    public double DuesStandardRate => Rate(WithDuesStandard, Members);
    public double PhotoRate => Rate(WithPhoto, Members);

    /// <summary>Filled items over expected items, over all members (see <see cref="Score"/>).</summary>
    public double Completeness => Rate(FieldsFilled, FieldsExpected);

    /// <summary>One member's standing: the items of the member information set that the form cannot
    /// require (native place, occupation, work unit, home address, photo, dues standard, and for a full
    /// member the date of becoming full), how many are filled, and when the record was last updated.</summary>
    public sealed class MemberScore
    {
        public int MemberId { get; init; }
        public int OrganizationId { get; init; }
        public DateTime UpdatedAt { get; init; }
        public bool HasDuesStandard { get; init; }
        public bool HasPhoto { get; init; }
        public int Filled { get; init; }
        public int Expected { get; init; }
    }

    /// <summary>The score as SQL, shared by the rates and the list of members that pull them down. It reads only
    /// columns of the subtree's completeness index (MemberConfiguration), so that both scan that index and no
    /// member row: no name or branch here (the list reads those for its fifty members only).</summary>
    public static readonly Expression<Func<Member, MemberScore>> Score = m => new MemberScore
    {
        MemberId = m.Id,
        OrganizationId = m.OrganizationId,
        UpdatedAt = m.UpdatedAt,
        HasDuesStandard = m.DuesAmount != null,
        HasPhoto = m.PhotoUpdatedAt != null,
        Filled =
            (m.NativePlace != null ? 1 : 0)
            + (m.Occupation != null ? 1 : 0)
            + (m.WorkUnit != null ? 1 : 0)
            + (m.HomeAddress != null ? 1 : 0)
            + (m.PhotoUpdatedAt != null ? 1 : 0)
            + (m.DuesAmount != null ? 1 : 0)
            + (m.Status == MemberStatus.Full && m.FullMemberOn != null ? 1 : 0),
        Expected = m.Status == MemberStatus.Full ? 7 : 6,
    };

    /// <summary>What a member's record lacks, in the words the branch secretary uses.</summary>
    public static IEnumerable<string> Missing(Member m)
    {
        if (m.NativePlace is null)
            yield return "籍贯";
        if (m.Occupation is null)
            yield return "工作岗位";
        if (m.WorkUnit is null)
            yield return "工作单位";
        if (m.HomeAddress is null)
            yield return "家庭住址";
        if (m.PhotoUpdatedAt is null)
            yield return "照片";
        if (m.DuesAmount is null)
            yield return "党费标准";
        if (m.Status == MemberStatus.Full && m.FullMemberOn is null)
            yield return "转正日期";
    }

    /// <summary>The figures of the subtree at <paramref name="orgPath"/> for a China-time month: the sum of
    /// <see cref="PerOrganizationAsync"/> over the month.</summary>
    public static async Task<CompletenessReport> ForAsync(
        HonglingDb db,
        string orgPath,
        int month,
        CancellationToken ct = default
    )
    {
        var (from, to) = ChinaTime.MonthBounds(month);
        return Sum(await PerOrganizationAsync(db, orgPath, from, to, ct));
    }

    /// <summary>Adds up organizations' own figures (for a subtree, a unit, or any set of organizations).</summary>
    public static CompletenessReport Sum(IEnumerable<OrgCompleteness> orgs)
    {
        int n = 0,
            maintained = 0,
            admins = 0,
            backups = 0,
            members = 0,
            updated = 0,
            dues = 0,
            photo = 0,
            filled = 0,
            expected = 0;
        foreach (var o in orgs)
        {
            n++;
            if (o.ProfileMaintained)
                maintained++;
            if (o.HasAdministrator)
                admins++;
            if (o.HasBackupAdministrator)
                backups++;
            (members, updated, dues, photo) = (
                members + o.Members,
                updated + o.Updated,
                dues + o.WithDuesStandard,
                photo + o.WithPhoto
            );
            (filled, expected) = (filled + o.FieldsFilled, expected + o.FieldsExpected);
        }
        return new CompletenessReport(n, maintained, admins, backups, members, updated, dues, photo, filled, expected);
    }

    /// <summary>An organization's own members summed (see <see cref="PerOrganizationAsync"/>).</summary>
    public sealed record MemberSums(
        int OrganizationId,
        int Count,
        int Updated,
        int Dues,
        int Photo,
        int Filled,
        int Expected
    );

    /// <summary>The members of the subtree at <paramref name="orgPath"/> summed per organization, in one grouped
    /// query that reads the completeness index only (<see cref="Score"/>).</summary>
    public static IQueryable<MemberSums> SumsPerOrganization(
        HonglingDb db,
        string orgPath,
        DateTime from,
        DateTime to
    ) =>
        db
            .AdministeredMembers.InSubtree(orgPath)
            .Select(Score)
            .GroupBy(s => s.OrganizationId)
            .Select(g => new MemberSums(
                g.Key,
                g.Count(),
                g.Count(m => m.UpdatedAt >= from && m.UpdatedAt < to),
                g.Count(m => m.HasDuesStandard),
                g.Count(m => m.HasPhoto),
                g.Sum(m => m.Filled),
                g.Sum(m => m.Expected)
            ));

    /// <summary>The subtree's members whose records pull the rates down (an item missing, or not updated since
    /// <paramref name="from"/>): the least complete first; among equals, those not updated for the longest.</summary>
    public static IQueryable<MemberScore> Lagging(HonglingDb db, string orgPath, DateTime from) =>
        db
            .AdministeredMembers.InSubtree(orgPath)
            .Select(Score)
            .Where(s => s.Filled < s.Expected || s.UpdatedAt < from)
            .OrderBy(s => s.Filled)
            .ThenBy(s => s.UpdatedAt);

    /// <summary>Each organization of the subtree at <paramref name="orgPath"/> with its own figures (not its
    /// children's): whether its profile was maintained and its members' information updated within
    /// [<paramref name="from"/>, <paramref name="to"/>) — one month for the dashboard, the district's "截止月底"
    /// period for the bulletin — and its present members (departed ones are seen by no query). Two grouped
    /// queries, whatever the size of the subtree.</summary>
    public static async Task<IReadOnlyList<OrgCompleteness>> PerOrganizationAsync(
        HonglingDb db,
        string orgPath,
        DateTime from,
        DateTime to,
        CancellationToken ct = default
    )
    {
        var members = await SumsPerOrganization(db, orgPath, from, to).ToDictionaryAsync(x => x.OrganizationId, ct);
        var orgs = await db
            .AdministeredOrganizations.InSubtree(orgPath)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Path,
                o.Kind,
                Maintained = o.ProfileUpdatedAt >= from && o.ProfileUpdatedAt < to,
                Complete = o.Introduction != null
                    && o.Introduction != ""
                    && o.Address != null
                    && o.Address != ""
                    && o.Phone != null
                    && o.Phone != ""
                    && o.SecretaryId != null
                    && o.FoundedOn != null,
                Admin = db.OrgAdministrators.Any(a => a.OrganizationId == o.Id && !a.IsBackup),
                Backup = db.OrgAdministrators.Any(a => a.OrganizationId == o.Id && a.IsBackup),
            })
            .ToListAsync(ct);
        return
        [
            .. orgs.Select(o =>
                members.TryGetValue(o.Id, out var m)
                    ? new OrgCompleteness(
                        o.Id,
                        o.Name,
                        o.Path,
                        o.Kind,
                        o.Maintained,
                        o.Complete,
                        o.Admin,
                        o.Backup,
                        m.Count,
                        m.Updated,
                        m.Dues,
                        m.Photo,
                        m.Filled,
                        m.Expected
                    )
                    : new OrgCompleteness(
                        o.Id,
                        o.Name,
                        o.Path,
                        o.Kind,
                        o.Maintained,
                        o.Complete,
                        o.Admin,
                        o.Backup,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0
                    )
            ),
        ];
    }
}

/// <summary>One organization's own completeness figures (see <see
/// cref="CompletenessReport.PerOrganizationAsync"/>).</summary>
/// <param name="ProfileComplete">The profile (走进组织) has every item: introduction, address, phone, secretary and
/// founding date.</param>
/// <param name="HasAdministrator">At least one administrator (管理员), backups not counted.</param>
/// <param name="HasBackupAdministrator">At least one backup administrator (后备管理员).</param>
public sealed record OrgCompleteness(
    int Id,
    string Name,
    string Path,
    OrgKind Kind,
    bool ProfileMaintained,
    bool ProfileComplete,
    bool HasAdministrator,
    bool HasBackupAdministrator,
    int Members,
    int Updated,
    int WithDuesStandard,
    int WithPhoto,
    int FieldsFilled,
    int FieldsExpected
);
