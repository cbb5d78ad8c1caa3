using Hongling.Web.Infrastructure.Rules;

namespace Hongling.Web.Features.Aid;

/// <summary>The named refusals of aid and subsidies (帮扶救助).</summary>
public static class AidErrors
{
    public static readonly RuleError FundNotFound = new("fund_not_found", "没有找到该基金,或它不面向您所在的组织", 404);
    public static readonly RuleError FundClosed = new("fund_closed", "该基金已关闭,不再受理新的申请", 409);
    public static readonly RuleError KindNotOffered = new(
        "aid_kind_not_offered",
        "该基金不受理这类申请,请选择对应的基金"
    );
    public static readonly RuleError AmountNotPositive = new("aid_amount_not_positive", "金额应大于0元(最多两位小数)");
    public static readonly RuleError AmountTooLarge = new("aid_amount_too_large", "金额不能超过1,000,000元");
    public static readonly RuleError ReasonRequired = new("aid_reason_required", "请填写申请理由(不超过2000字)");
    public static readonly RuleError AttachmentRequired = new(
        "aid_attachment_required",
        "请上传证明材料(PDF、JPG 或 PNG)"
    );
    public static readonly RuleError ReceiptRequired = new(
        "aid_receipt_required",
        "学历教育补助须上传学费收据(PDF、JPG 或 PNG),并填写收据上的学费金额"
    );
    public static readonly RuleError MonthsRequired = new(
        "aid_months_required",
        "长期定期补助请填写起止月份(结束月份不早于开始月份,最长36个月)"
    );
    public static readonly RuleError NotYourMember = new(
        "aid_member_not_found",
        "没有找到该党员,或其不在您管辖的范围内",
        404
    );
    public static readonly RuleError NotYourStep = new("aid_not_your_step", "这一审核步骤不由您所在的组织审核", 403);
    public static readonly RuleError OwnApplication = new("aid_own_application", "不能审批本人的申请", 403);
    public static readonly RuleError DecidedEarlierStep = new(
        "aid_decided_earlier_step",
        "您已审核过本申请的前一步骤,同一申请的各步骤须由不同的人审核",
        403
    );
    public static readonly RuleError NotInReview = new("aid_not_in_review", "该申请已审核完毕,不能再审核", 409);
    public static readonly RuleError ApprovedOverAsked = new("aid_approved_over_asked", "批准金额不能超过申请金额");
    public static readonly RuleError ReturnReasonRequired = new(
        "aid_return_reason_required",
        "退回请填写理由(不超过500字)"
    );

    public static RuleError InsufficientBalance(decimal balance, decimal needed) =>
        new(
            "fund_insufficient_balance",
            $"基金余额不足:当前余额 {balance:N2} 元,本次需支出 {needed:N2} 元,未批准",
            409
        );

    public static readonly RuleError LedgerBusy = new("fund_ledger_busy", "基金账目刚被他人更新,请重试", 409);
    public static readonly RuleError NoteRequired = new("fund_note_required", "请填写摘要(不超过200字)");
    public static readonly RuleError NotFundAdministrator = new(
        "fund_not_administered",
        "只有基金所属组织的管理员可以从该基金支出",
        403
    );
    public static readonly RuleError FormExpired = new("form_expired", "页面已过期,请刷新页面后重新提交申请。");

    public static RuleError AttachmentRefused(string why) => new("aid_attachment_refused", why);

    public static readonly RuleError VisitMemberRequired = new(
        "visit_member_required",
        "请输入姓名搜索,并从结果中选择被走访的党员"
    );
    public static readonly RuleError VisitIncomplete = new(
        "visit_incomplete",
        "请填写走访日期(不晚于今天)、走访人员和慰问内容"
    );
}
