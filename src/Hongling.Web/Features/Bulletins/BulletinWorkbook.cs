using ClosedXML.Excel;
using Hongling.Web.Features.Members.Import;

namespace Hongling.Web.Features.Bulletins;

/// <summary>A bulletin's attachments as one .xlsx workbook: one sheet per attachment (附件1–3), each with its title
/// row, headings and rows.</summary>
public static class BulletinWorkbook
{
    public const string ContentType = MemberSheet.ContentType;

    public static byte[] Build(BulletinPaper paper)
    {
        using var book = new XLWorkbook();
        foreach (var (name, table) in paper.Attachments)
        {
            var sheet = book.Worksheets.Add(name);
            var width = Math.Max(1, table.Headers.Count);
            sheet.Cell(1, 1).Value = $"{name}:{table.Title}";
            sheet
                .Range(1, 1, 1, width)
                .Merge()
                .Style.Font.SetBold()
                .Font.SetFontSize(14)
                .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            for (var c = 0; c < table.Headers.Count; c++)
            {
                sheet.Cell(2, c + 1).Value = table.Headers[c];
                sheet.Column(c + 1).Width = c == 0 ? 24 : 12;
            }
            sheet.Row(2).Style.Font.Bold = true;
            sheet.Row(2).Style.Alignment.WrapText = true;
            for (var r = 0; r < table.Rows.Count; r++)
            for (var c = 0; c < table.Rows[r].Count; c++)
            {
                // Counts are written as numbers, so that a unit's column can be summed; rates stay as written (94.9%).
                var text = table.Rows[r][c];
                if (
                    decimal.TryParse(
                        text,
                        System.Globalization.NumberStyles.Number,
                        System.Globalization.CultureInfo.InvariantCulture,
                        out var number
                    )
                )
                    sheet.Cell(r + 3, c + 1).Value = number;
                else
                    sheet.Cell(r + 3, c + 1).Value = text;
            }
            sheet
                .Range(2, 1, table.Rows.Count + 2, width)
                .Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin)
                .Border.SetInsideBorder(XLBorderStyleValues.Thin);
            sheet.SheetView.FreezeRows(2);
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
