using ClosedXML.Excel;
using Hongling.Web.Features.Members.Import;

namespace Hongling.Web.Features.Sites;

/// <summary>The monthly figures as .xlsx, laid out like the seed's 附件1 (2010年8月镇街远程教育使用情况统计表): a title row,
/// a row saying what is counted, the headings, one row per unit in ranking order, the totals; a second sheet lists
/// every site. The seed gives only the table's title, so the headings are the figures the bulletin's text
/// cites.</summary>
public static class SiteUsageExport
{
    public const string ContentType = MemberSheet.ContentType;

    public static readonly string[] Headers =
    [
        "排名",
        "镇街",
        "站点数",
        "达标站点数",
        "达标率",
        "平均使用时长(分钟)",
        "使用为“0”的站点数",
        "使用为“0”的站点",
        "停用站点数",
        "收看场次",
        "参学人次",
        "其中手工录入场次",
        "迟报场次(未计入)",
    ];
    private static readonly double[] Widths = [6, 22, 8, 10, 9, 12, 10, 40, 9, 9, 9, 10, 10];
    private static readonly string[] SiteHeaders =
    [
        "镇街",
        "站点",
        "站点编码",
        "服务组织",
        "状态",
        "使用时长(分钟)",
        "是否达标",
        "收看场次",
        "参学人次",
        "手工录入场次",
        "迟报场次",
    ];
    private static readonly double[] SiteWidths = [22, 30, 16, 30, 8, 12, 9, 9, 9, 10, 9];

    /// <summary>附件1's title: 镇街 for a district (the issuer at the top of the tree), the issuer's name beneath
    /// it.</summary>
    public static string Title(SiteUsageReport r) =>
        $"{r.Month / 100}年{r.Month % 100}月{(r.IssuerDepth == 0 ? "镇街" : r.IssuerName)}远程教育使用情况统计表";

    public static byte[] Build(SiteUsageReport r)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("使用情况统计");
        sheet.Cell(1, 1).Value = Title(r);
        sheet
            .Range(1, 1, 1, Headers.Length)
            .Merge()
            .Style.Font.SetBold()
            .Font.SetFontSize(16)
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        sheet.Cell(2, 1).Value =
            $"统计单位:{r.IssuerName};达标要求:每月不少于{r.RuleMinutes}分钟;站点数、达标和平均时长只计在用站点;手工录入的收看已计入;月结后补报的收看不计入本月。";
        sheet.Range(2, 1, 2, Headers.Length).Merge().Style.Alignment.SetWrapText();
        sheet.Row(2).Height = 32;
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(3, c + 1).Value = Headers[c];
            sheet.Column(c + 1).Width = Widths[c];
        }
        if (r.IssuerDepth != 0)
            sheet.Cell(3, 2).Value = "单位";
        sheet.Row(3).Style.Font.Bold = true;
        sheet.Row(3).Style.Alignment.WrapText = true;
        var row = 4;
        foreach (var u in r.Units)
            WriteUnit(sheet, row++, u.Rank?.ToString() ?? "", u.Name, u);
        WriteUnit(sheet, row, "", "合计", r.Total);
        sheet.Row(row).Style.Font.Bold = true;
        sheet
            .Range(3, 1, row, Headers.Length)
            .Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin)
            .Border.SetInsideBorder(XLBorderStyleValues.Thin);
        sheet.SheetView.FreezeRows(3);

        var sites = book.Worksheets.Add("站点明细");
        for (var c = 0; c < SiteHeaders.Length; c++)
        {
            sites.Cell(1, c + 1).Value = SiteHeaders[c];
            sites.Column(c + 1).Width = SiteWidths[c];
        }
        sites.Row(1).Style.Font.Bold = true;
        var units = r.Units.ToDictionary(u => u.Id, u => u.Name);
        var i = 2;
        foreach (
            var s in r
                .Sites.OrderBy(s => units.GetValueOrDefault(s.UnitId, ""), StringComparer.Ordinal)
                .ThenBy(s => s.Code, StringComparer.Ordinal)
        )
        {
            object[] cells =
            [
                units.GetValueOrDefault(s.UnitId, r.IssuerName),
                s.Name,
                s.Code,
                s.OrgName,
                s.InUse ? "在用" : "停用",
                s.Minutes,
                s.InUse ? (s.RuleMet ? "是" : "否") : "—",
                s.Sessions,
                s.Attendees,
                s.ManualSessions,
                s.LateSessions,
            ];
            for (var c = 0; c < cells.Length; c++)
                sites.Cell(i, c + 1).Value = cells[c];
            i++;
        }
        sites.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteUnit(IXLWorksheet sheet, int row, string rank, string name, UnitUsage u)
    {
        object[] cells =
        [
            rank,
            name,
            u.Sites,
            u.SitesMeetingRule,
            u.Share,
            Math.Round(u.AverageMinutes, 1),
            u.ZeroSites.Count,
            string.Join("、", u.ZeroSites.Select(z => z.Name)),
            u.StoppedSites,
            u.Sessions,
            u.Attendees,
            u.ManualSessions,
            u.LateSessions,
        ];
        for (var c = 0; c < cells.Length; c++)
            sheet.Cell(row, c + 1).Value = cells[c];
        sheet.Cell(row, 5).Style.NumberFormat.Format = "0.0%";
        sheet.Cell(row, 8).Style.Alignment.WrapText = true;
    }
}
