using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>The activities of the administered subtrees, newest first, with their attendance.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public sealed record Row(
        int Id,
        ActivityKind Kind,
        string Topic,
        string Org,
        DateTime StartsAt,
        string Place,
        int Expected,
        int Present
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync()
    {
        P = Math.Max(1, P);
        var all = db.AdministeredRows<Activity>();
        Total = await all.CountAsync();
        Rows = await all.OrderByDescending(a => a.StartsAt)
            .ThenByDescending(a => a.Id)
            .Skip((P - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new Row(
                a.Id,
                a.Kind,
                a.Topic,
                a.Organization.Name,
                a.StartsAt,
                a.Place,
                a.Participants.Count,
                a.Participants.Count(p => p.CheckedInAt != null)
            ))
            .ToListAsync();
    }
}
