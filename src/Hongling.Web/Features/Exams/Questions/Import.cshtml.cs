using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams.Questions;

/// <summary>Importing questions from the .xlsx template into one bank, and exporting a bank.</summary>
[RequestSizeLimit(QuestionImport.MaxBytes + 100_000)]
public sealed class ImportModel(HonglingDb db, QuestionImport importer) : PageModel
{
    public List<(int Id, string Name)> Banks { get; private set; } = [];
    public QuestionImport.Result? Result { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public FileContentResult OnGetTemplate() =>
        File(QuestionSheet.Template(), QuestionSheet.ContentType, "题库导入模板.xlsx");

    public async Task<IActionResult> OnGetExportAsync(int bankId)
    {
        if (!await db.AdministeredOrganizations.AnyAsync(o => o.Id == bankId))
            return NotFound();
        var categories = await db
            .QuestionCategories.AsNoTracking()
            .Where(c => c.OrganizationId == bankId)
            .ToListAsync();
        var questions = await db
            .Questions.AsNoTracking()
            .Where(q => q.OrganizationId == bankId && !q.Retired)
            .OrderBy(q => q.Id)
            .ToListAsync();
        return File(
            QuestionSheet.Export(
                questions.Select(q => (q, QuestionBank.PathName(categories, q.CategoryId).Replace(" / ", "/")))
            ),
            QuestionSheet.ContentType,
            "题库导出.xlsx"
        );
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, int bankId, CancellationToken ct)
    {
        if (!await db.AdministeredOrganizations.AnyAsync(o => o.Id == bankId, ct))
            return NotFound();
        await LoadAsync();
        if (file is null)
        {
            Result = new([new(0, "", "请选择要导入的Excel文件")], 0);
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Result = await importer.ImportAsync(buffer.ToArray(), bankId, ct);
        return Page();
    }

    private async Task LoadAsync() =>
        Banks = [
            .. (await OrgTree.Roots(db).OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync()).Select(
                o => (o.Id, o.Name)
            ),
        ];
}
