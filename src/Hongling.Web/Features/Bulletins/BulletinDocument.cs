using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Hongling.Web.Features.Bulletins;

/// <summary>One piece of a bulletin's text in reading order: a heading, a paragraph or a table.</summary>
public abstract record BulletinPart;

public sealed record BulletinHeading(string Text) : BulletinPart;

public sealed record BulletinParagraph(string Text) : BulletinPart;

public sealed record BulletinTablePart(BulletinTable Table) : BulletinPart;

/// <summary>A bulletin as the .docx and .xlsx are written from it: the body's parts and the attachments'
/// tables.</summary>
public sealed record BulletinPaper(
    IReadOnlyList<BulletinPart> Parts,
    IReadOnlyList<(string Sheet, BulletinTable Table)> Attachments
);

/// <summary>Reads the rendered bulletin (<c>_BulletinBody.cshtml</c>) into a <see cref="BulletinPaper"/>, so that the
/// web page, the print page, the .docx and the .xlsx say the same words and figures, worded once in the partials.
/// The masthead is the document's own; screen-only parts (<c>.d-print-none</c>) are left out.</summary>
public static partial class BulletinDocument
{
    public static BulletinPaper Read(string html)
    {
        var article = new HtmlParser().ParseDocument(html).QuerySelector("#bulletin")
            ?? throw new InvalidDataException("The rendered bulletin has no #bulletin element.");
        var parts = new List<BulletinPart>();
        foreach (var e in article.QuerySelectorAll("h2, h3, h4, p, li, table"))
        {
            if (e.Closest("header, .bulletin-attachment, .d-print-none, .bulletin-annexes") is not null)
                continue;
            if (e.ParentElement?.Closest("p, li, table") is { } outer && article.Contains(outer))
                continue;
            var text = Text(e);
            if (e.LocalName == "table")
                parts.Add(new BulletinTablePart(Table("", e)));
            else if (text.Length == 0)
                continue;
            else if (e.LocalName is "h2" or "h3" or "h4")
                parts.Add(new BulletinHeading(text));
            else
                parts.Add(new BulletinParagraph(text));
        }
        // Each section writes its own attachment after it; they are listed by their number (附件1–3).
        var attachments = article
            .QuerySelectorAll(".bulletin-attachment")
            .Select(section =>
            {
                var heading = section.QuerySelector("h2, h3, h4") is { } h ? Text(h) : "";
                var name = AttachmentPrefix().Match(heading) is { Success: true } m ? m.Groups[1].Value : "附件";
                var title = heading[(AttachmentPrefix().Match(heading) is { Success: true } n ? n.Length : 0)..];
                return (
                    name,
                    section.QuerySelector("table") is { } table ? Table(title, table) : BulletinTable.Empty(title)
                );
            })
            .OrderBy(a => a.name, StringComparer.Ordinal)
            .ToList();
        return new BulletinPaper(parts, attachments);
    }

    private static BulletinTable Table(string title, IElement table)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        var head = rows.FirstOrDefault(r => r.Closest("thead") is not null) ?? rows.FirstOrDefault();
        IReadOnlyList<string> Cells(IElement row) =>
            [.. row.Children.Where(c => c.LocalName is "td" or "th").Select(Text)];
        return new BulletinTable(title, head is null ? [] : Cells(head), [.. rows.Where(r => r != head).Select(Cells)]);
    }

    /// <summary>An element's text as one line: Razor's line breaks between Chinese words removed, other runs of
    /// white space made one space.</summary>
    public static string Text(IElement e) => Spaces().Replace(CjkSpaces().Replace(e.TextContent, ""), " ").Trim();

    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"(?<=[^\x00-\x7F])\s+|\s+(?=[^\x00-\x7F])")]
    private static partial Regex CjkSpaces();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(附件\d+)[::]")]
    private static partial Regex AttachmentPrefix();
}
