namespace Hongling.Web.Features.Bulletins;

/// <summary>One row of 附件2 (a unit over its subtree, the issuer's own organization, or the issuer's whole subtree):
/// the counts behind section 三. See <see cref="PlatformSection"/> for each count's definition and the rule it
/// follows; the rates are derived here, null when their whole is zero (a rate that does not apply).</summary>
public sealed record PlatformCounts(
    int Id,
    string Name,
    bool IsIssuerItself,
    int Organizations,
    int ProfilesMaintained,
    int OrgsWithAdministrator,
    int OrgsWithBackup,
    int Administrators,
    int BackupAdministrators,
    int AdministratorsSignedIn,
    int Members,
    int MembersUpdated,
    int WithDuesStandard,
    int WithMemberPhoto,
    int MembersSignedIn,
    int MemberSignIns,
    int Transfers,
    int WorkUpdates,
    int Notices,
    int Activities,
    int AlbumPhotos,
    int MessagesFromMembers,
    int MessagesFromPublic,
    int Replies,
    int ThoughtReporters,
    int Branches,
    int BranchesWithWorkUpdate,
    int BranchesWithActivity,
    int BranchesWithNotice,
    int BranchesWithAlbumPhoto,
    int OrganMembers,
    int OrganMembersSignedIn,
    decimal? CompositeRate,
    int? ActivitiesRank = null,
    int? CompositeRank = null
)
{
    public decimal? ProfileRate => Rate(ProfilesMaintained, Organizations);
    public decimal? AdministratorRate => Rate(OrgsWithAdministrator, Organizations);
    public decimal? BackupRate => Rate(OrgsWithBackup, Organizations);
    public decimal? MemberInfoRate => Rate(MembersUpdated, Members);
    public decimal? WorkUpdateRate => Rate(BranchesWithWorkUpdate, Branches);
    public decimal? ActivityRate => Rate(BranchesWithActivity, Branches);
    public decimal? NoticeRate => Rate(BranchesWithNotice, Branches);
    public decimal? AlbumPhotoRate => Rate(BranchesWithAlbumPhoto, Branches);
    public decimal? AdministratorSignInRate => Rate(AdministratorsSignedIn, Administrators);
    public decimal? MemberUsageRate => Rate(MembersSignedIn, Members);

    /// <summary>Members of 机关 and 事业单位 organizations who signed in, over those members (a target of the
    /// seed).</summary>
    public decimal? OrganMemberUsageRate => Rate(OrganMembersSignedIn, OrganMembers);
    public decimal? DuesStandardRate => Rate(WithDuesStandard, Members);
    public decimal? MemberPhotoRate => Rate(WithMemberPhoto, Members);

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : BulletinFigure.Rate(part, whole);

    /// <summary>The composite usage rate of these counts under <paramref name="w"/> (see <see
    /// cref="CompositeWeights"/>).</summary>
    public decimal? Composite(CompositeWeights w) =>
        CompositeWeights.Index([
            (ProfilesMaintained, Organizations, w.Profiles),
            (OrgsWithAdministrator, Organizations, w.Administrators),
            (MembersUpdated, Members, w.MemberInfo),
            (BranchesWithActivity, Branches, w.Activities),
            (BranchesWithWorkUpdate, Branches, w.WorkUpdates),
            (BranchesWithNotice, Branches, w.Notices),
            (BranchesWithAlbumPhoto, Branches, w.AlbumPhotos),
            (AdministratorsSignedIn, Administrators, w.AdministratorSignIns),
            (MembersSignedIn, Members, w.MemberUsage),
            (WithDuesStandard, Members, w.DuesStandards),
            (WithMemberPhoto, Members, w.MemberPhotos),
        ]);
}

/// <summary>The running sums of one row while the section's queries are rolled up; people are kept as sets, so
/// that one person counts once per row however many organizations of the row they touch.</summary>
internal sealed class PlatformTally(int id, string name, bool itself)
{
    public int Organizations,
        ProfilesMaintained,
        OrgsWithAdministrator,
        OrgsWithBackup;
    public int Members,
        MembersUpdated,
        WithDuesStandard,
        WithMemberPhoto,
        MembersSignedIn,
        MemberSignIns;
    public int Transfers,
        WorkUpdates,
        Notices,
        Activities,
        AlbumPhotos,
        MessagesReceived,
        MessagesFromPublic,
        Replies;
    public int Branches,
        BranchesWithWorkUpdate,
        BranchesWithActivity,
        BranchesWithNotice,
        BranchesWithAlbumPhoto;
    public int OrganMembers,
        OrganMembersSignedIn;
    public readonly HashSet<string> Administrators = [],
        BackupAdministrators = [],
        AdministratorsSignedIn = [];
    public readonly HashSet<int> ThoughtReporters = [];

    public PlatformCounts Freeze(CompositeWeights weights)
    {
        var counts = new PlatformCounts(
            id,
            name,
            itself,
            Organizations,
            ProfilesMaintained,
            OrgsWithAdministrator,
            OrgsWithBackup,
            Administrators.Count,
            BackupAdministrators.Count,
            AdministratorsSignedIn.Count,
            Members,
            MembersUpdated,
            WithDuesStandard,
            WithMemberPhoto,
            MembersSignedIn,
            MemberSignIns,
            Transfers,
            WorkUpdates,
            Notices,
            Activities,
            AlbumPhotos,
            MessagesReceived - MessagesFromPublic,
            MessagesFromPublic,
            Replies,
            ThoughtReporters.Count,
            Branches,
            BranchesWithWorkUpdate,
            BranchesWithActivity,
            BranchesWithNotice,
            BranchesWithAlbumPhoto,
            OrganMembers,
            OrganMembersSignedIn,
            null
        );
        return counts with { CompositeRate = counts.Composite(weights) };
    }
}
