using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>Visits (走访慰问) for administrators: record one against a member of their subtree (date, visitors, what
/// was given, optionally cash from a fund they hold, which is a payment row of its ledger), and the latest
/// ones.</summary>
public sealed class VisitsModel(HonglingDb db, FundLedger ledger, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Member, DateOnly On, string Visitors, string Given, decimal? Cash);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty]
    public int? MemberId { get; set; }

    /// <summary>The picked member's name, shown again after a refused post.</summary>
    public string? MemberName { get; private set; }

    /// <summary>The funds the caller's organizations hold, for a cash gift.</summary>
    public IReadOnlyList<(int Id, string Name)> Funds { get; private set; } = [];

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Visitors { get; set; }

    [BindProperty]
    public string? Given { get; set; }

    [BindProperty]
    public decimal? Cash { get; set; }

    [BindProperty]
    public int? FundId { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(int? member)
    {
        MemberId = member;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (MemberId is null)
        {
            ModelState.AddModelError(nameof(MemberId), AidErrors.VisitMemberRequired.Message);
            await LoadAsync();
            return Page();
        }
        var member = await db
            .AdministeredMembers.Where(m => m.Id == MemberId)
            .Select(m => new
            {
                m.Id,
                m.OrganizationId,
                m.Name,
            })
            .FirstOrDefaultAsync();
        if (member is null)
            return NotFound();
        var (visitors, given) = (Visitors?.Trim() ?? "", Given?.Trim() ?? "");
        if (
            On is not { } on
            || on > clock.TodayInChina()
            || visitors.Length is 0 or > 200
            || given.Length is 0 or > 200
        )
            ModelState.AddModelError("", AidErrors.VisitIncomplete.Message);
        if (Cash is { } cash && (!AidRules.IsYuan(cash) || FundId is null))
            ModelState.AddModelError(nameof(Cash), "慰问金应大于0元(最多两位小数),并选择支出的基金");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var visit = new Visit
        {
            MemberId = member.Id,
            OrganizationId = member.OrganizationId,
            On = On!.Value,
            Visitors = visitors,
            Given = given,
            Cash = Cash,
            FundId = Cash is null ? null : FundId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = db.Scope.ActorName,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            if (Cash is { } yuan)
            {
                var fund = await db.AdministeredRows<Fund>().FirstOrDefaultAsync(f => f.Id == FundId)
                    ?? throw new RuleException(AidErrors.NotFundAdministrator);
                ledger.Add(
                    fund,
                    new FundLedger.Posting(FundEntryKind.Payment, -yuan, $"走访慰问 {member.Name}", VisitId: visit.Id)
                );
                await db.SaveChangesAsync();
            }
            await tx.CommitAsync();
        }
        catch (RuleException e)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            ModelState.AddRuleError(e);
            await LoadAsync();
            return Page();
        }
        Status = $"已记录对{member.Name}的走访慰问。";
        return RedirectToPage(new { member = member.Id });
    }

    private async Task LoadAsync()
    {
        MemberName = MemberId is { } id
            ? await db.AdministeredMembers.Where(m => m.Id == id).Select(m => m.Name).FirstOrDefaultAsync()
            : null;
        Funds = (
            await db.AdministeredRows<Fund>()
                .OrderBy(f => f.Name)
                .Take(100)
                .Select(f => new { f.Id, f.Name })
                .ToListAsync()
        )
            .Select(f => (f.Id, f.Name))
            .ToList();
        Rows = await db
            .Visits.Where(v => MemberId == null || v.MemberId == MemberId)
            .OrderByDescending(v => v.On)
            .ThenByDescending(v => v.Id)
            .Take(100)
            .Select(v => new Row(v.Id, v.Member.Name, v.On, v.Visitors, v.Given, v.Cash))
            .ToListAsync();
    }
}
