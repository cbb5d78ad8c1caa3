using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.WorkUpdates;

/// <summary>A feed of work updates, newest first: an organization's own, or its whole subtree's
/// (the parent's feed). The caller passes the rows it may read (scoped or public).</summary>
public static class WorkUpdateFeed
{
    public sealed record Item(
        int Id,
        string Title,
        string Kind,
        string? Source,
        string? Column,
        string OrgName,
        int OrgId,
        DateTime PublishedAt
    );

    public static IQueryable<WorkUpdate> Of(IQueryable<WorkUpdate> rows, string path, bool subtree) =>
        subtree ? rows.InSubtree(path) : rows.Where(w => w.OrgPath == path);

    public static async Task<(IReadOnlyList<Item> Items, Paging Paging)> PageAsync(
        IQueryable<WorkUpdate> rows,
        int? page,
        int size = 20
    )
    {
        var paging = new Paging(Paging.Clamp(page), await rows.CountAsync(), size);
        var items = await rows.OrderByDescending(w => w.PublishedAt)
            .ThenByDescending(w => w.Id)
            .Skip(paging.Skip)
            .Take(size)
            .Select(w => new Item(
                w.Id,
                w.Title,
                OrgLifeLabels.Of(w.Kind),
                w.Source,
                w.Column,
                w.Organization.Name,
                w.OrganizationId,
                w.PublishedAt
            ))
            .ToListAsync();
        return (items, paging);
    }
}
