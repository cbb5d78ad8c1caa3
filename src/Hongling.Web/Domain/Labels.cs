namespace Hongling.Web.Domain;

/// <summary>The Chinese words the UI shows for the domain's enums.</summary>
public static class Labels
{
    public static string Of(OrgKind k) =>
        k switch
        {
            OrgKind.Committee => "党委",
            OrgKind.WorkingCommittee => "党工委",
            OrgKind.GeneralBranch => "党总支",
            OrgKind.Branch => "党支部",
            OrgKind.Group => "党小组",
            _ => "",
        };

    public static string Of(OrgCategory c) =>
        c switch
        {
            OrgCategory.Organ => "机关",
            OrgCategory.Institution => "事业单位",
            OrgCategory.Enterprise => "企业",
            OrgCategory.NonPublic => "非公企业",
            OrgCategory.Village => "农村",
            OrgCategory.Community => "社区",
            OrgCategory.School => "学校",
            OrgCategory.Other => "其他",
            _ => "",
        };

    public static string Of(MemberStatus s) =>
        s switch
        {
            MemberStatus.Full => "正式党员",
            MemberStatus.Probationary => "预备党员",
            _ => "",
        };

    public static string Of(TransferState s) =>
        s switch
        {
            TransferState.Pending => "待接收",
            TransferState.Accepted => "已接收",
            TransferState.Rejected => "已退回",
            TransferState.Cancelled => "已撤销",
            _ => "",
        };

    public static string Of(PaymentMethod m) =>
        m switch
        {
            PaymentMethod.Cash => "现金",
            PaymentMethod.WeChat => "微信",
            PaymentMethod.Alipay => "支付宝",
            PaymentMethod.BankTransfer => "银行转账",
            PaymentMethod.Other => "其他",
            _ => "",
        };

    public static string Of(FloatingDirection d) => d == FloatingDirection.Out ? "流出" : "流入";

    public static string Of(Gender g) => g == Gender.Male ? "男" : "女";

    public static string Of(Education e) =>
        e switch
        {
            Education.Postgraduate => "研究生",
            Education.Bachelor => "大学本科",
            Education.College => "大学专科",
            Education.Secondary => "中专",
            Education.HighSchool => "高中",
            Education.MiddleSchoolOrBelow => "初中及以下",
            _ => "",
        };

    public static string Of(Degree d) =>
        d switch
        {
            Degree.Bachelor => "学士",
            Degree.Master => "硕士",
            Degree.Doctor => "博士",
            _ => "",
        };

    public static string Of(DevelopmentStage s) =>
        s switch
        {
            DevelopmentStage.Applicant => "入党申请人",
            DevelopmentStage.Activist => "入党积极分子",
            DevelopmentStage.Candidate => "发展对象",
            DevelopmentStage.Probationary => "预备党员",
            DevelopmentStage.Full => "正式党员",
            _ => "",
        };

    public static string Of(TransferKind k) =>
        k switch
        {
            TransferKind.Within => "平台内转接",
            TransferKind.Out => "转出平台",
            TransferKind.In => "从平台外转入",
            _ => "",
        };

    public static string Of(CorrectionState s) =>
        s switch
        {
            CorrectionState.Open => "待处理",
            CorrectionState.Done => "已更正",
            CorrectionState.Declined => "不予更正",
            _ => "",
        };

    public static string Of(MaterialColumn c) =>
        c switch
        {
            MaterialColumn.KnowledgeBase => "党建知识库",
            MaterialColumn.Special => "专题专栏",
            MaterialColumn.TenMinuteLesson => "十分钟党课",
            MaterialColumn.PolicyRegulation => "政策法规",
            MaterialColumn.PracticalSkills => "实用技术",
            MaterialColumn.RedForum => "红色讲坛",
            _ => "",
        };

    public static string Of(MaterialKind k) =>
        k switch
        {
            MaterialKind.Article => "文章",
            MaterialKind.Video => "视频课件",
            MaterialKind.Audio => "音频课件",
            MaterialKind.Link => "课件链接",
            MaterialKind.Document => "文档",
            _ => "",
        };

    public static string Of(ActivityKind k) =>
        k switch
        {
            ActivityKind.BranchMeeting => "支部党员大会",
            ActivityKind.CommitteeMeeting => "支委会",
            ActivityKind.GroupMeeting => "党小组会",
            ActivityKind.PartyLesson => "党课",
            ActivityKind.ThemeDay => "主题党日",
            ActivityKind.Volunteer => "志愿服务",
            ActivityKind.Other => "其他",
            _ => "",
        };

    public static string Of(ParticipantReply r) =>
        r switch
        {
            ParticipantReply.Pending => "未回复",
            ParticipantReply.Confirmed => "已确认参加",
            ParticipantReply.Leave => "请假",
            _ => "",
        };
}

/// <summary>The words for organization life (工作动态, 留言, 信息报送).</summary>
public static class OrgLifeLabels
{
    public static string Of(WorkUpdateKind k) =>
        k switch
        {
            WorkUpdateKind.Original => "原创",
            WorkUpdateKind.Excerpt => "摘录",
            WorkUpdateKind.Forward => "转发",
            WorkUpdateKind.Recommend => "推荐",
            _ => "",
        };

    public static string Of(MessageState s) =>
        s switch
        {
            MessageState.Unanswered => "待回复",
            MessageState.Answered => "已回复",
            MessageState.Closed => "已关闭",
            _ => "",
        };

    public static string Of(MessageRating r) => r == MessageRating.Satisfied ? "满意" : "不满意";

    public static string Of(SubmissionState s) =>
        s switch
        {
            SubmissionState.Submitted => "待审核",
            SubmissionState.Adopted => "已选用",
            SubmissionState.Declined => "未选用",
            _ => "",
        };

    /// <summary>"2 小时 5 分" for a response time.</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{(int)t.TotalDays} 天 {t.Hours} 小时"
        : t.TotalHours >= 1 ? $"{(int)t.TotalHours} 小时 {t.Minutes} 分"
        : $"{Math.Max(0, (int)t.TotalMinutes)} 分钟";
}
