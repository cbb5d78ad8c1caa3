using Hongling.Web.Domain;

namespace Hongling.Web.Features.Audit;

/// <summary>Chinese words for the audit log's actions, record types and field names.</summary>
public static class AuditLabels
{
    public static string Of(AuditAction a) => a switch
    {
        AuditAction.Created => "新增",
        AuditAction.Updated => "修改",
        AuditAction.Deleted => "删除",
        AuditAction.Viewed => "查看",
        _ => "",
    };

    public static string Entity(string type) => type switch
    {
        nameof(Member) => "党员",
        nameof(Organization) => "党组织",
        nameof(Transfer) => "关系转接",
        _ => type,
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(Member.Name)] = "姓名", [nameof(Member.Gender)] = "性别", [nameof(Member.Ethnicity)] = "民族",
        [nameof(Member.BirthDate)] = "出生日期", [nameof(Member.IdNumberMasked)] = "身份证号码", ["IdNumber"] = "完整身份证号码",
        [nameof(Member.Mobile)] = "手机号码", [nameof(Member.Education)] = "学历", [nameof(Member.JoinedOn)] = "入党日期",
        [nameof(Member.Status)] = "党员类别", [nameof(Member.OrganizationId)] = "所在组织(编号)", [nameof(Member.IsFloating)] = "流动党员",
        [nameof(Member.CardNumber)] = "红色身份证卡号", ["Photo"] = "照片", [nameof(Organization.Code)] = "组织编码", [nameof(Organization.Kind)] = "组织类别",
        [nameof(Organization.Category)] = "单位类别", [nameof(Organization.ParentId)] = "上级组织(编号)",
        [nameof(Transfer.State)] = "转接状态", [nameof(Transfer.FromName)] = "转出组织", [nameof(Transfer.ToName)] = "接收组织",
        [nameof(Transfer.LetterNumber)] = "介绍信编号", [nameof(Transfer.RejectReason)] = "退回原因", [nameof(Transfer.MemberName)] = "党员",
    };

    public static string Field(string name) => Fields.GetValueOrDefault(name, name);
}
