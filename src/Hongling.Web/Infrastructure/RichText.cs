using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
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
        // An image must point at the web (absolute http/https): a relative or scheme-less src would make
        // the reader's browser request a path on this site, so such images are dropped whole.
        s.PostProcessDom += (_, e) =>
        {
            foreach (var img in e.Document.QuerySelectorAll("img").Where(i => !IsWebUrl(i.GetAttribute("src"))).ToList()) img.Remove();
        };
        return s;
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

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
