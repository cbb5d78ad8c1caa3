using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hongling.Web.Features.Notifications;

/// <summary>The notifications JSON API: administrators preview, send and read delivery reports; every signed-in
/// member reads their inbox. Bad input answers a problem with a Chinese message; anything outside the scope
/// 404.</summary>
public static class NotificationsApi
{
    public sealed record Sent(int Id, int Recipients, DateTime ScheduledAt);

    public sealed record InboxPage(int Unread, int Total, IReadOnlyList<Inbox.Entry> Items);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/notifications")
            .RequireAuthorization(OrgPolicies.Administrator)
            .WithTags("Notifications");
        admin
            .MapPost("/preview", PreviewAsync)
            .WithSummary("发送前预览:各渠道可达人数、缺少及格式错误的号码和邮箱、短信条数");
        admin.MapPost("/", SendAsync).WithSummary("发送消息(立即或定时)");
        admin.MapGet("/{id:int}/report", ReportAsync).WithSummary("一条消息的送达情况");
        admin.MapGet("/{id:int}/report.xlsx", ExportAsync).WithSummary("送达明细导出(手机号、邮箱已脱敏)");

        var inbox = app.MapGroup("/api/inbox").RequireAuthorization().WithTags("Notifications");
        inbox.MapGet("/", InboxAsync).WithSummary("我的消息(最新在前)与未读数");
        inbox
            .MapPost("/read-all", async (Inbox box, OrgScope scope, CancellationToken ct) =>
                scope.MemberId is { } me
                    ? Results.Ok(new { Marked = await box.MarkAllReadAsync(me, ct) })
                    : Results.NotFound()
            )
            .WithSummary("全部标为已读");
        return app;
    }

    private static async Task<Ok<NotificationQueue.Preview>> PreviewAsync(
        ComposeRequest request,
        HonglingDb db,
        NotificationQueue queue,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var (draft, members) = await request.PrepareAsync(db, queue, clock, ct);
        return TypedResults.Ok(await queue.PreviewAsync(draft, members, ct));
    }

    private static async Task<Created<Sent>> SendAsync(
        ComposeRequest request,
        HonglingDb db,
        NotificationQueue queue,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var (draft, members) = await request.PrepareAsync(db, queue, clock, ct);
        var n = await queue.SendAsync(draft, members, ct);
        return TypedResults.Created(
            $"/api/notifications/{n.Id}/report",
            new Sent(n.Id, n.RecipientCount, n.ScheduledAt)
        );
    }

    private static async Task<Results<Ok<DeliveryReport.Summary>, ProblemHttpResult>> ReportAsync(
        int id,
        HonglingDb db,
        CancellationToken ct
    ) =>
        await DeliveryReport.SummaryAsync(db, id, ct) is { } summary
            ? TypedResults.Ok(summary)
            : Problems.From(RuleErrors.NotificationNotFound);

    private static async Task<IResult> ExportAsync(int id, HonglingDb db, CancellationToken ct) =>
        await DeliveryReport.ExportAsync(db, id, ct) is { } bytes
            ? TypedResults.File(bytes, DeliveryReport.XlsxType, $"送达情况-{id}.xlsx")
            : Problems.From(RuleErrors.NotificationNotFound);

    private static async Task<Results<Ok<InboxPage>, NotFound>> InboxAsync(
        Inbox box,
        OrgScope scope,
        int? skip,
        CancellationToken ct
    )
    {
        if (scope.MemberId is not { } me)
            return TypedResults.NotFound();
        var from = Math.Max(0, skip ?? 0);
        return TypedResults.Ok(
            new InboxPage(
                await box.UnreadAsync(me, ct),
                await box.CountAsync(me, ct),
                await box.ListAsync(me, from, 50, ct)
            )
        );
    }
}
