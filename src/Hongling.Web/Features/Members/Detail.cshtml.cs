using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Account;
using Hongling.Web.Features.Photos;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Pii;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>One member's record, with the red ID card (issue one, or reset its password), the photo
/// (upload, replace, remove) and the member's transfer history.</summary>
[RequestSizeLimit(MemberPhotos.MaxRequestBytes)]
public sealed class DetailModel(HonglingDb db, CardIssuer cards, PiiProtector pii, OrgScope scope) : PageModel
{
    public Member Member { get; private set; } = null!;

    /// <summary>Every transfer of this member, of every kind, oldest first.</summary>
    public IReadOnlyList<Transfer> Transfers { get; private set; } = [];

    /// <summary>Whether the caller may open the transfer's letter (they stand on one of its sides).</summary>
    public bool Sees(Transfer t) => scope.Administers(t.OrgPath) || scope.Administers(t.SharedPath);

    public CardIssuer.Issued? Issued { get; private set; }

    /// <summary>The full ID number, only in the response to an explicit (and logged) request.</summary>
    public string? FullIdNumber { get; private set; }

    [TempData]
    public string? Status { get; set; }

    /// <summary>Why an uploaded photo was refused.</summary>
    public string? PhotoError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIssueCardAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Issued = await cards.IssueAsync(Member);
        if (Issued is null)
            Status = "该党员已有红色身份证。";
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Issued = await cards.ResetPasswordAsync(Member);
        if (Issued is null)
            Status = "该党员尚未发放红色身份证。";
        return Page();
    }

    /// <summary>Why the full ID number was not shown: no reason chosen.</summary>
    public string? RevealError { get; private set; }

    public async Task<IActionResult> OnPostRevealIdNumberAsync(int id, string? reason)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!IdViewReasons.IsValid(reason))
        {
            RevealError = IdViewReasons.Missing;
            return Page();
        }
        FullIdNumber = pii.Decrypt(Member.IdNumberCipher);
        db.LogView(Member, "IdNumber", reason!);
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadPhotoAsync(
        int id,
        IFormFile? photo,
        [FromServices] MemberPhotos photos,
        CancellationToken ct
    )
    {
        if (!await LoadAsync(id))
            return NotFound();
        var upload = await ImageUpload.ReadAsync(photo, MemberPhotos.Limits, ct);
        if (upload.Image is null)
        {
            PhotoError = upload.Refusal;
            return Page();
        }
        await photos.SetAsync(Member, upload.Image, ct);
        Status = "照片已更新。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(
        int id,
        [FromServices] MemberPhotos photos,
        CancellationToken ct
    )
    {
        if (!await LoadAsync(id))
            return NotFound();
        Status = await photos.RemoveAsync(Member, ct) ? "照片已删除。" : "该党员没有照片。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Member = (await db.AdministeredMembers.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id))!;
        if (Member is null)
            return false;
        // The history belongs to the record: the member's earlier transfers between organizations the caller
        // does not administer come with it (read past the scope once the member is known to be in it).
        Transfers = await db
            .TransfersOfThePlatform.AsNoTracking()
            .Where(t => t.MemberId == id)
            .OrderBy(t => t.Id)
            .ToListAsync();
        return true;
    }
}
