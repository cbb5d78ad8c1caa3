using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Hongling.Tests;

/// <summary>Reads a page the way a user does: by its structure (which rows a table has, what a cell says,
/// where a link goes) through an HTML parser, not by matching the markup's spelling, so an added attribute
/// or a line break in a view does not break a test that checks what the page shows.</summary>
public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parse(await response.Content.ReadAsStringAsync());

    /// <summary>GETs a page (failing on a status other than 2xx, as GetStringAsync does) and parses it.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url) =>
        Parse(await client.GetStringAsync(url));

    /// <summary>An element's text as a reader sees it: trimmed, every run of white space one space.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The one element that <paramref name="selector"/> finds; fails the test when none or several
    /// match.</summary>
    public static IElement One(this IParentNode node, string selector)
    {
        var found = node.QuerySelectorAll(selector);
        Assert.True(found.Length == 1, $"expected one element for \"{selector}\", found {found.Length}");
        return found[0];
    }

    /// <summary>The text of the one element that <paramref name="selector"/> finds.</summary>
    public static string TextOf(this IParentNode node, string selector) => node.One(selector).Text();

    /// <summary>The cells of a row, as text.</summary>
    public static string[] Cells(this IElement row) =>
        [.. row.Children.Where(c => c.LocalName is "td" or "th").Select(Text)];

    /// <summary>The data rows (rows with at least one td) of the one table that <paramref name="table"/> finds, in
    /// page order, each as its cells' text; header rows are left out.</summary>
    public static List<string[]> TableRows(this IParentNode node, string table) =>
        [.. node.One(table).QuerySelectorAll("tr").Where(r => r.Children.Any(c => c.LocalName == "td")).Select(Cells)];

    /// <summary>The cells of the one row that <paramref name="row"/> finds (e.g. <c>#stats
    /// tr[data-org='5']</c>).</summary>
    public static string[] RowCells(this IParentNode node, string row) => node.One(row).Cells();

    /// <summary>Where the links inside <paramref name="node"/> that <paramref name="selector"/> finds go, in page
    /// order.</summary>
    public static List<string> LinkHrefs(this IParentNode node, string selector = "a[href]") =>
        [.. node.QuerySelectorAll(selector).Select(a => a.GetAttribute("href") ?? "")];

    /// <summary>The value of a data-* attribute on each element that <paramref name="selector"/> finds, in page order
    /// (e.g. which members a table lists, by <c>data-member</c>).</summary>
    public static List<string> DataOf(this IParentNode node, string selector, string name) =>
        [.. node.QuerySelectorAll(selector).Select(e => e.GetAttribute("data-" + name) ?? "")];
}
