using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members.Import;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>One fund for its organization's administrators: the balance, the ledger (newest first, paged), a
/// deposit or adjustment, the .xlsx export, the monthly subsidy run, its review steps and closing or reopening it.
/// Changed steps apply to applications filed afterwards: each application keeps the steps it was filed with. A
/// closed fund (已关闭) takes no new applications; those already filed are still reviewed and paid, long-term
/// subsidies included, and it can be reopened.</summary>
public sealed class FundModel(HonglingDb db, FundLedger ledger, SubsidyRun run) : PageModel
{
    public const int PageSize = 50;
    public Fund Fund { get; private set; } = null!;
    public IReadOnlyList<FundEntry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    [BindProperty]
    public FundEntryKind EntryKind { get; set; } = FundEntryKind.Deposit;

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<ReviewLevel> Levels { get; set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>A deposit (入账, positive) or an adjustment (调整, either sign; never below zero).</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var note = Note?.Trim() ?? "";
        if (note.Length is 0 or > 200)
            ModelState.AddModelError(nameof(Note), AidErrors.NoteRequired.Message);
        if (
            Amount is not { } amount
            || amount == 0
            || amount != Math.Round(amount, 2)
            || EntryKind == FundEntryKind.Deposit && amount < 0
            || EntryKind == FundEntryKind.Payment
        )
            ModelState.AddModelError(nameof(Amount), "请填写金额(元,最多两位小数;入账为正数,调整可为负数)");
        if (ModelState.IsValid)
        {
            try
            {
                await ledger.PostAsync(
                    Fund,
                    new FundLedger.Posting(EntryKind, Amount!.Value, note),
                    HttpContext.RequestAborted
                );
                Status = $"已记账:{AidRules.Of(EntryKind)} {Amount:N2} 元,余额 {Fund.Balance:N2} 元。";
                return RedirectToPage(new { id });
            }
            catch (RuleException e)
            {
                ModelState.AddRuleError(e);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var r = await run.RunAsync(HttpContext.RequestAborted);
        Status =
            $"本月发放已执行:新发放 {r.Payments} 笔,结束 {r.Completed} 项"
            + (r.Short > 0 ? $",{r.Short} 项因余额不足未发放。" : "。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStepsAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Fund.ReviewLevels = AidRules.Store(Levels);
        await db.SaveChangesAsync();
        Status =
            $"审核步骤已改为:{AidRules.Describe(Fund.ReviewLevels)}。此后提交的申请按新步骤审核,已提交的申请仍按原步骤审核。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Fund.Active = active;
        await db.SaveChangesAsync();
        Status = active ? "基金已重新开放,党员可以申请。" : "基金已关闭,不再受理新的申请;已提交的申请继续审核发放。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetExportAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var bytes = await LedgerExport.BuildAsync(
            db.FundEntries.Where(e => e.FundId == id),
            HttpContext.RequestAborted
        );
        return File(bytes, MemberSheet.ContentType, $"{Fund.Name}-台账.xlsx");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.AdministeredRows<Fund>().FirstOrDefaultAsync(f => f.Id == id) is not { } fund)
            return false;
        Fund = fund;
        P = Math.Max(1, P);
        Entries = await db
            .FundEntries.Where(e => e.FundId == id)
            .OrderByDescending(e => e.Sequence)
            .Skip((P - 1) * PageSize)
            .Take(PageSize)
            .AsNoTracking()
            .ToListAsync();
        return true;
    }
}
