using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>通报设置与下月目标: an issuing organization's bulletin settings (rates' period, submission months, the
/// monthly schedule, the composite rate's weights) and its targets for a month (下月工作重点, next month by default),
/// for its administrators. Any organization the caller administers that is not a branch (?org=); others answer 404.
/// Each form saves all of its fields or none.</summary>
public sealed class SettingsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "org")]
    public int? OrgId { get; set; }

    /// <summary>The month whose targets the page shows (yyyy-MM); next month when absent or not a month.</summary>
    [BindProperty(SupportsGet = true, Name = "month")]
    public string? MonthValue { get; set; }

    [TempData]
    public string? Status { get; set; }

    public ScopedOrg Org { get; private set; } = null!;
    public bool IsRoot { get; private set; }
    public bool HasSettings { get; private set; }
    public bool HasTargets { get; private set; }
    public int TargetsMonth { get; private set; }
    public IReadOnlyList<ScopedOrg> Issuers { get; private set; } = [];
    public SettingsInput Settings { get; set; } = new();
    public TargetsInput Targets { get; set; } = new();

    /// <summary>The sentences section 四 prints for the month's targets (shown once they are set).</summary>
    public IReadOnlyList<string> Preview { get; private set; } = [];

    public int ThisMonth => clock.MonthInChina();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadOrgAsync(ct))
            return NotFound();
        await LoadSettingsAsync(ct);
        await LoadTargetsAsync(TargetsInput.ParseMonth(MonthValue) ?? ChinaTime.NextMonth(ThisMonth), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        if (!await LoadOrgAsync(ct))
            return NotFound();
        var input = new SettingsInput();
        await TryUpdateModelAsync(input, nameof(Settings));
        input.Validate(ModelState, nameof(Settings));
        var row = await db.BulletinSettings.FirstOrDefaultAsync(s => s.OrganizationId == Org.Id, ct);
        if (ModelState.IsValid)
        {
            input.ApplyTo(row ??= db.BulletinSettings.Add(new BulletinSettings { OrganizationId = Org.Id }).Entity);
            if (await SavedAsync(nameof(Settings), ct))
            {
                Status = "通报设置已保存。";
                return RedirectToPage(new { org = Org.Id, month = MonthValue });
            }
        }
        Settings = input;
        HasSettings = row is not null;
        await LoadTargetsAsync(TargetsInput.ParseMonth(MonthValue) ?? ChinaTime.NextMonth(ThisMonth), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTargetsAsync(CancellationToken ct)
    {
        if (!await LoadOrgAsync(ct))
            return NotFound();
        var input = new TargetsInput();
        await TryUpdateModelAsync(input, nameof(Targets));
        input.Validate(ModelState, nameof(Targets), ThisMonth);
        if (ModelState.IsValid)
        {
            var month = TargetsInput.ParseMonth(input.Month)!.Value;
            var row = await db.BulletinTargets.FirstOrDefaultAsync(
                t => t.OrganizationId == Org.Id && t.Month == month,
                ct
            ) ?? db.BulletinTargets.Add(new BulletinTargets { OrganizationId = Org.Id }).Entity;
            input.ApplyTo(row);
            if (await SavedAsync(nameof(Targets), ct))
            {
                Status = $"{month / 100}年{month % 100}月的工作目标已保存。";
                return RedirectToPage(new { org = Org.Id, month = input.Month!.Trim() });
            }
        }
        await LoadSettingsAsync(ct);
        TargetsMonth = TargetsInput.ParseMonth(input.Month) ?? ChinaTime.NextMonth(ThisMonth);
        HasTargets = await db.BulletinTargets.AnyAsync(t => t.OrganizationId == Org.Id && t.Month == TargetsMonth, ct);
        Targets = input;
        return Page();
    }

    /// <summary>Saves the form's row (and its audit entry) in one SaveChanges; two administrators adding the same
    /// organization's first row at once meet the unique key, and the second is asked to reload.</summary>
    private async Task<bool> SavedAsync(string form, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(form, "其他管理员刚刚保存了同一设置,请刷新页面后重试。");
            return false;
        }
    }

    /// <summary>The organization asked for, else the caller's first administered one; never a branch (it issues
    /// none).</summary>
    private async Task<bool> LoadOrgAsync(CancellationToken ct)
    {
        var issuers = db.AdministeredOrganizations.Where(o => o.Kind != OrgKind.Branch);
        var picked = await (OrgId is { } id ? issuers.Where(o => o.Id == id) : issuers.OrderBy(o => o.Path))
            .Select(o => new
            {
                Org = new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth),
                IsRoot = o.ParentId == null,
            })
            .FirstOrDefaultAsync(ct);
        if (picked is null)
            return false;
        (Org, IsRoot) = (picked.Org, picked.IsRoot);
        Issuers = await issuers
            .OrderBy(o => o.Path)
            .Take(500)
            .Select(o => new ScopedOrg(o.Id, o.Name, o.Path, o.Kind, o.Depth))
            .ToListAsync(ct);
        return true;
    }

    private async Task LoadSettingsAsync(CancellationToken ct)
    {
        var row = await db.BulletinSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OrganizationId == Org.Id, ct);
        HasSettings = row is not null;
        Settings = SettingsInput.From(row, IsRoot);
    }

    private async Task LoadTargetsAsync(int month, CancellationToken ct)
    {
        TargetsMonth = month;
        var row = await db
            .BulletinTargets.AsNoTracking()
            .FirstOrDefaultAsync(t => t.OrganizationId == Org.Id && t.Month == month, ct);
        HasTargets = row is not null;
        Targets = TargetsInput.From(row ?? new BulletinTargets { Month = month });
        if (row is not null)
            Preview = TargetsWording.Wanted(TargetList.Of(row));
    }
}
