using Hongling.Web.Domain;
using Hongling.Web.Features.Members.Import;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>A fund's ledger (基金台账) as .xlsx: every row in sequence with its amount and the balance after it,
/// amounts as numbers in yuan (two decimals), and the member paid named without ID numbers or phones.</summary>
public static class LedgerExport
{
    public static async Task<byte[]> BuildAsync(IQueryable<FundEntry> entries, CancellationToken ct)
    {
        var rows = await entries
            .OrderBy(e => e.Sequence)
            .Select(e => new
            {
                e.Sequence,
                e.At,
                e.Kind,
                e.Amount,
                e.BalanceAfter,
                e.Note,
                e.RecordedBy,
                Member = e.Application == null ? null : e.Application.Member.Name,
            })
            .ToListAsync(ct);
        string[] headers = ["序号", "日期", "类别", "金额(元)", "余额(元)", "对象", "摘要", "经办人"];
        var (book, sheet) = MemberSheet.NewBook("基金台账", headers, [8, 12, 8, 14, 14, 12, 40, 12]);
        using (book)
        {
            sheet.Column(4).Style.NumberFormat.Format = "#,##0.00";
            sheet.Column(5).Style.NumberFormat.Format = "#,##0.00";
            var r = 2;
            foreach (var e in rows)
            {
                sheet.Cell(r, 1).SetValue(e.Sequence);
                sheet.Cell(r, 2).SetValue(e.At.ToChina().ToString("yyyy-MM-dd"));
                sheet.Cell(r, 3).SetValue(AidRules.Of(e.Kind));
                sheet.Cell(r, 4).SetValue(e.Amount);
                sheet.Cell(r, 5).SetValue(e.BalanceAfter);
                sheet.Cell(r, 6).SetValue(e.Member ?? "");
                sheet.Cell(r, 7).SetValue(e.Note);
                sheet.Cell(r, 8).SetValue(e.RecordedBy);
                r++;
            }
            return MemberSheet.Save(book);
        }
    }
}
