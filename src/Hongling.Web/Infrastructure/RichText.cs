using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Microsoft.AspNetCore.Html;

namespace Hongling.Web.Infrastructure;

/// <summary>Rich text written by users (introductions, notices, work updates, study articles, submissions,
/// minutes): plain text is turned into paragraphs, HTML is cut down to a small set of formatting tags. What
/// comes out is safe to render as is. The one place for the image rule: an &lt;img&gt; must show one of the
/// platform's own images (<see cref="ImageUrl"/>, uploaded through 插入图片), so that no reader's browser
/// tells another server who reads what and when, and intranet deployments show every picture.</summary>
public static partial class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Build();

    private static HtmlSanitizer Build()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (
            var tag in new[]
            {
                "p",
                "br",
                "strong",
                "b",
                "em",
                "i",
                "u",
                "ul",
                "ol",
                "li",
                "h3",
                "h4",
                "blockquote",
                "a",
                "img",
            }
        )
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        s.AllowedAttributes.Add("href");
        // Images: only src and alt; no width, style, srcset or event attributes.
        s.AllowedAttributes.Add("src");
        s.AllowedAttributes.Add("alt");
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedCssProperties.Clear();
        s.AllowDataAttributes = false;
        // Saving refuses any other image first (Clean); this also drops them from what is rendered, so content
        // stored before the rule, or written around it, stops sending its readers to other servers.
        s.PostProcessDom += (_, e) =>
        {
            foreach (
                var img in e
                    .Document.QuerySelectorAll("img")
                    .Where(i => !IsPlatformImage(i.GetAttribute("src")))
                    .ToList()
            )
                img.Remove();
        };
        return s;
    }

    /// <summary>The URL of a platform image (Infrastructure/Uploads/RichTextImages serves it).</summary>
    public static string ImageUrl(Guid id) => $"/media/{id:D}.jpg";

    /// <summary>Exactly <see cref="ImageUrl"/>'s form: a path on this site, no host, no query, lower-case id.</summary>
    public static bool IsPlatformImage(string? src) => src is not null && PlatformImage().IsMatch(src);

    [GeneratedRegex(@"\A/media/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jpg\z")]
    private static partial Regex PlatformImage();

    /// <summary>A rich text ready to be saved (<see cref="Html"/>, null for blank input), or the images that
    /// keep it from being saved: every &lt;img&gt; whose src is not a platform image, as written.</summary>
    public sealed record Cleaned(string? Html, IReadOnlyList<string> RefusedImages)
    {
        /// <summary>Why the text cannot be saved, in Chinese for the form; null when it can.</summary>
        public string? Refusal => RefusedImages.Count == 0 ? null : RefusalOf(RefusedImages);
    }

    /// <summary>Sanitizes text for saving. Text without tags (other than platform images) keeps its paragraphs
    /// and line breaks. An image from anywhere else refuses the whole text: nothing is silently dropped.</summary>
    public static Cleaned Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return new(null, []);
        var text = input.Trim().Replace("\r\n", "\n");
        if (!Tag().IsMatch(text))
            return new(Paragraphs(text), []);
        var refused = new HtmlParser()
            .ParseDocument(text)
            .QuerySelectorAll("img")
            .Select(i => i.GetAttribute("src") ?? "")
            .Where(src => !IsPlatformImage(src))
            .Distinct()
            .ToList();
        if (refused.Count > 0)
            return new(null, refused);
        var onlyImages = Tag().Matches(text).All(t => ImageTag().IsMatch(t.Value));
        var html = Sanitizer.Sanitize(onlyImages ? Paragraphs(text) : text);
        return new(string.IsNullOrWhiteSpace(html) ? null : html, []);
    }

    /// <summary>Stored rich text for a page: sanitized again on the way out, which drops any image that is not
    /// the platform's (content saved before the rule) and anything else the rules no longer allow.</summary>
    public static IHtmlContent Render(string? stored) =>
        string.IsNullOrEmpty(stored) ? HtmlString.Empty : new HtmlString(Sanitizer.Sanitize(stored));

    /// <summary>Paragraphs at blank lines, line breaks inside them; the text is encoded, platform image tags
    /// (the only tags here) pass through to the sanitizer.</summary>
    private static string Paragraphs(string text) =>
        string.Concat(
            text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !string.IsNullOrWhiteSpace(p))
                .Select(p =>
                    "<p>"
                    + string.Concat(
                        ImageTagSplit()
                            .Split(p.Trim())
                            .Select(part =>
                                ImageTag().IsMatch(part) ? part : WebUtility.HtmlEncode(part).Replace("\n", "<br>")
                            )
                    )
                    + "</p>"
                )
        );

    private static string RefusalOf(IReadOnlyList<string> images)
    {
        var first = images[0];
        var shown = first.Length > 80 ? first[..80] + "…" : first;
        var more = images.Count > 1 ? $"等 {images.Count} 张图片" : "";
        if (first.Length == 0)
            return $"正文中有没有地址的图片{more}。请删去,或用“插入图片”上传图片。";
        return IsWebUrl(first)
            ? $"正文中的图片“{shown}”{more}来自外部网站。请用“插入图片”上传图片,不能引用外部网址。"
            : $"正文中的图片“{shown}”{more}不是用“插入图片”上传的。请用“插入图片”上传图片。";
    }

    private static bool IsWebUrl(string url) =>
        url.StartsWith("//", StringComparison.Ordinal)
        || (
            Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        );

    /// <summary>Something that looks like an HTML tag, so that "a&lt;b" stays text.</summary>
    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\A<img\b[^<>]*>\z", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"(<img\b[^<>]*>)", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTagSplit();
}
