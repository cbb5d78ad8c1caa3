using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams.Questions;

/// <summary>Adding or editing a question of a bank the caller administers. An edit bumps the version;
/// papers already drawn keep their frozen copy.</summary>
public sealed class EditModel(HonglingDb db, TimeProvider clock, ExamPools pools) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }
    public List<(int Id, string Name)> Categories { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? category)
    {
        await LoadCategoriesAsync();
        if (Id is { } id)
        {
            var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == id);
            if (q is null)
                return NotFound();
            Input = QuestionInput.From(q);
        }
        else if (category is { } c)
            Input.CategoryId = c;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadCategoriesAsync();
        Errors = Input.Check();
        // The category decides the bank: a question lives in its category's organization.
        var category = await db.QuestionCategories.FirstOrDefaultAsync(c => c.Id == Input.CategoryId);
        if (category is null)
            Errors.Add("请选择分类");
        if (!ModelState.IsValid)
            Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        if (Errors.Count > 0)
            return Page();
        Question q;
        if (Id is { } id)
        {
            var found = await db.Questions.FirstOrDefaultAsync(x => x.Id == id);
            if (found is null)
                return NotFound();
            q = found; // a change to its content makes the next version (HonglingDb)
        }
        else
        {
            q = new Question { Stem = "" };
            db.Questions.Add(q);
        }
        Input.ApplyTo(q);
        q.OrganizationId = category!.OrganizationId;
        q.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        pools.Invalidate();
        TempData["Status"] = $"已保存题目 {q.Id}。";
        return Redirect($"/Exams/Questions?category={q.CategoryId}");
    }

    private async Task LoadCategoriesAsync()
    {
        var all = await db.QuestionCategories.AsNoTracking().ToListAsync();
        Categories =
        [
            .. all.Select(c => (c.Id, QuestionBank.PathName(all, c.Id))).OrderBy(c => c.Item2, StringComparer.Ordinal),
        ];
    }
}
