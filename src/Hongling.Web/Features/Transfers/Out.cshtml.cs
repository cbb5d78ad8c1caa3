using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>Starts a transfer of one member out of the platform (转出平台): the receiving organization by
/// name, the letter number of the sender's own numbering or a generated one.</summary>
public sealed class OutModel(HonglingDb db, TransferDesk desk) : PageModel
{
    public Member Member { get; private set; } = null!;

    [
        BindProperty,
        Required(ErrorMessage = "请填写接收党组织的名称"),
        StringLength(100, ErrorMessage = "接收党组织名称不超过100字"),
        Display(Name = "接收党组织(全称)")
    ]
    public string? ToName { get; set; }

    [
        BindProperty,
        StringLength(40, ErrorMessage = "介绍信编号不超过40个字符"),
        Display(Name = "介绍信编号(留空则自动生成)")
    ]
    public string? LetterNumber { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "备注不超过500字"), Display(Name = "备注(如转接原因)")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int memberId) => await LoadAsync(memberId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int memberId)
    {
        if (!await LoadAsync(memberId))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        try
        {
            var transfer = await desk.StartOutAsync(memberId, ToName!, LetterNumber, Note);
            TempData["Status"] = $"已发起转出,介绍信编号 {transfer.LetterNumber}。收到对方回执后,请在此登记“已转出”。";
            return RedirectToPage("/Transfers/Index");
        }
        catch (RuleException e)
        {
            var field = e.Error == RuleErrors.LetterNumberTaken ? nameof(LetterNumber) : nameof(ToName);
            ModelState.AddModelError(field, e.Error.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int memberId)
    {
        Member = (
            await db.AdministeredMembers.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == memberId)
        )!;
        return Member is not null;
    }
}
