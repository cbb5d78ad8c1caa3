using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>The member list's search, shared by the page and the API. Lists show masked ID numbers and
/// phones.</summary>
public sealed record MemberSearch(string? Q, MemberStatus? Status, int? Org, int Page = 1, bool FloatingOnly = false)
{
    public const int PageSize = 20;

    public sealed record Row(
        int Id,
        string Name,
        string Gender,
        string IdNumber,
        string Mobile,
        string Status,
        string Organization,
        string? CardNumber,
        bool IsFloating
    );

    /// <summary>A name search counts at most <see cref="CountCap"/> matches (a LIKE '%x%' cannot use an
    /// index, so the count stops early); then <see cref="TotalIsAtLeast"/> is set.</summary>
    public const int CountCap = 1000;

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int Pages, bool TotalIsAtLeast = false);

    private bool ByName =>
        !string.IsNullOrWhiteSpace(Q) && !Q.Trim().ToUpperInvariant().All(c => char.IsAsciiDigit(c) || c == 'X');

    public async Task<Result> RunAsync(HonglingDb db, CancellationToken ct = default)
    {
        var query = await FilterAsync(db, ct);
        var total = ByName ? await query.Take(CountCap + 1).CountAsync(ct) : await query.CountAsync(ct);
        var atLeast = ByName && total > CountCap;
        if (atLeast)
            total = CountCap;
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(Page, 1, pages);
        var raw = await query
            .OrderBy(m => m.OrganizationId)
            .ThenBy(m => m.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.Gender,
                m.IdNumberMasked,
                m.Mobile,
                m.Status,
                Org = m.Organization.Name,
                m.CardNumber,
                m.IsFloating,
            })
            .ToListAsync(ct);
        var rows = raw.Select(m => new Row(
                m.Id,
                m.Name,
                Labels.Of(m.Gender),
                m.IdNumberMasked,
                Domain.Mobile.Mask(m.Mobile),
                Labels.Of(m.Status),
                m.Org,
                m.CardNumber,
                m.IsFloating
            ))
            .ToList();
        return new Result(rows, total, page, pages, atLeast);
    }

    /// <summary>The members in the caller's scope that match the search, unordered and unpaged.</summary>
    public async Task<IQueryable<Member>> FilterAsync(HonglingDb db, CancellationToken ct = default)
    {
        var query = db.AdministeredMembers;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Names hold no digits, so the shape of the text says which indexed column to search.
            var q = Q.Trim();
            var upper = q.ToUpperInvariant();
            if (!ByName)
                query =
                    upper.Length == 4
                        ? query.Where(m => m.IdNumberTail == upper)
                        : query.Where(m => m.CardNumber == upper);
            else
            {
                var pattern = "%" + q.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
                query = query.Where(m => EF.Functions.Like(m.Name, pattern, @"\"));
            }
        }
        if (Status is { } status)
            query = query.Where(m => m.Status == status);
        if (FloatingOnly)
            query = query.Where(m => m.IsFloating);
        if (Org is { } orgId)
        {
            var path = await db
                .AdministeredOrganizations.Where(o => o.Id == orgId)
                .Select(o => o.Path)
                .FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(m => false) : query.InSubtree(path);
        }
        return query;
    }
}
