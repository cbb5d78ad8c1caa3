using Hongling.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Notifications;

/// <summary>送达情况 of one notification, with the .xlsx export.</summary>
public sealed class ReportModel(HonglingDb db) : PageModel
{
    public DeliveryReport.Summary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DeliveryReport.SummaryAsync(db, id, HttpContext.RequestAborted) is not { } s)
            return NotFound();
        Summary = s;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id) =>
        await DeliveryReport.ExportAsync(db, id, HttpContext.RequestAborted) is { } bytes
            ? File(bytes, DeliveryReport.XlsxType, $"送达情况-{id}.xlsx")
            : NotFound();
}
