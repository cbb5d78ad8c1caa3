using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams.Questions;

/// <summary>The question bank (题库) of the organizations the caller administers: categories, questions
/// filtered by category (with subcategories), type and text, paged; retiring and restoring questions.</summary>
public sealed class IndexModel(HonglingDb db, ExamPools pools) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(
        int Id,
        QuestionType Type,
        string Stem,
        int CategoryId,
        int Difficulty,
        decimal Points,
        bool Retired,
        int Version,
        string Bank
    );

    [BindProperty(SupportsGet = true)]
    public int? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public QuestionType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Retired { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;
    public List<QuestionCategory> Categories { get; private set; } = [];
    public List<(int Id, string Name)> Banks { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        Categories = await db.QuestionCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        Banks =
        [
            .. (await OrgTree.Roots(db).OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync()).Select(
                o => (o.Id, o.Name)
            ),
        ];
        var query = db.Questions.Where(q => q.Retired == Retired);
        if (Category is { } c)
        {
            var within = QuestionBank.WithDescendants(Categories, c).ToList();
            query = query.Where(q => within.Contains(q.CategoryId));
        }
        if (Type is { } t)
            query = query.Where(q => q.Type == t);
        if (Q.NullIfBlank() is { } text)
            query = query.Where(q => q.Stem.Contains(text));
        Total = await query.CountAsync();
        P = Math.Max(1, P);
        Rows = await query
            .OrderByDescending(q => q.Id)
            .Skip((P - 1) * PageSize)
            .Take(PageSize)
            .Select(q => new Row(
                q.Id,
                q.Type,
                q.Stem,
                q.CategoryId,
                q.Difficulty,
                q.Points,
                q.Retired,
                q.Version,
                q.Organization.Name
            ))
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostCategoryAsync(string? name, int? parentId, int? bankId)
    {
        var parent = parentId is { } pid ? await db.QuestionCategories.FirstOrDefaultAsync(c => c.Id == pid) : null;
        if (parentId is not null && parent is null)
            return NotFound();
        var org = parent?.OrganizationId ?? bankId;
        if (org is null || !await db.AdministeredOrganizations.AnyAsync(o => o.Id == org))
            return NotFound();
        if (name.NullIfBlank() is not { Length: <= 50 } n)
        {
            Status = "分类名称应为1到50个字";
            return RedirectToPage();
        }
        db.QuestionCategories.Add(
            new QuestionCategory
            {
                Name = n,
                ParentId = parent?.Id,
                OrganizationId = org.Value,
            }
        );
        await db.SaveChangesAsync();
        Status = $"已建立分类“{n}”。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRetireAsync(int id) => SetRetiredAsync(id, true);

    public Task<IActionResult> OnPostRestoreAsync(int id) => SetRetiredAsync(id, false);

    private async Task<IActionResult> SetRetiredAsync(int id, bool retired)
    {
        var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == id);
        if (q is null)
            return NotFound();
        q.Retired = retired;
        await db.SaveChangesAsync();
        pools.Invalidate();
        Status = retired ? $"题目 {id} 已停用,不再抽到;已抽到的试卷不受影响。" : $"题目 {id} 已恢复。";
        return RedirectToPage(
            new
            {
                Category,
                Type,
                Q,
                Retired,
            }
        );
    }
}
