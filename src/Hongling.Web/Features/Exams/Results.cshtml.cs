using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>An exam's scores and statistics (成绩统计): figures, histogram, organizations compared,
/// item analysis, the filtered results table and its export. Attempts are those of the caller's subtree.</summary>
public sealed class ResultsModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? Min { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? Max { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;
    public Exam Exam { get; private set; } = null!;
    public ExamStatistics Stats { get; private set; } = null!;
    public List<ItemAnalysis.Row> Items { get; private set; } = [];
    public List<ResultList.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<(int Id, string Name)> Orgs { get; private set; } = [];

    private ResultList Filter => new(Org, State, Min, Max, Sort);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } exam)
            return NotFound();
        Exam = exam;
        Stats = await ExamStatistics.ForExamAsync(db, id);
        Items = await ItemAnalysis.ForExamAsync(db, id);
        var query = await Filter.QueryAsync(db, id);
        Total = await query.CountAsync();
        P = Math.Max(1, P);
        Rows = await ResultList.Rows(query).Skip((P - 1) * ResultList.PageSize).Take(ResultList.PageSize).ToListAsync();
        Orgs =
        [
            .. (
                await db
                    .AdministeredOrganizations.OrderBy(o => o.Path)
                    .Take(300)
                    .Select(o => new { o.Id, o.Name })
                    .ToListAsync()
            ).Select(o => (o.Id, o.Name)),
        ];
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id)
    {
        if (await FindAsync(id) is not { } exam)
            return NotFound();
        var bytes = await ResultList.ExportAsync(
            await Filter.QueryAsync(db, id),
            exam.Title,
            HttpContext.RequestAborted
        );
        return File(
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{exam.Title}-成绩.xlsx"
        );
    }

    private Task<Exam?> FindAsync(int id) =>
        db.AdministeredRows<Exam>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
}
