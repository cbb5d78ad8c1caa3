using Hongling.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Sites;

/// <summary>Excel import of sites with their equipment: download the template, upload; every row is checked and
/// the file is imported only when no row has a problem (otherwise the problems are listed by row and column).</summary>
[RequestSizeLimit(8 * 1024 * 1024)]
public sealed class ImportModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public SiteImport.Outcome? Result { get; private set; }

    public void OnGet() { }

    public FileContentResult OnGetTemplate() =>
        File(SiteSheet.Template(), SiteSheet.ContentType, "远教站点导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要导入的Excel文件");
            return Page();
        }
        if (file.Length > SiteImport.MaxBytes)
        {
            ModelState.AddModelError("file", "文件超过5MB,请分批导入");
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Result = await new SiteImport(db, clock).ImportAsync(buffer.ToArray(), db.Scope.ActorName, ct);
        if (!Result.Ok)
            return Page();
        TempData["Status"] = $"已导入 {Result.Imported} 个站点。";
        return RedirectToPage("/Sites/Index");
    }
}
