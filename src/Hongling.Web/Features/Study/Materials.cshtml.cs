using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>The materials the caller's organizations published, newest first, with withdraw and restore.</summary>
public sealed class MaterialsModel(HonglingDb db) : PageModel
{
    public sealed record Row(
        int Id,
        string Title,
        MaterialColumn Column,
        MaterialKind Kind,
        int EstimatedMinutes,
        DateTime PublishAt,
        bool Withdrawn,
        string Audience,
        int Readers,
        int Completed
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;
    public bool HasMore { get; private set; }
    private const int PageSize = 30;

    public async Task OnGetAsync()
    {
        var q = MaterialQueries.Owned(db);
        if (!string.IsNullOrWhiteSpace(Q))
            q = q.Where(m => m.Title.Contains(Q.Trim()));
        var rows = await q.OrderByDescending(m => m.PublishAt)
            .ThenByDescending(m => m.Id)
            .Skip((Math.Max(P, 1) - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(m => new Row(
                m.Id,
                m.Title,
                m.Column,
                m.Kind,
                m.EstimatedMinutes,
                m.PublishAt,
                m.Withdrawn,
                m.Organization.Name,
                db.MaterialProgress.Count(p => p.MaterialId == m.Id),
                db.MaterialProgress.Count(p => p.MaterialId == m.Id && p.CompletedAt != null)
            ))
            .ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, bool withdrawn)
    {
        var material = await MaterialQueries.Owned(db).FirstOrDefaultAsync(m => m.Id == id);
        if (material is null)
            return NotFound();
        material.Withdrawn = withdrawn;
        await db.SaveChangesAsync();
        TempData["Status"] = withdrawn
            ? $"已撤回《{material.Title}》,党员将看不到它。"
            : $"已恢复《{material.Title}》。";
        return RedirectToPage();
    }
}
