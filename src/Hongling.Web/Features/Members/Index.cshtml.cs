using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

public sealed class IndexModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public MemberStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Floating { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;
    public string? OrgName { get; private set; }
    public MemberSearch.Result Result { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Org is { } id)
            OrgName = await db
                .AdministeredOrganizations.Where(o => o.Id == id)
                .Select(o => o.Name)
                .FirstOrDefaultAsync(ct);
        Result = await new MemberSearch(Q, Status, Org, PageNumber, Floating).RunAsync(db, ct);
    }

    public string PageUrl(int page) =>
        Url.Page(
            "/Members/Index",
            new
            {
                Q,
                Status,
                Org,
                Floating,
                p = page,
            }
        )!;

    public string ExportUrl() =>
        Url.Page(
            "/Members/Index",
            "Export",
            new
            {
                Q,
                Status,
                Org,
                Floating,
            }
        )!;

    /// <summary>The list as .xlsx: the same search, every page, ID numbers and phones masked.</summary>
    public async Task<FileContentResult> OnGetExportAsync(CancellationToken ct) =>
        File(
            await Import.MemberExport.BuildAsync(
                await new MemberSearch(Q, Status, Org, FloatingOnly: Floating).FilterAsync(db, ct),
                ct
            ),
            Import.MemberSheet.ContentType,
            "党员名册.xlsx"
        );
}
