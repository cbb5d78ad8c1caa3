using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>The to-do list (待办): probationary members due for full membership (转正), earliest first.</summary>
public sealed class TodoModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;
    public string? OrgName { get; private set; }
    public DateOnly Today { get; private set; }

    public sealed record Row(int Id, string Name, string Organization, DateOnly JoinedOn, DateOnly Due);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.TodayInChina();
        var due = TodoList.Due(db, Today);
        if (Org is { } id)
        {
            var org = await db
                .AdministeredOrganizations.Where(o => o.Id == id)
                .Select(o => new { o.Name, o.Path })
                .FirstOrDefaultAsync(ct);
            if (org is null)
                return NotFound();
            OrgName = org.Name;
            due = due.InSubtree(org.Path);
        }
        Total = await due.CountAsync(ct);
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var raw = await due.OrderBy(m => m.JoinedOn)
            .ThenBy(m => m.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(m => new
            {
                m.Id,
                m.Name,
                Org = m.Organization.Name,
                m.JoinedOn,
            })
            .ToListAsync(ct);
        Rows =
        [
            .. raw.Select(m => new Row(
                m.Id,
                m.Name,
                m.Org,
                m.JoinedOn,
                DevelopmentRules.FullMembershipDue(m.JoinedOn)
            )),
        ];
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Development/Todo", new { Org, p = page })!;
}
