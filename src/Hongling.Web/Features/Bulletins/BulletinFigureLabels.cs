namespace Hongling.Web.Features.Bulletins;

/// <summary>The figures the month-over-month comparison shows, by key, in the seed's words.</summary>
public static class BulletinFigureLabels
{
    /// <summary>Issuer-wide rates.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Rates =
    [
        ("sites.rule_share", "站点达标率"),
        ("submissions.adoption_rate", "信息选用率"),
        ("platform.composite_rate", "平台综合使用率"),
        ("platform.profile_rate", "党组织简介维护率"),
        ("platform.administrator_rate", "管理员配备率"),
        ("platform.member_info_rate", "党员信息更新率"),
        ("platform.work_update_rate", "工作动态发布率"),
        ("platform.activity_rate", "支部发起组织活动比例"),
        ("platform.notice_rate", "支部发布组织公告比例"),
        ("platform.album_photo_rate", "支部上传相册照片比例"),
        ("platform.administrator_signin_rate", "管理员登录率"),
        ("platform.member_usage_rate", "党员使用平台率"),
        ("platform.dues_standard_rate", "党费标准录入比例"),
        ("platform.member_photo_rate", "党员相片维护率"),
    ];

    /// <summary>Per-unit rates shown beside the rankings.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> UnitRates =
    [
        ("sites.rule_share", "站点达标率"),
        ("platform.composite_rate", "平台综合使用率"),
    ];

    /// <summary>Per-unit rankings.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Ranks =
    [
        ("sites.rank", "站点使用排名"),
        ("platform.composite_rank", "综合使用率排名"),
        ("platform.activities_rank", "组织活动排名"),
    ];
}
