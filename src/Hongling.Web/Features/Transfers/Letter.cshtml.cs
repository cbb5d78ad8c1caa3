using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>The printable introduction letter (党员组织关系介绍信), with its receipt stub when the member
/// leaves the platform; for a transfer into the platform, the record of the letter received. Print from the
/// browser.</summary>
public sealed class LetterModel(HonglingDb db) : PageModel
{
    public Transfer Transfer { get; private set; } = null!;
    public Member? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.Transfers.FirstOrDefaultAsync(t => t.Id == id) is not { } transfer)
            return NotFound();
        Transfer = transfer;
        // The member's record as the sending side kept it: both sides of a transfer may print the letter.
        Member = await db.MembersOfThePlatform.FirstOrDefaultAsync(m => m.Id == transfer.MemberId);
        return Page();
    }
}
