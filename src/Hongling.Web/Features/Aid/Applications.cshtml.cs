using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>Every application of the administrator's subtrees, newest first, paged.</summary>
public sealed class ApplicationsModel(HonglingDb db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(
        int Id,
        string Member,
        string Branch,
        AidKind Kind,
        string Fund,
        decimal Asked,
        AidStatus Status,
        DateTime At
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int P { get; private set; }

    public async Task OnGetAsync(int p = 1)
    {
        P = Math.Max(1, p);
        Rows = await db.AdministeredRows<AidApplication>()
            .OrderByDescending(a => a.Id)
            .Skip((P - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new Row(
                a.Id,
                a.Member.Name,
                a.Organization.Name,
                a.Kind,
                a.Fund.Name,
                a.AmountAsked,
                a.Status,
                a.CreatedAt
            ))
            .ToListAsync();
    }
}
