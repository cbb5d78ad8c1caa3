using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Hongling.Web.Infrastructure;

/// <summary>Rich text written by users (introductions, notices, work updates, submissions): plain text is
/// turned into paragraphs, HTML is cut down to a small set of formatting tags. What comes out is safe to
/// render as is.</summary>
public static partial class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Build();

    private static HtmlSanitizer Build()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a", "img" })
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        s.AllowedAttributes.Add("href");
        // Images in notices and work updates: only src (http/https, checked like href) and alt; no
        // width, style or event attributes, and no data: URIs.
        s.AllowedAttributes.Add("src");
        s.AllowedAttributes.Add("alt");
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedCssProperties.Clear();
        s.AllowDataAttributes = false;
        return s;
    }

    /// <summary>Sanitized HTML, or null for blank input. Text without tags keeps its line breaks.</summary>
    public static string? Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var text = input.Trim().Replace("\r\n", "\n");
        var html = Tag().IsMatch(text)
            ? Sanitizer.Sanitize(text)
            : string.Concat(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(p => "<p>" + WebUtility.HtmlEncode(p.Trim()).Replace("\n", "<br>") + "</p>"));
        return string.IsNullOrWhiteSpace(html) ? null : html;
    }

    /// <summary>Something that looks like an HTML tag, so that "a&lt;b" stays text.</summary>
    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();
}
