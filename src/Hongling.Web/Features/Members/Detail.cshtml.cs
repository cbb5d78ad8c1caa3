using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Account;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>One member's record, with the red ID card: issue one, or reset its password.</summary>
public sealed class DetailModel(HonglingDb db, CardIssuer cards, PiiProtector pii) : PageModel
{
    public Member Member { get; private set; } = null!;
    public CardIssuer.Issued? Issued { get; private set; }
    /// <summary>The full ID number, only in the response to an explicit (and logged) request.</summary>
    public string? FullIdNumber { get; private set; }
    [TempData] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIssueCardAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Issued = await cards.IssueAsync(Member);
        if (Issued is null) Status = "该党员已有红色身份证。";
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Issued = await cards.ResetPasswordAsync(Member);
        if (Issued is null) Status = "该党员尚未发放红色身份证。";
        return Page();
    }

    public async Task<IActionResult> OnPostRevealIdNumberAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        FullIdNumber = pii.Decrypt(Member.IdNumberCipher);
        db.LogView(Member, "IdNumber");
        await db.SaveChangesAsync();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        Member = (await db.AdministeredMembers.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id))!;
        return Member is not null;
    }
}
