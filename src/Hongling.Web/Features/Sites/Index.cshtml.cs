using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Sites;

/// <summary>The site registry (站点台账): the sites the caller administers, searched and filtered, paged, with
/// an .xlsx export of the same search.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Town { get; set; }

    [BindProperty(SupportsGet = true)]
    public SiteKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public SiteStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;
    public IReadOnlyList<(int Id, string Name)> Towns { get; private set; } = [];
    public SiteList.Result Result { get; private set; } = new([], new(1, 0));

    private SiteList Search => new(Q, Town, Kind, Status, PageNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Towns = await SiteList.TownsAsync(db, ct);
        Result = await Search.RunAsync(db, ct);
    }

    public string PagePrefix()
    {
        var url = Url.Page(
            "/Sites/Index",
            new
            {
                Q,
                Town,
                Kind,
                Status,
            }
        )!;
        return url + (url.Contains('?') ? "&p=" : "?p=");
    }

    public string ExportUrl() =>
        Url.Page(
            "/Sites/Index",
            "Export",
            new
            {
                Q,
                Town,
                Kind,
                Status,
            }
        )!;

    /// <summary>The list as .xlsx: the same search, every page; the administrator's and operator's names
    /// only.</summary>
    public async Task<FileContentResult> OnGetExportAsync(CancellationToken ct) =>
        File(
            await SiteExport.BuildAsync(await Search.FilterAsync(db, ct), ct),
            SiteSheet.ContentType,
            "远教站点台账.xlsx"
        );
}
