using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Dues;

/// <summary>Monthly dues of one organization (党费收缴): the summary, the unpaid members, recording a payment.</summary>
public sealed class IndexModel(HonglingDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }
    public string OrgName { get; private set; } = "";
    public DateOnly Today => clock.TodayInChina();
    public DuesSummary Summary { get; private set; } = null!;

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public sealed class PaymentInput
    {
        public int MemberId { get; set; }

        [Required(ErrorMessage = "请填写金额"), Range(0.01, 1_000_000, ErrorMessage = "金额应大于0")]
        public decimal? Amount { get; set; }

        [Required(ErrorMessage = "请填写缴纳日期")]
        public DateOnly? PaidOn { get; set; }
        public PaymentMethod Method { get; set; } = PaymentMethod.WeChat;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostPayAsync(PaymentInput input)
    {
        if (!await LoadAsync())
            return NotFound();
        var member = await db.AdministeredMembers.FirstOrDefaultAsync(m => m.Id == input.MemberId);
        if (member is null)
            return NotFound();
        if (!ModelState.IsValid)
        {
            Error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Page();
        }
        if (await db.DuesPayments.AnyAsync(p => p.MemberId == member.Id && p.Month == Summary.Month))
        {
            Error = $"{member.Name} 本月党费已登记";
            return Page();
        }
        db.DuesPayments.Add(
            new DuesPayment
            {
                MemberId = member.Id,
                OrganizationId = member.OrganizationId,
                Month = Summary.Month,
                Amount = input.Amount!.Value,
                PaidOn = input.PaidOn!.Value,
                Method = input.Method,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
                RecordedBy = db.Scope.ActorName,
            }
        );
        await db.SaveChangesAsync();
        Status = $"已登记 {member.Name} {Summary.Month / 100}年{Summary.Month % 100}月党费 {input.Amount:0.00} 元。";
        return RedirectToPage(new { Org, Month = Summary.Month });
    }

    private async Task<bool> LoadAsync()
    {
        var org = Org is { } id
            ? await db
                .AdministeredOrganizations.Where(o => o.Id == id)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Path,
                })
                .FirstOrDefaultAsync()
            : await OrgTree
                .Roots(db)
                .OrderBy(o => o.Path)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Path,
                })
                .FirstOrDefaultAsync();
        if (org is null)
            return false;
        Org = org.Id;
        OrgName = org.Name;
        var month = Month is { } m && ChinaTime.IsMonth(m) ? m : clock.MonthInChina();
        Summary = await DuesSummary.ForAsync(db, org.Path, month);
        return true;
    }
}
