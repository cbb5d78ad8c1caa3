using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>帮扶救助 for administrators: the funds they hold or that reach their subtree, a new fund, and the
/// applications waiting for a step their organizations decide.</summary>
public sealed class IndexModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record FundRow(
        int Id,
        string Name,
        FundKind Kind,
        string OrgName,
        decimal Balance,
        bool Mine,
        bool Active
    );

    public sealed record Waiting(
        int Id,
        string Member,
        AidKind Kind,
        decimal Amount,
        string Fund,
        int Step,
        DateTime At
    );

    public IReadOnlyList<FundRow> Funds { get; private set; } = [];
    public IReadOnlyList<Waiting> Queue { get; private set; } = [];
    public ScopedOrg? Org { get; private set; }

    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public FundKind Kind { get; set; } = FundKind.MutualAid;

    [BindProperty]
    public decimal? TuitionPercent { get; set; }

    [BindProperty]
    public List<ReviewLevel> Levels { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int? org)
    {
        if ((Org = await ScopedOrg.PickAsync(db, org)) is null)
            return NotFound();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? org)
    {
        if ((Org = await ScopedOrg.PickAsync(db, org)) is null)
            return NotFound();
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            ModelState.AddModelError(nameof(Name), "请填写基金名称(不超过100字)");
        if (Kind == FundKind.Tuition && TuitionPercent is not (> 0 and <= 100))
            ModelState.AddModelError(nameof(TuitionPercent), "学历教育补助请填写资助比例(0到100之间,如10表示10%)");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.Funds.Add(
            new Fund
            {
                OrganizationId = Org.Id,
                AudiencePath = Org.Path,
                Name = name,
                Kind = Kind,
                TuitionPercent = Kind == FundKind.Tuition ? TuitionPercent : null,
                ReviewLevels = AidRules.Store(Levels),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync();
        Status = $"已设立基金:{name}。";
        return RedirectToPage(new { org = Org.Id });
    }

    private async Task LoadAsync()
    {
        Funds = await db
            .Funds.OrderBy(f => f.OrgPath)
            .ThenBy(f => f.Id)
            .Take(200)
            .Select(f => new FundRow(f.Id, f.Name, f.Kind, f.Organization.Name, f.Balance, false, f.Active))
            .ToListAsync();
        var mine = await db.AdministeredRows<Fund>().Select(f => f.Id).Take(200).ToListAsync();
        Funds = [.. Funds.Select(f => f with { Mine = mine.Contains(f.Id) })];
        Queue = await AidQueue
            .WaitingFor(db)
            .OrderBy(a => a.CreatedAt)
            .Take(200)
            .Select(a => new Waiting(a.Id, a.Member.Name, a.Kind, a.AmountAsked, a.Fund.Name, a.Step, a.CreatedAt))
            .ToListAsync();
    }
}
