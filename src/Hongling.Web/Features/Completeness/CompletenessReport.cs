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
    int Organizations, int ProfilesMaintained, int WithAdministrators, int WithBackupAdministrators,
    int Members, int UpdatedThisMonth, int WithDuesStandard, int WithPhoto, int FieldsFilled, int FieldsExpected)
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
        public string Name { get; init; } = "";
        public string Branch { get; init; } = "";
        public DateTime UpdatedAt { get; init; }
        public bool HasDuesStandard { get; init; }
        public bool HasPhoto { get; init; }
        public int Filled { get; init; }
        public int Expected { get; init; }
    }

    /// <summary>The score as SQL, shared by the rates and the list of members that pull them down.</summary>
    public static readonly Expression<Func<Member, MemberScore>> Score = m => new MemberScore
    {
        MemberId = m.Id, Name = m.Name, Branch = m.Organization.Name, UpdatedAt = m.UpdatedAt,
        HasDuesStandard = m.DuesAmount != null, HasPhoto = m.PhotoUpdatedAt != null,
        Filled = (m.NativePlace != null ? 1 : 0) + (m.Occupation != null ? 1 : 0) + (m.WorkUnit != null ? 1 : 0) + (m.HomeAddress != null ? 1 : 0)
            + (m.PhotoUpdatedAt != null ? 1 : 0) + (m.DuesAmount != null ? 1 : 0) + (m.Status == MemberStatus.Full && m.FullMemberOn != null ? 1 : 0),
        Expected = m.Status == MemberStatus.Full ? 7 : 6,
    };

    /// <summary>What a member's record lacks, in the words the branch secretary uses.</summary>
    public static IEnumerable<string> Missing(Member m)
    {
        if (m.NativePlace is null) yield return "籍贯";
        if (m.Occupation is null) yield return "工作岗位";
        if (m.WorkUnit is null) yield return "工作单位";
        if (m.HomeAddress is null) yield return "家庭住址";
        if (m.PhotoUpdatedAt is null) yield return "照片";
        if (m.DuesAmount is null) yield return "党费标准";
        if (m.Status == MemberStatus.Full && m.FullMemberOn is null) yield return "转正日期";
    }

    public static async Task<CompletenessReport> ForAsync(HonglingDb db, string orgPath, int month, CancellationToken ct = default)
    {
        var (from, to) = ChinaTime.MonthBounds(month);
        var orgs = await db.AdministeredOrganizations.InSubtree(orgPath)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Maintained = g.Count(o => o.ProfileUpdatedAt >= from && o.ProfileUpdatedAt < to),
                Admins = g.Count(o => db.OrgAdministrators.Any(a => a.OrganizationId == o.Id && !a.IsBackup)),
                Backups = g.Count(o => db.OrgAdministrators.Any(a => a.OrganizationId == o.Id && a.IsBackup)),
            }).FirstOrDefaultAsync(ct);
        var members = await db.AdministeredMembers.InSubtree(orgPath).Select(Score)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Updated = g.Count(m => m.UpdatedAt >= from && m.UpdatedAt < to),
                Dues = g.Count(m => m.HasDuesStandard),
                Photo = g.Count(m => m.HasPhoto),
                Filled = g.Sum(m => m.Filled),
                Expected = g.Sum(m => m.Expected),
            }).FirstOrDefaultAsync(ct);
        return new CompletenessReport(orgs?.Count ?? 0, orgs?.Maintained ?? 0, orgs?.Admins ?? 0, orgs?.Backups ?? 0,
            members?.Count ?? 0, members?.Updated ?? 0, members?.Dues ?? 0, members?.Photo ?? 0, members?.Filled ?? 0, members?.Expected ?? 0);
    }
}
