using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Hongling.Web.Features.Bulletins;

/// <summary>A bulletin as a .docx in the usual official-document layout: the red masthead (工作情况通报), 第N期, the
/// issuer and the date on one line over a red rule, the title, the sections, the attachments listed, and the
/// issuer and date at the end. A4, written with the Open XML SDK.</summary>
public static class BulletinDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Red = "C00000";
    private const string Song = "宋体",
        Hei = "黑体",
        FangSong = "仿宋";

    public static byte[] Build(BulletinView view, BulletinPaper paper)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para("工作情况通报", Song, 72, bold: true, color: Red, center: true));
            body.Append(
                Para(
                    view.NumberText + (view.Bulletin.Version > 1 ? $"(第{view.Bulletin.Version}版)" : ""),
                    FangSong,
                    32,
                    center: true
                )
            );
            body.Append(IssuerLine(view.Content.IssuerName, view.DateText));
            body.Append(Para(view.Title, Song, 36, bold: true, center: true));
            foreach (var part in paper.Parts)
                body.Append(
                    part switch
                    {
                        BulletinHeading h => Para(h.Text, Hei, 32),
                        BulletinParagraph p => Para(p.Text, FangSong, 32, indent: true),
                        BulletinTablePart t => WordTable(t.Table),
                        _ => throw new InvalidOperationException(part.GetType().Name),
                    }
                );
            body.Append(Para("", FangSong, 32));
            foreach (var (name, table) in paper.Attachments)
                body.Append(Para($"{name}:{table.Title}", FangSong, 32, indent: true));
            body.Append(Para("", FangSong, 32));
            body.Append(Para(view.Content.IssuerName, FangSong, 32, right: true));
            body.Append(Para(view.DateText, FangSong, 32, right: true));
            body.Append(
                new SectionProperties(
                    new PageSize { Width = 11906U, Height = 16838U },
                    new PageMargin
                    {
                        Top = 2098,
                        Bottom = 1984,
                        Left = 1588U,
                        Right = 1474U,
                        Header = 851U,
                        Footer = 992U,
                        Gutter = 0U,
                    }
                )
            );
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A table of the body (the targets) with single borders, headings bold.</summary>
    private static Table WordTable(BulletinTable t)
    {
        // The schema fixes the orders: width before borders; top, left, bottom, right, inside; the grid before the
        // rows.
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U },
            new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 4U },
            new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U }
        );
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders)
        );
        var columns = Math.Max(1, Math.Max(t.Headers.Count, t.Rows.Count == 0 ? 0 : t.Rows.Max(r => r.Count)));
        table.Append(
            new TableGrid([
                .. Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (8844 / columns).ToString() }),
            ])
        );
        TableRow Row(IEnumerable<string> cells, bool bold) =>
            new([.. cells.Select(c => new TableCell(new Paragraph(Run(c, FangSong, 21, bold))))]);
        if (t.Headers.Count > 0)
            table.Append(Row(t.Headers, true));
        foreach (var r in t.Rows)
            table.Append(Row(r, false));
        return table;
    }

    /// <summary>The issuer left and the date right, over the red rule (a bottom border on the paragraph).</summary>
    private static Paragraph IssuerLine(string issuer, string date)
    {
        var props = new ParagraphProperties(
            new ParagraphBorders(
                new BottomBorder
                {
                    Val = BorderValues.Single,
                    Size = 18U,
                    Color = Red,
                    Space = 1U,
                }
            ),
            new Tabs(new TabStop { Val = TabStopValues.Right, Position = 8844 }),
            new SpacingBetweenLines { After = "240" }
        );
        return new Paragraph(props, Run(issuer, FangSong, 32), new Run(new TabChar()), Run(date, FangSong, 32));
    }

    private static Paragraph Para(
        string text,
        string font,
        int halfPoints,
        bool bold = false,
        string? color = null,
        bool center = false,
        bool right = false,
        bool indent = false
    )
    {
        // The schema fixes the order of paragraph properties: spacing, indentation, justification.
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }
        );
        if (indent)
            props.Append(new Indentation { FirstLineChars = 200 });
        if (center || right)
            props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        return new Paragraph(props, Run(text, font, halfPoints, bold, color));
    }

    private static Run Run(string text, string font, int halfPoints, bool bold = false, string? color = null)
    {
        var props = new RunProperties(
            new RunFonts
            {
                Ascii = font,
                HighAnsi = font,
                EastAsia = font,
            }
        );
        if (bold)
            props.Append(new Bold());
        if (color is not null)
            props.Append(new Color { Val = color });
        props.Append(new FontSize { Val = halfPoints.ToString() });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
