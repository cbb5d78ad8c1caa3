using Hongling.Web.Features.Members.Import;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>The per-member study table of a month as .xlsx: names, branches and figures only (no ID
/// numbers, no phones).</summary>
public static class StudyExport
{
    private static readonly string[] Headers =
    [
        "姓名",
        "所在党支部",
        "学习时长(分钟)",
        "打开资料",
        "完成资料",
        "在线时长(分钟)",
        "学习积分",
    ];
    private static readonly double[] Widths = [14, 30, 16, 12, 12, 16, 12];

    public static async Task<byte[]> BuildAsync(IQueryable<MemberStudy> members, CancellationToken ct)
    {
        var rows = await members.OrderByDescending(m => m.Minutes).ThenBy(m => m.MemberId).ToListAsync(ct);
        var (book, sheet) = MemberSheet.NewBook("学习统计", Headers, Widths);
        using (book)
        {
            for (var c = 3; c <= Headers.Length; c++)
                sheet.Column(c).Style.NumberFormat.Format = "0";
            var r = 2;
            foreach (var m in rows)
            {
                sheet.Cell(r, 1).SetValue(m.Name);
                sheet.Cell(r, 2).SetValue(m.Branch);
                sheet.Cell(r, 3).SetValue(m.Minutes);
                sheet.Cell(r, 4).SetValue(m.Opened);
                sheet.Cell(r, 5).SetValue(m.Completed);
                sheet.Cell(r, 6).SetValue(m.Online);
                sheet.Cell(r, 7).SetValue(m.Score);
                r++;
            }
            return MemberSheet.Save(book);
        }
    }
}
