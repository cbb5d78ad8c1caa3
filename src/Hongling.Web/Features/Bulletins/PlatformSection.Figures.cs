namespace Hongling.Web.Features.Bulletins;

public sealed partial record PlatformSection
{
    /// <summary>Every figure of the section: issuer-wide (UnitId null), per unit (UnitId = the unit's id) and for the
    /// issuer's own organization (UnitId = the issuer's id). A rate whose whole is zero (a unit without branches,
    /// members
    /// or administrators) is absent, not 0. Keys:
    /// <list type="bullet">
    /// <item><c>platform.organizations</c>: organizations (the unit's own included);</item>
    /// <item><c>platform.profiles_maintained</c>, <c>platform.profile_rate</c>: profiles maintained to date, over
    /// organizations;</item>
    /// <item><c>platform.administrators</c>: administrators (people); <c>platform.backup_administrators</c>: backup
    /// administrators (people);</item>
    /// <item><c>platform.orgs_with_administrator</c>, <c>platform.administrator_rate</c>: organizations with an
    /// administrator (配备率);</item>
    /// <item><c>platform.orgs_with_backup</c>, <c>platform.backup_rate</c>: organizations with a backup
    /// administrator;</item>
    /// <item><c>platform.members</c>: members at month end;</item>
    /// <item><c>platform.members_updated</c>, <c>platform.member_info_rate</c>: members whose information was updated
    /// to date (更新率);</item>
    /// <item><c>platform.transfers</c>: transfers handled in the month (人次);</item>
    /// <item><c>platform.work_updates</c>, <c>platform.notices</c>, <c>platform.activities</c>,
    /// <c>platform.album_photos</c>: rows of the month;</item>
    /// <item><c>platform.branches</c>: branches (党支部);</item>
    /// <item><c>platform.branches_with_work_update</c>, <c>platform.work_update_rate</c>: branches that published a
    /// work update (发布率);</item>
    /// <item><c>platform.branches_with_activity</c>, <c>platform.activity_rate</c>: branches that initiated an
    /// activity;</item>
    /// <item><c>platform.branches_with_notice</c>, <c>platform.notice_rate</c>: branches that published an
    /// announcement;</item>
    /// <item><c>platform.branches_with_album_photo</c>, <c>platform.album_photo_rate</c>: branches that uploaded an
    /// album photo;</item>
    /// <item><c>platform.messages_from_members</c>, <c>platform.messages_from_public</c>: messages received in the
    /// month; <c>platform.replies</c>: replies given;</item>
    /// <item><c>platform.thought_reporters</c>: members who reported their thoughts online (people);</item>
    /// <item><c>platform.administrators_signed_in</c>, <c>platform.administrator_signin_rate</c>: administrators who
    /// signed in (登录率);</item>
    /// <item><c>platform.member_signins</c>: members' sign-ins (人次);</item>
    /// <item><c>platform.members_signed_in</c>, <c>platform.member_usage_rate</c>: members who signed in, over members
    /// (使用率);</item>
    /// <item><c>platform.organ_members</c>, <c>platform.organ_members_signed_in</c>,
    /// <c>platform.organ_member_usage_rate</c>: the same for
    /// members of 机关 and 事业单位 organizations;</item>
    /// <item><c>platform.dues_standards</c>, <c>platform.dues_standard_rate</c>: members with a dues standard
    /// entered;</item>
    /// <item><c>platform.member_photos</c>, <c>platform.member_photo_rate</c>: members with a photo;</item>
    /// <item><c>platform.composite_rate</c>: the composite usage rate (综合使用率);</item>
    /// <item><c>platform.activities_rank</c>, <c>platform.composite_rank</c>: units only, 1-based ranks among the
    /// units;</item>
    /// <item>issuer-wide only: <c>platform.units_all_updated</c> (units at 100% information update),
    /// <c>platform.units_all_branches_published</c> (units whose branches all published),
    /// <c>platform.example_branches</c>
    /// (branches meeting the example rule), <c>platform.units_without_album_photo</c>,
    /// <c>platform.units_without_notice</c>,
    /// <c>platform.units_without_activity</c>, <c>platform.units_without_member_photo</c> (counts of the named
    /// lists).</item>
    /// </list></summary>
    public IEnumerable<BulletinFigure> Figures()
    {
        foreach (var f in RowFigures(Total, null))
            yield return f;
        foreach (var u in Units)
        foreach (var f in RowFigures(u, u.Id))
            yield return f;
        yield return new("platform.units_all_updated", null, UnitsAllUpdated.Count);
        yield return new("platform.units_all_branches_published", null, UnitsAllBranchesPublished.Count);
        yield return new("platform.example_branches", null, ExampleBranchCount);
        yield return new("platform.units_without_album_photo", null, UnitsWithoutAlbumPhoto.Count);
        yield return new("platform.units_without_notice", null, UnitsWithoutNotice.Count);
        yield return new("platform.units_without_activity", null, UnitsWithoutActivity.Count);
        yield return new("platform.units_without_member_photo", null, UnitsWithoutMemberPhoto.Count);
    }

    private static IEnumerable<BulletinFigure> RowFigures(PlatformCounts c, int? unit)
    {
        (string, decimal?)[] values =
        [
            ("organizations", c.Organizations),
            ("profiles_maintained", c.ProfilesMaintained),
            ("profile_rate", c.ProfileRate),
            ("administrators", c.Administrators),
            ("backup_administrators", c.BackupAdministrators),
            ("orgs_with_administrator", c.OrgsWithAdministrator),
            ("administrator_rate", c.AdministratorRate),
            ("orgs_with_backup", c.OrgsWithBackup),
            ("backup_rate", c.BackupRate),
            ("members", c.Members),
            ("members_updated", c.MembersUpdated),
            ("member_info_rate", c.MemberInfoRate),
            ("transfers", c.Transfers),
            ("work_updates", c.WorkUpdates),
            ("notices", c.Notices),
            ("activities", c.Activities),
            ("album_photos", c.AlbumPhotos),
            ("branches", c.Branches),
            ("branches_with_work_update", c.BranchesWithWorkUpdate),
            ("work_update_rate", c.WorkUpdateRate),
            ("branches_with_activity", c.BranchesWithActivity),
            ("activity_rate", c.ActivityRate),
            ("branches_with_notice", c.BranchesWithNotice),
            ("notice_rate", c.NoticeRate),
            ("branches_with_album_photo", c.BranchesWithAlbumPhoto),
            ("album_photo_rate", c.AlbumPhotoRate),
            ("messages_from_members", c.MessagesFromMembers),
            ("messages_from_public", c.MessagesFromPublic),
            ("replies", c.Replies),
            ("thought_reporters", c.ThoughtReporters),
            ("administrators_signed_in", c.AdministratorsSignedIn),
            ("administrator_signin_rate", c.AdministratorSignInRate),
            ("member_signins", c.MemberSignIns),
            ("members_signed_in", c.MembersSignedIn),
            ("member_usage_rate", c.MemberUsageRate),
            ("organ_members", c.OrganMembers),
            ("organ_members_signed_in", c.OrganMembersSignedIn),
            ("organ_member_usage_rate", c.OrganMemberUsageRate),
            ("dues_standards", c.WithDuesStandard),
            ("dues_standard_rate", c.DuesStandardRate),
            ("member_photos", c.WithMemberPhoto),
            ("member_photo_rate", c.MemberPhotoRate),
            ("composite_rate", c.CompositeRate),
            ("activities_rank", c.ActivitiesRank),
            ("composite_rank", c.CompositeRank),
        ];
        foreach (var (key, value) in values)
            if (value is { } v)
                yield return new BulletinFigure("platform." + key, unit, v);
    }
}
