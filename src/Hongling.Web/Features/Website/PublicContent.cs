using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>What the anonymous website may show, and nothing else: published work updates, adopted
/// submissions, answered messages their writers made public, and organization profiles. Visitors have no
/// org scope, so these are the website's visible opt-outs of the scope filter, each narrowed to public rows
/// and projected without member data, ids of people or phones.</summary>
public static class PublicContent
{
    public sealed record Teaser(int Id, string Title, string OrgName, int OrgId, DateTime At, string? Column);

    public sealed record Article(
        int Id,
        string Title,
        string Body,
        string OrgName,
        int OrgId,
        DateTime At,
        string? Byline,
        string? Column
    );

    public sealed record BoardEntry(
        int Id,
        string Author,
        string Body,
        string OrgName,
        int OrgId,
        DateTime PostedAt,
        string Reply,
        DateTime RepliedAt
    );

    public sealed record OrgPage(
        int Id,
        string Name,
        string Kind,
        string Path,
        string? Introduction,
        string? Address,
        DateOnly? FoundedOn,
        string? ParentName,
        int? ParentId
    );

    public static IQueryable<WorkUpdate> Updates(HonglingDb db) => db.ForThePublicWebsite<WorkUpdate>();

    public static IQueryable<Submission> News(HonglingDb db) =>
        db.ForThePublicWebsite<Submission>().Where(s => s.State == SubmissionState.Adopted);

    public static IQueryable<Message> Board(HonglingDb db) =>
        db.ForThePublicWebsite<Message>().Where(m => m.IsPublic && m.Reply != null && m.RepliedAt != null);

    public static IQueryable<Teaser> UpdateTeasers(IQueryable<WorkUpdate> rows) =>
        rows.OrderByDescending(w => w.PublishedAt)
            .ThenByDescending(w => w.Id)
            .Select(w => new Teaser(w.Id, w.Title, w.Organization.Name, w.OrganizationId, w.PublishedAt, w.Column));

    public static IQueryable<Teaser> NewsTeasers(IQueryable<Submission> rows) =>
        rows.OrderByDescending(s => s.DecidedAt)
            .ThenByDescending(s => s.Id)
            .Select(s => new Teaser(
                s.Id,
                s.Title,
                s.Organization.Name,
                s.OrganizationId,
                s.DecidedAt!.Value,
                s.Column
            ));

    public static Task<Article?> UpdateAsync(HonglingDb db, int id) =>
        Updates(db)
            .Where(w => w.Id == id)
            .Select(w => new Article(
                w.Id,
                w.Title,
                w.Body,
                w.Organization.Name,
                w.OrganizationId,
                w.PublishedAt,
                w.Kind == WorkUpdateKind.Original
                    ? null
                    : OrgLifeLabels.Of(w.Kind) + (w.Source == null ? "" : " · 来源:" + w.Source),
                w.Column
            ))
            .FirstOrDefaultAsync();

    public static Task<Article?> NewsAsync(HonglingDb db, int id) =>
        News(db)
            .Where(s => s.Id == id)
            .Select(s => new Article(
                s.Id,
                s.Title,
                s.Body,
                s.Organization.Name,
                s.OrganizationId,
                s.DecidedAt!.Value,
                "作者:" + s.Author,
                s.Column
            ))
            .FirstOrDefaultAsync();

    public static IQueryable<BoardEntry> BoardEntries(IQueryable<Message> rows) =>
        rows.OrderByDescending(m => m.RepliedAt)
            .ThenByDescending(m => m.Id)
            .Select(m => new BoardEntry(
                m.Id,
                m.AuthorName,
                m.Body,
                m.Organization.Name,
                m.OrganizationId,
                m.PostedAt,
                m.Reply!,
                m.RepliedAt!.Value
            ));

    public static Task<OrgPage?> OrgAsync(HonglingDb db, int id) =>
        db
            .OrganizationsOfThePlatform.Where(o => o.Id == id)
            .Select(o => new OrgPage(
                o.Id,
                o.Name,
                Labels.Of(o.Kind),
                o.Path,
                o.Introduction,
                o.Address,
                o.FoundedOn,
                o.Parent == null ? null : o.Parent.Name,
                o.ParentId
            ))
            .FirstOrDefaultAsync();

    /// <summary>Photos of the albums an organization made public, newest first.</summary>
    public static IQueryable<AlbumPhoto> Photos(HonglingDb db) =>
        db.ForThePublicWebsite<AlbumPhoto>().Where(p => p.Album.IsPublic);

    /// <summary>"张三" → "张*": a writer's name on the public board, like the masked phones elsewhere.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? name : name[0] + new string('*', Math.Min(name.Length - 1, 2));
}
