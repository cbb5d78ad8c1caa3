using System.Net;
using System.Text.RegularExpressions;
using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>The portal's cards: a teaser with a picture (the article's first platform image, if any) and a short
/// plain-text summary; and tiles of the public albums' latest photos.</summary>
public static partial class SiteCards
{
    public sealed record Card(string Kind, PublicContent.Teaser Teaser, string? Image, string Summary);

    public sealed record Photo(int Id, string? Caption, string Album, string OrgName, int OrgId);

    public const int SummaryLength = 60;

    /// <summary>The latest adopted news as cards: the teasers' order, their bodies read by id in one more
    /// query.</summary>
    public static async Task<IReadOnlyList<Card>> NewsAsync(HonglingDb db, int take)
    {
        var list = await PublicContent.NewsTeasers(PublicContent.News(db)).Take(take).ToListAsync();
        var ids = list.Select(t => t.Id).ToList();
        var bodies = await PublicContent
            .News(db)
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Body);
        return [.. list.Select(t => ToCard("news", t, bodies.GetValueOrDefault(t.Id, "")))];
    }

    /// <inheritdoc cref="NewsAsync"/>
    public static async Task<IReadOnlyList<Card>> UpdatesAsync(HonglingDb db, int take)
    {
        var list = await PublicContent.UpdateTeasers(PublicContent.Updates(db)).Take(take).ToListAsync();
        var ids = list.Select(t => t.Id).ToList();
        var bodies = await PublicContent
            .Updates(db)
            .Where(w => ids.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Body);
        return [.. list.Select(t => ToCard("update", t, bodies.GetValueOrDefault(t.Id, "")))];
    }

    /// <summary>The newest photos of public albums, from every organization.</summary>
    public static Task<List<Photo>> PhotosAsync(HonglingDb db, int take) =>
        PublicContent
            .Photos(db)
            .OrderByDescending(p => p.UploadedAt)
            .ThenByDescending(p => p.Id)
            .Take(take)
            .Select(p => new Photo(p.Id, p.Caption, p.Album.Title, p.Organization.Name, p.OrganizationId))
            .ToListAsync();

    private static Card ToCard(string kind, PublicContent.Teaser t, string body) =>
        new(kind, t, FirstImage(body), Summary(body));

    /// <summary>The first platform image (/media/{id}.jpg) of a rich text: the only pictures rich text may
    /// show.</summary>
    public static string? FirstImage(string html) =>
        MediaSrc().Matches(html).Select(m => m.Groups[1].Value).FirstOrDefault(RichText.IsPlatformImage);

    /// <summary>The text of a rich text, without tags, on one line, cut to <see cref="SummaryLength"/>
    /// characters.</summary>
    public static string Summary(string html)
    {
        var text = Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();
        return text.Length <= SummaryLength ? text : text[..SummaryLength] + "…";
    }

    [GeneratedRegex("src=\"(/media/[^\"]+)\"")]
    private static partial Regex MediaSrc();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
