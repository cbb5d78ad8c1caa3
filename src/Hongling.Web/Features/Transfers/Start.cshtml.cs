using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>Starts a transfer of one member: the receiving branch by its organization code.</summary>
public sealed class StartModel(HonglingDb db, TransferDesk desk) : PageModel
{
    public Member Member { get; private set; } = null!;

    [
        BindProperty,
        Required(ErrorMessage = "请填写接收党支部的组织编码"),
        StringLength(24, ErrorMessage = "组织编码过长"),
        Display(Name = "接收党支部的组织编码")
    ]
    public string? ToCode { get; set; }

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
            var transfer = await desk.StartAsync(memberId, ToCode!, Note);
            TempData["Status"] = $"已发起转接,介绍信编号 {transfer.LetterNumber},等待接收组织处理。";
            return RedirectToPage("/Transfers/Index");
        }
        catch (RuleException e)
        {
            ModelState.AddModelError(nameof(ToCode), e.Error.Message);
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
