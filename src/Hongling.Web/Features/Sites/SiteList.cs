using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>The registry's search, shared by the list page and its export: name or code, town (an organization
/// directly beneath the caller's root), kind and status, over the sites the caller administers.</summary>
public sealed record SiteList(string? Q, int? Town, SiteKind? Kind, SiteStatus? Status, int Page = 1)
{
    public sealed record Row(
        int Id,
        string Name,
        string Code,
        string Organization,
        SiteKind Kind,
        SiteStatus Status,
        Broadband Broadband,
        string? Administrator,
        string? Operator,
        int Equipment,
        int Faulty
    );

    public sealed record Result(IReadOnlyList<Row> Rows, Paging Paging);

    /// <summary>The towns to filter by: the children of the caller's first administered root.</summary>
    public static async Task<List<(int Id, string Name)>> TownsAsync(HonglingDb db, CancellationToken ct = default)
    {
        var root = await ScopedOrg.PickAsync(db, null);
        if (root is null)
            return [];
        return
        [
            .. (
                await OrgTree
                    .Children(db, root.Id)
                    .OrderBy(o => o.Path)
                    .Select(o => new { o.Id, o.Name })
                    .ToListAsync(ct)
            ).Select(o => (o.Id, o.Name)),
        ];
    }

    public async Task<IQueryable<Site>> FilterAsync(HonglingDb db, CancellationToken ct = default)
    {
        IQueryable<Site> sites = db.Sites;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var pattern = "%" + q.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            var code = q.ToUpperInvariant();
            sites = sites.Where(s => EF.Functions.Like(s.Name, pattern, @"\") || s.Code == code);
        }
        if (Town is { } town)
        {
            var path = await db
                .AdministeredOrganizations.Where(o => o.Id == town)
                .Select(o => o.Path)
                .FirstOrDefaultAsync(ct);
            sites = path is null ? sites.Where(s => false) : sites.InSubtree(path);
        }
        if (Kind is { } kind)
            sites = sites.Where(s => s.Kind == kind);
        if (Status is { } status)
            sites = sites.Where(s => s.Status == status);
        return sites;
    }

    public static IQueryable<Row> Project(IQueryable<Site> sites) =>
        sites.Select(s => new Row(
            s.Id,
            s.Name,
            s.Code,
            s.Organization.Name,
            s.Kind,
            s.Status,
            s.Broadband,
            s.Administrator == null ? null : s.Administrator.Name,
            s.Operator == null ? null : s.Operator.Name,
            s.Equipment.Count(e => e.State != EquipmentState.Scrapped),
            s.Equipment.Count(e => e.State == EquipmentState.Faulty)
        ));

    public async Task<Result> RunAsync(HonglingDb db, CancellationToken ct = default)
    {
        var sites = await FilterAsync(db, ct);
        var paging = new Paging(Page, await sites.CountAsync(ct));
        var rows = await Project(sites.OrderBy(s => s.OrgPath).ThenBy(s => s.Code))
            .Skip(paging.Skip)
            .Take(paging.Size)
            .ToListAsync(ct);
        return new Result(rows, paging with { Page = Math.Clamp(Page, 1, paging.Pages) });
    }
}
