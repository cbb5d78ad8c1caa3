using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>工作通报: the bulletins the caller's organizations issued and those published to them from above (current
/// versions, newest first), and the form that generates one for any organization the caller administers.</summary>
public sealed class IndexModel(HonglingDb db, BulletinGenerator generator, TimeProvider clock) : PageModel
{
    public sealed record Row(
        int Id,
        string Issuer,
        int Month,
        int Number,
        int Version,
        bool Published,
        bool Automatic,
        DateTime GeneratedAt
    );

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    [BindProperty]
    public int? OrgId { get; set; }

    [BindProperty]
    public int? Month { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ScopedOrg> Issuers { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);
    public int LastMonth => ChinaTime.PreviousMonth(clock.MonthInChina());
    public IEnumerable<int> MonthChoices
    {
        get
        {
            var month = clock.MonthInChina();
            for (var i = 0; i < 24; i++, month = ChinaTime.PreviousMonth(month))
                yield return month;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Generates the chosen organization's bulletin for the month (a new version if it has one).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ScopedOrg.PickAsync(db, OrgId) is not { } issuer)
            return NotFound();
        if (Month is not { } month || !ChinaTime.IsMonth(month) || month > clock.MonthInChina())
            ModelState.AddModelError(nameof(Month), "请选择要通报的月份(不能晚于本月)。");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var bulletin = await generator.GenerateAsync(issuer, Month!.Value, automatic: false, ct);
        return Redirect($"/Bulletins/{bulletin!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Issuers = await db
            .AdministeredOrganizations.Where(o => o.Kind != Domain.OrgKind.Branch)
            .OrderBy(o => o.Path)
            .Take(500)
            .Select(o => new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth))
            .ToListAsync(ct);
        var current = db.Bulletins.Where(b => b.IsCurrent);
        Paging = new Paging(Paging.Clamp(PageNumber), await current.CountAsync(ct));
        Rows = await current
            .OrderByDescending(b => b.Month)
            .ThenBy(b => b.OrgPath)
            .Skip(Paging.Skip)
            .Take(Paging.Size)
            .Select(b => new Row(
                b.Id,
                b.IssuerName,
                b.Month,
                b.Number,
                b.Version,
                b.PublishedAt != null,
                b.Automatic,
                b.GeneratedAt
            ))
            .ToListAsync(ct);
    }

    public static string MonthText(int month) => $"{month / 100}年{month % 100}月";
}
