using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Dues;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Submissions;

/// <summary>The monthly submission task (每月报送任务): each unit's submitted and adopted counts for a
/// China-time month against the quota; district editors change the quota here.</summary>
public sealed class QuotaModel(HonglingDb db, TimeProvider clock, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty, Range(1, 100, ErrorMessage = "每月任务应为1到100条"), Display(Name = "每月选用任务(条)")]
    public int? NewQuota { get; set; }
    public int Quota { get; private set; }
    public bool IsEditor { get; private set; }
    public IReadOnlyList<QuotaTable.Row> Rows { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        NewQuota = Quota;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!IsEditor)
            return NotFound();
        if (NewQuota is null)
            ModelState.AddModelError(nameof(NewQuota), "请填写每月任务条数");
        if (!ModelState.IsValid)
            return Page();
        var root = await db
            .AdministeredOrganizations.Where(o => o.ParentId == null)
            .OrderBy(o => o.Id)
            .Select(o => o.Id)
            .FirstAsync();
        var setting = await db.SubmissionSettings.FirstOrDefaultAsync(s => s.OrganizationId == root)
            ?? db.SubmissionSettings.Add(new SubmissionSettings { OrganizationId = root }).Entity;
        setting.MonthlyQuota = NewQuota!.Value;
        await db.SaveChangesAsync();
        Status = $"每月选用任务已改为 {NewQuota} 条。";
        return RedirectToPage(new { Month });
    }

    private async Task LoadAsync()
    {
        Month = Month is { } m && ChinaTime.IsMonth(m) ? m : clock.MonthInChina();
        IsEditor = await SubmissionRules.IsEditorAsync(db);
        Quota = await SubmissionRules.QuotaAsync(db, config);
        Rows = await QuotaTable.ForAsync(db, Month.Value, Quota);
    }
}
