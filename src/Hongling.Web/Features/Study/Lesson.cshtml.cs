using Hongling.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>One ten-minute lesson: which of the branch's members studied its material (credited minutes
/// or completed) and which did not.</summary>
public sealed class LessonModel(HonglingDb db) : PageModel
{
    /// <summary>A branch is small; a longer list is cut here.</summary>
    public const int MaxMembers = 500;

    public sealed record Header(
        int Id,
        string Branch,
        string BranchPath,
        int MaterialId,
        string Title,
        int Estimated,
        DateTime ScheduledAt,
        string? Note
    );

    public Header Info { get; private set; } = null!;

    public sealed record Row(int MemberId, string Name, int Minutes, DateTime? CompletedAt);

    public IReadOnlyList<Row> Studied { get; private set; } = [];
    public IReadOnlyList<Row> NotStudied { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var info = await db.AdministeredRows<Domain.Lesson>()
            .Where(l => l.Id == id)
            .Select(l => new Header(
                l.Id,
                l.Organization.Name,
                l.OrgPath,
                l.MaterialId,
                l.Material.Title,
                l.Material.EstimatedMinutes,
                l.ScheduledAt,
                l.Note
            ))
            .FirstOrDefaultAsync(ct);
        if (info is null)
            return NotFound();
        Info = info;
        var progress = db.MaterialProgress.Where(p => p.MaterialId == info.MaterialId);
        var rows = await (
            from m in db.AdministeredMembers.InSubtree(info.BranchPath)
            join p in progress on m.Id equals p.MemberId into joined
            from p in joined.DefaultIfEmpty()
            orderby m.Name, m.Id
            select new
            {
                m.Id,
                m.Name,
                Minutes = p == null ? 0 : p.CreditedMinutes,
                CompletedAt = p == null ? null : p.CompletedAt,
            }
        )
            .Take(MaxMembers)
            .ToListAsync(ct);
        Studied =
        [
            .. rows.Where(r => r.Minutes > 0 || r.CompletedAt != null)
                .Select(r => new Row(r.Id, r.Name, r.Minutes, r.CompletedAt)),
        ];
        NotStudied =
        [
            .. rows.Where(r => r.Minutes == 0 && r.CompletedAt == null).Select(r => new Row(r.Id, r.Name, 0, null)),
        ];
        return Page();
    }
}
