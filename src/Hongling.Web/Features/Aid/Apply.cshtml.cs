using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>Applying for aid (申请帮扶救助): a member for themselves, or an administrator for a member of their
/// subtree (by member id). Attachments are checked by their bytes; any refusal saves nothing.</summary>
[SignedInPage]
[RequestSizeLimit(5 * DocumentUpload.MaxBytes + 1024 * 1024)]
public sealed class ApplyModel(HonglingDb db, AidDesk desk) : PageModel
{
    public const int MaxFiles = AidDocuments.MaxFiles;

    public sealed class InputModel
    {
        public int FundId { get; set; }
        public int? MemberId { get; set; }
        public AidKind Kind { get; set; } = AidKind.Emergency;

        [Display(Name = "申请金额")]
        public decimal? Amount { get; set; }

        [Display(Name = "学费金额")]
        public decimal? Fee { get; set; }
        public string? Reason { get; set; }

        /// <summary>yyyy-MM, as a month input posts it.</summary>
        public string? FromMonth { get; set; }
        public string? ToMonth { get; set; }
    }

    public sealed record FundOption(int Id, string Name, FundKind Kind, decimal? TuitionPercent);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public IReadOnlyList<FundOption> Funds { get; private set; } = [];
    public string? MemberName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? member)
    {
        Input.MemberId = member;
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files)
    {
        if (!await LoadAsync())
            return NotFound();
        var (documents, refusals) = await AidDocuments.ReadAsync(files, HttpContext.RequestAborted);
        foreach (var refusal in refusals)
            ModelState.AddModelError("files", refusal);
        if (!ModelState.IsValid)
            return Page();
        try
        {
            var application = await desk.FileAsync(
                new AidDesk.Application(
                    Input.FundId,
                    Input.MemberId,
                    Input.Kind,
                    Input.Amount,
                    Input.Fee,
                    Input.Reason,
                    AidDocuments.Month(Input.FromMonth),
                    AidDocuments.Month(Input.ToMonth),
                    documents
                ),
                HttpContext.RequestAborted
            );
            TempData["Status"] = "申请已提交,请等待审核。";
            return RedirectToPage("Detail", new { id = application.Id });
        }
        catch (RuleException e)
            when (e.Error.Status != StatusCodes.Status404NotFound || e.Error == AidErrors.FundNotFound)
        {
            ModelState.AddRuleError(e);
            return Page();
        }
        catch (RuleException)
        {
            return NotFound();
        }
    }

    /// <summary>The funds open to the applicant's branch; false when the member asked for is not the caller's to file
    /// for.</summary>
    private async Task<bool> LoadAsync()
    {
        string? branchPath;
        if (Input.MemberId is { } id)
        {
            var m = await db
                .AdministeredMembers.Where(x => x.Id == id)
                .Select(x => new { x.Name, x.OrgPath })
                .FirstOrDefaultAsync();
            if (m is null)
                return false;
            (MemberName, branchPath) = (m.Name, m.OrgPath);
        }
        else
            branchPath = db.Scope.MemberOrgPath;
        if (branchPath is null)
            return true;
        var funds = await db
            .Funds.Where(f => f.Active)
            .OrderBy(f => f.OrgPath)
            .Take(100)
            .Select(f => new { Option = new FundOption(f.Id, f.Name, f.Kind, f.TuitionPercent), f.AudiencePath })
            .ToListAsync();
        Funds =
        [
            .. funds.Where(f => branchPath.StartsWith(f.AudiencePath, StringComparison.Ordinal)).Select(f => f.Option),
        ];
        return true;
    }
}
