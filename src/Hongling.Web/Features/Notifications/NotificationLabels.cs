using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;

namespace Hongling.Web.Features.Notifications;

public static class NotificationLabels
{
    public static string Of(NotificationCategory c) =>
        c switch
        {
            NotificationCategory.General => "通知",
            NotificationCategory.Notice => "组织公告",
            NotificationCategory.Activity => "组织活动",
            NotificationCategory.Exam => "在线考试",
            NotificationCategory.Transfer => "关系转接",
            NotificationCategory.Bulletin => "工作通报",
            NotificationCategory.Study => "学习提醒",
            NotificationCategory.Development => "发展党员",
            _ => c.ToString(),
        };

    public static string Of(NotificationChannel c) =>
        c switch
        {
            NotificationChannel.Inbox => "站内消息",
            NotificationChannel.Email => "邮件",
            NotificationChannel.Sms => "短信",
            _ => c.ToString(),
        };

    public static string Of(OutboxState s) =>
        s switch
        {
            OutboxState.Queued => "待发送",
            OutboxState.Sending => "发送中",
            OutboxState.Sent => "已发送",
            OutboxState.Failed => "失败",
            OutboxState.Skipped => "未发送",
            _ => s.ToString(),
        };

    /// <summary>Categories a member may turn off: those no feature sends as mandatory.</summary>
    public static readonly NotificationCategory[] Optional =
    [
        NotificationCategory.General,
        NotificationCategory.Notice,
        NotificationCategory.Activity,
        NotificationCategory.Exam,
        NotificationCategory.Bulletin,
        NotificationCategory.Study,
    ];
}
