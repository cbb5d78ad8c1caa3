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
        Data.HonglingDb.IdNumberCheck => "身份证号码核查",
        nameof(Organization) => "党组织",
        nameof(Transfer) => "关系转接",
        nameof(Recruit) => "发展党员",
        nameof(Material) => "学习资料",
        nameof(Lesson) => "十分钟党课",
        nameof(WorkUpdate) => "工作动态",
        nameof(Notice) => "组织公告",
        nameof(Submission) => "信息报送",
        nameof(SubmissionSettings) => "信息报送设置",
        nameof(ExamApproval) => "考生参考审批",
        _ => type,
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(Member.Name)] = "姓名", [nameof(Member.Gender)] = "性别", [nameof(Member.Ethnicity)] = "民族",
        [nameof(Member.BirthDate)] = "出生日期", [nameof(Member.IdNumberMasked)] = "身份证号码", ["IdNumber"] = "完整身份证号码", [Data.HonglingDb.IdNumberCheck] = "核查结果",
        [nameof(Member.Mobile)] = "手机号码", [nameof(Member.Education)] = "学历", [nameof(Member.JoinedOn)] = "入党日期",
        [nameof(Member.Status)] = "党员类别", [nameof(Member.OrganizationId)] = "所在组织(编号)", [nameof(Member.IsFloating)] = "流动党员",
        [nameof(Member.CardNumber)] = "红色身份证卡号", ["Photo"] = "照片", [nameof(Organization.Code)] = "组织编码", [nameof(Organization.Kind)] = "组织类别",
        [nameof(Organization.Category)] = "单位类别", [nameof(Organization.ParentId)] = "上级组织(编号)",
        [nameof(Transfer.State)] = "转接状态", [nameof(Transfer.FromName)] = "转出组织", [nameof(Transfer.ToName)] = "接收组织",
        [nameof(Transfer.LetterNumber)] = "介绍信编号", [nameof(Transfer.RejectReason)] = "退回原因", [nameof(Transfer.MemberName)] = "党员",
        [nameof(Transfer.Kind)] = "转接类型", [nameof(Transfer.Note)] = "备注", [nameof(Transfer.MemberId)] = "党员(编号)",
        [nameof(Transfer.FromOrganizationId)] = "转出组织(编号)", [nameof(Transfer.ToOrganizationId)] = "接收组织(编号)",
        [nameof(Transfer.StartedAt)] = "发起时间", [nameof(Transfer.StartedBy)] = "发起人", [nameof(Transfer.DecidedAt)] = "办理时间",
        [nameof(Transfer.DecidedBy)] = "办理人", [nameof(Member.LeftOn)] = "转出平台日期",
        [nameof(Recruit.Stage)] = "发展阶段", [nameof(Recruit.AppliedOn)] = "递交入党申请日期", [nameof(Recruit.ActivistOn)] = "确定为入党积极分子日期",
        [nameof(Recruit.CandidateOn)] = "确定为发展对象日期", [nameof(Recruit.AdmittedOn)] = "接收为预备党员日期", [nameof(Recruit.FullOn)] = "转正日期",
        [nameof(Member.FullMemberOn)] = "转正日期", [nameof(Member.NativePlace)] = "籍贯", [nameof(Member.Degree)] = "学位",
        [nameof(Member.Occupation)] = "工作岗位", [nameof(Member.WorkUnit)] = "工作单位", [nameof(Member.Position)] = "职务",
        [nameof(Member.HomeAddress)] = "家庭住址", [nameof(Organization.Introduction)] = "组织简介", [nameof(Organization.Address)] = "办公地址",
        [nameof(Organization.Phone)] = "联系电话", [nameof(Organization.SecretaryId)] = "书记(编号)", [nameof(Organization.FoundedOn)] = "成立日期",
        [nameof(Organization.ProfileUpdatedAt)] = "简介维护时间", [nameof(Organization.ProfileUpdatedBy)] = "简介维护人",
        [nameof(CorrectionRequest.Text)] = "更正内容", [nameof(CorrectionRequest.Reply)] = "回复", [nameof(CorrectionRequest.HandledAt)] = "处理时间",
        [nameof(CorrectionRequest.HandledBy)] = "处理人",
        [nameof(Material.Title)] = "标题", [nameof(Material.Column)] = "栏目", [nameof(Material.Body)] = "正文", [nameof(Material.Url)] = "课件地址",
        [nameof(Material.FileType)] = "文件类型", [nameof(Material.FileSize)] = "文件大小", [nameof(Material.EstimatedMinutes)] = "预计学习时长(分钟)",
        [nameof(Material.PublishAt)] = "发布时间", [nameof(Material.Withdrawn)] = "已撤回", [nameof(Material.CreatedAt)] = "创建时间",
        [nameof(Material.CreatedBy)] = "创建人", [nameof(Lesson.AudiencePath)] = "发布范围", [nameof(Lesson.AudienceIncludesSubtree)] = "含下级组织",
        [nameof(Lesson.MaterialId)] = "学习资料(编号)", [nameof(Lesson.ScheduledAt)] = "党课时间", [nameof(Lesson.OrganizationId)] = "党支部(编号)",
        [nameof(ExamApproval.ExamId)] = "考试(编号)", [nameof(ExamApproval.RegistrantId)] = "报名人员(编号)",
        [nameof(ExamApproval.ApprovedAt)] = "批准时间", [nameof(ExamApproval.ApprovedBy)] = "批准人",
        [nameof(WorkUpdate.Title)] = "标题", [nameof(WorkUpdate.Body)] = "正文", [nameof(WorkUpdate.Source)] = "来源", [nameof(WorkUpdate.Column)] = "专题专栏",
        [nameof(WorkUpdate.PublishedAt)] = "发布时间", [nameof(WorkUpdate.PublishedBy)] = "发布人", [nameof(Notice.AudiencePath)] = "发布范围",
        [nameof(Notice.AudienceIncludesSubtree)] = "发给下级组织党员", [nameof(Submission.Author)] = "作者", [nameof(Submission.SubmittedAt)] = "报送时间",
        [nameof(Submission.SubmittedBy)] = "报送人", [nameof(Submission.DeclineReason)] = "未选用原因", [nameof(SubmissionSettings.MonthlyQuota)] = "每月选用任务",
    };

    public static string Field(string name) => Fields.GetValueOrDefault(name, name);
}
