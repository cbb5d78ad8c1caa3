using Hongling.Web.Domain;

namespace Hongling.Web.Infrastructure.Rules;

/// <summary>Every named error the platform answers, in one place: the stable code API clients match on (never
/// renamed once published), the Chinese message users read, and the status an API answers with. Domain rules throw
/// them in a <see cref="RuleException"/>; the JSON APIs answer them as problems (<see cref="Problems"/>); the
/// generic ones at the top are what the pipeline itself answers (401, 404, 429, ...) when no endpoint said more.
/// Messages that depend on the case are methods; their code stays the same whatever the arguments.</summary>
public static partial class RuleErrors
{
    // ---- The pipeline's own answers, one per status ----------------------------------------------------------
    public static readonly RuleError BadRequest = new("bad_request", "请求内容或参数不正确,请检查后重试");
    public static readonly RuleError Unauthorized = new("unauthorized", "请先登录后再访问", 401);
    public static readonly RuleError Forbidden = new("forbidden", "您没有进行此操作的权限", 403);
    public static readonly RuleError NotFound = new("not_found", "没有找到请求的对象,或它不在您管辖的范围内", 404);
    public static readonly RuleError MethodNotAllowed = new("method_not_allowed", "不支持该请求方式", 405);
    public static readonly RuleError Conflict = new("conflict", "请求与当前数据冲突,未保存", 409);
    public static readonly RuleError PayloadTooLarge = new("payload_too_large", "请求内容过大", 413);
    public static readonly RuleError UnsupportedMediaType = new("unsupported_media_type", "不支持该内容格式", 415);
    public static readonly RuleError RateLimited = new("rate_limited", "请求过于频繁,请稍后再试", 429);
    public static readonly RuleError ServerError = new(
        "server_error",
        "系统出错了,请稍后再试;如多次出现,请联系管理员",
        500
    );

    /// <summary>The generic error of a status, for answers no endpoint described (an empty 404, a crash).</summary>
    public static RuleError ForStatus(int status) =>
        status switch
        {
            400 => BadRequest,
            401 => Unauthorized,
            403 => Forbidden,
            404 => NotFound,
            405 => MethodNotAllowed,
            409 => Conflict,
            413 => PayloadTooLarge,
            415 => UnsupportedMediaType,
            429 => RateLimited,
            >= 500 => ServerError with { Status = status },
            _ => new("request_failed", "请求失败,请稍后再试", status),
        };

    // ---- Organizations and members ---------------------------------------------------------------------------
    public static readonly RuleError OrgNotFound = new("org_not_found", "没有找到该组织,或它不在您管辖的范围内", 404);
    public static readonly RuleError MemberNotFound = new(
        "member_not_found",
        "没有找到该党员,或其不在您管辖的范围内",
        404
    );
    public static readonly RuleError MemberBranchOnly = new("member_branch_only", "党员只能编入党支部");
    public static readonly RuleError OrgNameRequired = new("org_name_required", "请填写组织名称(不超过100字)");
    public static readonly RuleError OrgCodeInvalid = new(
        "org_code_invalid",
        "组织编码只能由大写字母和数字组成,不超过24位"
    );
    public static readonly RuleError OrgCodeTaken = new("org_code_taken", "该组织编码已被使用", 409);

    public static RuleError OrgKindNotAllowed(OrgKind parent, OrgKind child) =>
        new("org_kind_not_allowed", $"{Labels.Of(parent)}下不能设立{Labels.Of(child)}");

    public static readonly RuleError OrgParentRequired = new("org_parent_required", "请填写新的上级组织编码");
    public static readonly RuleError OrgParentUnknown = new(
        "org_parent_unknown",
        "没有这个组织编码,或不在您的管理范围内"
    );
    public static readonly RuleError OrgMoveIntoOwnSubtree = new(
        "org_move_into_own_subtree",
        "不能移到本组织或其下级组织之下"
    );
    public static readonly RuleError OrgAlreadyUnderParent = new("org_already_under_parent", "已在该组织之下");
    public static readonly RuleError OrgHasChildren = new("org_has_children", "该组织还有下级组织,不能撤销", 409);
    public static readonly RuleError OrgHasMembers = new("org_has_members", "该组织还有党员,请先转出党员再撤销", 409);
    public static readonly RuleError OrgKeepsDepartedMembers = new(
        "org_keeps_departed_members",
        "该组织保留着已转出本平台党员的记录,不能撤销",
        409
    );
    public static readonly RuleError OrgIsRoot = new("org_is_root", "不能撤销最上级组织", 409);
    public static readonly RuleError OrgHasRecords = new(
        "org_has_records",
        "该组织还有相关记录(如党费、转接),不能撤销",
        409
    );

    // ---- Relationship transfers ------------------------------------------------------------------------------
    public static readonly RuleError TransferUnknownOrgCode = new(
        "transfer_unknown_org_code",
        "没有这个组织编码,请向接收方核对"
    );
    public static readonly RuleError TransferToBranchOnly = new("transfer_to_branch_only", "只能转入党支部");
    public static readonly RuleError TransferToSameOrg = new("transfer_to_same_org", "接收组织与党员所在组织相同");
    public static readonly RuleError TransferToNameRequired = new(
        "transfer_to_name_required",
        "请填写接收党组织的名称"
    );
    public static readonly RuleError TransferFromNameRequired = new(
        "transfer_from_name_required",
        "请填写开具介绍信的党组织"
    );
    public static readonly RuleError LetterNumberRequired = new("letter_number_required", "请填写介绍信编号");
    public static readonly RuleError LetterNumberTaken = new("letter_number_taken", "该介绍信编号已登记过,请核对", 409);
    public static readonly RuleError TransferPending = new("transfer_pending", "该党员已有一笔待接收的转接", 409);
    public static readonly RuleError TransferPresentMember = new(
        "transfer_present_member",
        "该身份证号码已是本平台党员,不能从平台外转入;如需转接,请由其所在组织在平台内发起转接",
        409
    );
    public static readonly RuleError RejectReasonRequired = new("transfer_reject_reason_required", "请填写退回原因");
    public static readonly RuleError TransferReceiverOnly = new(
        "transfer_receiver_only",
        "只有接收组织的管理员可以接收或退回",
        403
    );
    public static readonly RuleError TransferSenderOnly = new(
        "transfer_sender_only",
        "只有转出组织的管理员可以撤销",
        403
    );
    public static readonly RuleError TransferOwnOrgOnly = new(
        "transfer_own_org_only",
        "只有本组织的管理员可以办理",
        403
    );
    public static readonly RuleError TransferAccepted = new(
        "transfer_already_accepted",
        "该转接已被接收,不能重复处理",
        409
    );
    public static readonly RuleError TransferRejected = new("transfer_already_rejected", "该转接已被退回", 409);
    public static readonly RuleError TransferCancelled = new("transfer_already_cancelled", "该转接已被撤销", 409);
    public static readonly RuleError TransferDecided = new("transfer_already_decided", "该转接已处理", 409);
    public static readonly RuleError TransferOutNotRejectable = new(
        "transfer_out_not_rejectable",
        "转出平台的转接不能退回;对方不接收时请撤销"
    );
    public static readonly RuleError TransferMemberGone = new(
        "transfer_member_out_of_scope",
        "该党员已不在本组织管辖范围内,请撤销此转接",
        409
    );
    public static readonly RuleError TransferRaced = new("transfer_raced", "该转接刚刚已被他人处理,请刷新后查看", 409);
    public static readonly RuleError TransferNumberRaced = new(
        "transfer_number_raced",
        "介绍信编号或身份证号码刚刚已被登记,请核对后重试",
        409
    );

    // ---- New-member development (发展党员) --------------------------------------------------------------------
    public static RuleError StepDateRequired(string step) => new("development_date_required", $"请填写{step}日期");

    public static RuleError StepRepeated(string name, string stage, string step) =>
        new("development_step_repeated", $"{name} 已是{stage},不能重复{step}", 409);

    public static RuleError StepSkipped(string next) =>
        new(
            "development_step_skipped",
            $"须按“入党申请人→入党积极分子→发展对象→预备党员→正式党员”逐步进行,不能跳过“{next}”"
        );

    public static RuleError StepDateInFuture(string step) =>
        new("development_date_in_future", $"{step}日期不能晚于今天");

    public static RuleError StepDateBeforePrevious(string step, string previousStep, DateOnly previous) =>
        new("development_date_before_previous", $"{step}日期不能早于{previousStep}日期({previous:yyyy年M月d日})");

    public static RuleError TrainingYearNotOver(DateOnly earliest) =>
        new(
            "development_training_year",
            $"入党积极分子须经一年以上培养教育才能确定为发展对象,最早可在{earliest:yyyy年M月d日}确定"
        );

    public static readonly RuleError AdmitOnItsOwnPage = new(
        "development_admit_on_its_page",
        "接收为预备党员须同时填写党员信息,请在“接收为预备党员”页办理"
    );
    public static readonly RuleError RecruitWithoutMember = new(
        "development_no_member_record",
        "该人员没有对应的党员档案,无法办理转正"
    );
    public static readonly RuleError FullMemberGone = new(
        "development_member_out_of_scope",
        "该党员已不在您管辖的党组织(可能已转接),请由其所在党组织办理转正",
        409
    );

    public static RuleError AlreadyFull(string name) => new("development_already_full", $"{name} 已是正式党员", 409);

    public static readonly RuleError FullDateRequired = new("development_date_required", "请填写转正日期");
    public static readonly RuleError FullDateInFuture = new("development_date_in_future", "转正日期不能晚于今天");

    public static RuleError ProbationYearNotOver(string name, DateOnly joined, DateOnly due) =>
        new(
            "development_probation_year",
            $"预备期为一年:{name} 于{joined:yyyy年M月d日}接收为预备党员,最早可在{due:yyyy年M月d日}转为正式党员"
        );

    public static readonly RuleError DevelopmentRaced = new(
        "development_raced",
        "该人员的发展阶段刚刚已被他人更新,请刷新后查看",
        409
    );

    // ---- Study (the reader's API) ----------------------------------------------------------------------------
    public static readonly RuleError StudyMembersOnly = new("study_members_only", "只有党员可以学习资料", 403);
    public static readonly RuleError MaterialRequired = new("study_material_required", "请指明要学习的资料");
    public static readonly RuleError MaterialNotFound = new("material_not_found", "没有找到这份资料", 404);
    public static readonly RuleError StudySessionNotFound = new("study_session_not_found", "没有找到这次学习", 404);
    public static readonly RuleError BeatSessionMissing = new("beat_session_missing", "心跳缺少学习编号");
    public static readonly RuleError BeatSeqInvalid = new("beat_seq_invalid", "心跳序号无效");
    public static readonly RuleError BeatSeqJump = new("beat_seq_jump", "心跳序号跳跃过大");
    public static readonly RuleError BeatReplayed = new("beat_replayed", "这次心跳已经收到过,不再计入", 409);
    public static readonly RuleError StudySessionClosed = new(
        "study_session_closed",
        "这次学习已经结束,心跳不再计入",
        409
    );

    // ---- Remote-education site registry (站点台账: Features/Sites/SiteInput, SiteSave, SiteStaff) ----------------
    public static readonly RuleError SiteCodeMalformed = new(
        "site_code_malformed",
        "站点编码只能由字母、数字和“-”组成,不超过32位"
    );

    public static RuleError SiteCodeTaken(string code) => new("site_code_taken", $"站点编码“{code}”已被使用", 409);

    /// <summary>The code was free when checked and taken by another administrator before the insert.</summary>
    public static RuleError SiteCodeJustTaken(string code) =>
        new("site_code_taken", $"站点编码“{code}”刚刚已被使用,请换一个", 409);

    public static readonly RuleError SiteBuiltInFuture = new("site_built_in_future", "建成日期不能晚于今天");
    public static readonly RuleError SiteKindRequired = new("site_kind_required", "请选择站点类型");
    public static readonly RuleError SiteBroadbandInvalid = new("site_broadband_invalid", "请选择宽带情况");
    public static readonly RuleError SiteStatusInvalid = new("site_status_invalid", "请选择站点状态");
    public static readonly RuleError SiteOrgNotFound = new(
        "site_org_not_found",
        "没有找到该党组织,或它不在您管辖的范围内",
        404
    );

    /// <summary>A site administrator or operator (<paramref name="role"/>) must be a member of the site's
    /// organization.</summary>
    public static RuleError SiteStaffCardNotFound(string role, string card) =>
        new("site_staff_not_found", $"{role}须是该站点所属组织的党员:没有找到卡号为{card}的党员");

    public static RuleError SiteStaffNameNotFound(string role, string name) =>
        new("site_staff_not_found", $"{role}须是该站点所属组织的党员:该组织中没有名为“{name}”的党员");

    public static RuleError SiteStaffNameAmbiguous(string role, string name) =>
        new("site_staff_ambiguous", $"该组织中有多名党员名为“{name}”,请填写{role}的红色身份证卡号");

    // ---- Remote-education site usage (站点使用统计) ----------------------------------------------------------------
    public static readonly RuleError SiteUsageMonthInvalid = new(
        "site_usage_month_invalid",
        "月份格式不正确,请使用 yyyyMM,如 202608"
    );

    // ---- Monthly bulletin (工作情况通报) ------------------------------------------------------------------------------
    public static readonly RuleError BulletinMonthInvalid = new(
        "bulletin_month_invalid",
        "请填写要通报的月份,格式为 yyyy-MM(如 2026-08),且不能晚于本月"
    );

    // ---- Exams (the candidate's API) -------------------------------------------------------------------------
    public static readonly RuleError PaperNotFound = new("paper_not_found", "未找到该试卷", 404);
    public static readonly RuleError AnswerMalformed = new("answer_malformed", "答案格式不正确");

    public static RuleError QuestionNotOnPaper(int position) =>
        new("question_not_on_paper", $"试卷中没有第{position}题");

    public static readonly RuleError AnswerTooLate = new("answer_too_late", "已超过作答时间,答案未保存", 409);
    public static readonly RuleError AnswerStale = new("answer_stale", "已有更新的答案,本次保存被忽略", 409);
    public static readonly RuleError PaperClosed = new("paper_closed", "试卷已交卷或已超过作答时间,答案未保存", 409);
    public static readonly RuleError OptionNotInQuestion = new("answer_option_unknown", "所选选项不属于本题");
    public static readonly RuleError OptionRepeated = new("answer_option_repeated", "选项重复");
    public static readonly RuleError SingleChoiceOnly = new("answer_single_choice", "本题只能选一项");

    public static RuleError TooManyBlanks(int blanks) => new("answer_too_many_blanks", $"本题只有{blanks}个空");

    public static readonly RuleError BlankTooLong = new("answer_blank_too_long", "每空最多200字");
    public static readonly RuleError AnswerTooLong = new("answer_too_long", "答案最多5000字");

    // ---- Image uploads (member photos, albums, pictures in rich text) ----------------------------------------
    public static readonly RuleError ImageMissing = new("image_missing", "请选择要上传的照片。");
    public static readonly RuleError ImageEmpty = new("image_empty", "上传的文件是空的,请重新选择照片。");
    public static readonly RuleError ImageNotJpegOrPng = new(
        "image_not_jpeg_or_png",
        "只能上传 JPEG 或 PNG 格式的照片(按文件内容识别,修改扩展名无效)。"
    );
    public static readonly RuleError ImageUnreadable = new(
        "image_unreadable",
        "照片文件已损坏或不完整,无法读取,请重新选择。"
    );

    public static RuleError ImageTooLarge(long maxBytes) =>
        new("image_too_large", $"照片文件不能超过 {maxBytes / (1024 * 1024)} MB,请压缩后再上传。");

    public static RuleError ImageTooManyPixels(long maxPixels) =>
        new("image_too_many_pixels", $"照片尺寸过大(超过 {maxPixels / 10_000} 万像素),请缩小后再上传。");

    public static RuleError ImageTooManyPixelsInAll(long pixels) =>
        new("image_too_many_pixels_in_all", $"本次上传的照片合计超过 {pixels / 10_000} 万像素,请分批上传。");

    public static readonly RuleError ImageFormExpired = new("form_expired", "页面已过期,请刷新页面后重新插入图片。");

    // ---- Remote-education sites: terminals and viewing sessions (Features/Sites/TerminalApi, Sessions) ----------
    public static readonly RuleError TerminalKeyInvalid = new(
        "terminal_key_invalid",
        "终端密钥无效或已被停用,请向站点管理员索取新的密钥",
        401
    );
    public static readonly RuleError TerminalJsonMalformed = new(
        "terminal_json_malformed",
        "请求内容不是有效的 JSON,或字段类型不正确"
    );
    public static readonly RuleError TerminalBatchEmpty = new("terminal_batch_empty", "本批没有收看记录");

    public static RuleError TerminalBatchTooLarge(int max) =>
        new("terminal_batch_too_large", $"每批最多{max}条收看记录,请分批上报");

    public static RuleError TerminalClientIdInvalid(int index) =>
        new("terminal_client_id_invalid", $"第{index}条记录:记录编号(clientId)不能为空,不超过64个字符");

    public static RuleError TerminalClientIdRepeated(int index) =>
        new("terminal_client_id_repeated", $"第{index}条记录:记录编号(clientId)在本批中重复");

    public static RuleError TerminalSeqInvalid(int index) =>
        new("terminal_seq_invalid", $"第{index}条记录:序号(seq)须为正整数");

    public static RuleError TerminalHashMalformed(int index) =>
        new("terminal_hash_malformed", $"第{index}条记录:哈希(hash、prevHash)须为64位小写十六进制");

    public static RuleError TerminalClientIdConflict(string clientId) =>
        new(
            "terminal_client_id_conflict",
            $"记录编号 {clientId} 已上报过,但内容不同;已保存的记录不会被覆盖,本批未保存",
            409
        );

    public static readonly RuleError SessionTimesRequired = new(
        "session_times_required",
        "请填写开始时间和结束时间(UTC,ISO 8601)"
    );
    public static readonly RuleError SessionEndsBeforeStart = new(
        "session_ends_before_start",
        "结束时间必须晚于开始时间"
    );
    public static readonly RuleError SessionTooLong = new("session_too_long", "一次收看不能超过12小时");
    public static readonly RuleError SessionInFuture = new("session_in_future", "收看时间不能晚于当前时间");
    public static readonly RuleError SessionCoursewareRequired = new(
        "session_courseware_required",
        "请填写课件名称(不超过200字,不含换行)"
    );
    public static readonly RuleError SessionAttendeesInvalid = new(
        "session_attendees_invalid",
        "参加人数须在0到10000之间"
    );
    public static readonly RuleError SessionCardsInvalid = new(
        "session_cards_invalid",
        "参加人员红色身份证号只能由字母和数字组成(每个不超过20位,最多1000个)"
    );

    /// <summary>A session's own rule refused inside a batch: the record's position first, the rule's code
    /// kept.</summary>
    public static RuleError InRecord(int index, RuleError error) =>
        error with
        {
            Message = $"第{index}条记录:{error.Message}",
        };

    public static readonly RuleError TerminalNameRequired = new(
        "terminal_name_required",
        "请填写终端名称(不超过100字)"
    );
    public static readonly RuleError TerminalNotFound = new("terminal_not_found", "没有找到该终端", 404);

    // ---- Notifications (消息通知: Features/Notifications) -------------------------------------------------------
    public static readonly RuleError NotificationTitleRequired = new(
        "notification_title_required",
        "请填写消息标题(不超过100字)"
    );
    public static readonly RuleError NotificationTextRequired = new(
        "notification_text_required",
        "请填写消息内容(不超过5000字)"
    );
    public static readonly RuleError NotificationAudienceRequired = new(
        "notification_audience_required",
        "请选择发送对象:组织、考试的考生或指定党员"
    );
    public static readonly RuleError NotificationAudienceEmpty = new(
        "notification_audience_empty",
        "所选范围内没有符合条件的党员,未发送"
    );
    public static readonly RuleError NotificationScheduleInPast = new(
        "notification_schedule_in_past",
        "定时发送的时间已过,请选择将来的时间"
    );

    public static RuleError NotificationSmsTooLong(int segments, int max) =>
        new("notification_sms_too_long", $"短信内容过长:需拆成{segments}条短信,最多{max}条,请精简或不选短信");

    public static readonly RuleError NotificationTooManyPicked = new(
        "notification_too_many_picked",
        "指定党员一次最多1000人"
    );
    public static readonly RuleError NotificationNotFound = new(
        "notification_not_found",
        "没有找到该消息,或它不在您管辖的范围内",
        404
    );
    public static readonly RuleError ExamNotFoundForAudience = new(
        "exam_not_found",
        "没有找到该考试,或它不在您管辖的范围内",
        404
    );
}
