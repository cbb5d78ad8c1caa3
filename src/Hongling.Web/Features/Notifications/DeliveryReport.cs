using ClosedXML.Excel;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>One notification's delivery (送达情况), for the administrators of the issuing organization: recipients per
/// channel and state, inbox reads, and the rows that failed or were skipped with their reasons; the whole list as
/// .xlsx with phones and emails masked. Counted in the database.</summary>
public static class DeliveryReport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record Cell(string Channel, string State, int Count);

    public sealed record Row(
        string Name,
        string Channel,
        string Address,
        string State,
        string? Reason,
        DateTime? SentAt,
        DateTime? ReadAt,
        int Attempts
    );

    public sealed record Summary(
        int Id,
        string Title,
        string Category,
        string Audience,
        DateTime ScheduledAt,
        int Recipients,
        IReadOnlyList<Cell> Cells,
        int Read,
        IReadOnlyList<Row> Problems
    );

    public const int ProblemsShown = 200;

    public static async Task<Summary?> SummaryAsync(HonglingDb db, int id, CancellationToken ct)
    {
        var n = await db.AdministeredRows<Notification>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
            return null;
        var items = db.OutboxItems.Where(o => o.NotificationId == id);
        var cells = await items
            .GroupBy(o => new { o.Channel, o.State })
            .Select(g => new
            {
                g.Key.Channel,
                g.Key.State,
                Count = g.Count(),
            })
            .ToListAsync(ct);
        var read = await items.CountAsync(o => o.Channel == NotificationChannel.Inbox && o.ReadAt != null, ct);
        var problems = await Rows(db, items.Where(o => o.State == OutboxState.Failed || o.State == OutboxState.Skipped))
            .Take(ProblemsShown)
            .ToListAsync(ct);
        return new Summary(
            n.Id,
            n.Title,
            NotificationLabels.Of(n.Category),
            n.AudienceDescription,
            n.ScheduledAt,
            n.RecipientCount,
            [
                .. cells
                    .OrderBy(c => c.Channel)
                    .ThenBy(c => c.State)
                    .Select(c => new Cell(NotificationLabels.Of(c.Channel), NotificationLabels.Of(c.State), c.Count)),
            ],
            read,
            [.. problems.Select(Shown)]
        );
    }

    private static IQueryable<RawRow> Rows(HonglingDb db, IQueryable<OutboxItem> items) =>
        items
            .OrderBy(o => o.Channel)
            .ThenBy(o => o.Id)
            .Select(o => new RawRow(
                db.MembersOfThePlatform.Where(m => m.Id == o.MemberId).Select(m => m.Name).FirstOrDefault(),
                o.Channel,
                o.Address,
                o.State,
                o.Reason,
                o.SentAt,
                o.ReadAt,
                o.Attempts
            ));

    private sealed record RawRow(
        string? Name,
        NotificationChannel Channel,
        string Address,
        OutboxState State,
        string? Reason,
        DateTime? SentAt,
        DateTime? ReadAt,
        int Attempts
    );

    private static Row Shown(RawRow r) =>
        new(
            r.Name ?? "",
            NotificationLabels.Of(r.Channel),
            NotificationQueue.Masked(r.Channel, r.Address),
            NotificationLabels.Of(r.State),
            r.Reason,
            r.SentAt,
            r.ReadAt,
            r.Attempts
        );

    public static async Task<byte[]?> ExportAsync(HonglingDb db, int id, CancellationToken ct)
    {
        var n = await db.AdministeredRows<Notification>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
            return null;
        string[] headers = ["姓名", "渠道", "手机号/邮箱", "状态", "原因", "发送时间", "阅读时间", "尝试次数"];
        double[] widths = [12, 10, 24, 10, 30, 18, 18, 10];
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("送达情况");
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Column(c + 1).Width = widths[c];
        }
        var r = 2;
        await foreach (
            var raw in Rows(db, db.OutboxItems.Where(o => o.NotificationId == id))
                .AsAsyncEnumerable()
                .WithCancellation(ct)
        )
        {
            var row = Shown(raw);
            string[] values =
            [
                row.Name,
                row.Channel,
                row.Address,
                row.State,
                row.Reason ?? "",
                Time(row.SentAt),
                Time(row.ReadAt),
                row.Attempts.ToString(),
            ];
            for (var c = 0; c < values.Length; c++)
                sheet.Cell(r, c + 1).SetValue(values[c]);
            r++;
        }
        sheet.Cell(r + 1, 1).SetValue($"{n.Title} 送达情况");
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Time(DateTime? utc) => utc?.ToChina().ToString("yyyy-MM-dd HH:mm") ?? "";
}
