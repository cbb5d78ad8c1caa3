using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>Records a member whose relationship comes from outside the platform (从平台外转入) into one
/// administered branch: the introduction letter (number, issuing organization) and the member form. An ID
/// number of a member who once left the platform brings that record back.</summary>
public sealed class InModel(
    HonglingDb db,
    TransferDesk desk,
    PiiProtector pii,
    IdNumberRegistry registry,
    TimeProvider clock
) : PageModel
{
    /// <summary>The receiving branch; null while the caller chooses one.</summary>
    public Organization? Branch { get; private set; }
    public IReadOnlyList<SelectListItem> Branches { get; private set; } = [];

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    [
        BindProperty,
        Required(ErrorMessage = "请填写介绍信编号"),
        StringLength(40, ErrorMessage = "介绍信编号不超过40个字符"),
        Display(Name = "介绍信编号")
    ]
    public string? LetterNumber { get; set; }

    [
        BindProperty,
        Required(ErrorMessage = "请填写开具介绍信的党组织"),
        StringLength(100, ErrorMessage = "党组织名称不超过100字"),
        Display(Name = "开具介绍信的党组织(全称)")
    ]
    public string? FromName { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "备注不超过500字"), Display(Name = "备注")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int? orgId)
    {
        if (orgId is null)
        {
            Branches = await MemberInput.BranchOptionsAsync(db);
            return Branches.Count == 1 ? RedirectToPage(new { orgId = int.Parse(Branches[0].Value) }) : Page();
        }
        if (!await LoadAsync(orgId.Value))
            return NotFound();
        Input.OrganizationId = Branch!.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? orgId)
    {
        if (orgId is null || !await LoadAsync(orgId.Value))
            return NotFound();
        // The branch is the page's, whatever the form says.
        ModelState.Remove("Input." + nameof(MemberInput.OrganizationId));
        Input.OrganizationId = Branch!.Id;
        var today = clock.TodayInChina();
        Member? returning = null;
        if (IdNumber.Validate(Input.IdNumber, today) is null)
        {
            var (departed, present) = await desk.HolderOfAsync(Input.IdNumber!, Branch!);
            returning = departed;
            // The field error ("已登记") comes from the form rules; this says what to do instead, and not where.
            if (present)
                ModelState.AddModelError("", RuleErrors.TransferPresentMember.Message);
        }
        // A returning member's record is the one being edited: its own ID number is no duplicate.
        await Input.ValidateAsync(ModelState, db, pii, registry, today, returning);
        if (!string.IsNullOrWhiteSpace(LetterNumber) && await desk.LetterNumberTakenAsync(LetterNumber))
            ModelState.AddModelError(nameof(LetterNumber), RuleErrors.LetterNumberTaken.Message);
        if (!ModelState.IsValid)
            return Page();
        try
        {
            var (_, member) = await desk.ReceiveAsync(Branch, Input, LetterNumber!, FromName!, Note, returning);
            TempData["Status"] = returning is null
                ? $"已登记从平台外转入,党员 {member.Name} 已编入{Branch.Name}。"
                : $"已登记从平台外转入:{member.Name} 曾转出本平台,原有记录已恢复并编入{Branch.Name}。";
            return RedirectToPage("/Members/Detail", new { id = member.Id });
        }
        catch (RuleException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddRuleError(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int orgId)
    {
        Branch = await db
            .AdministeredOrganizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == orgId && o.Kind == OrgKind.Branch);
        if (Branch is not null)
            Branches = [new SelectListItem(Branch.Name, Branch.Id.ToString())];
        return Branch is not null;
    }
}
