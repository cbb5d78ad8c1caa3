using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>One reading page of the signed-in member's (a study session): its beats and the wall-clock minutes they
/// credited to its material. Another member's session answers 404.</summary>
[SignedInPage]
public sealed class SessionModel(HonglingDb db) : PageModel
{
    public sealed record Info(
        Guid Id,
        string Title,
        DateTime OpenedAt,
        DateTime? FirstBeatAt,
        DateTime? LastBeatAt,
        DateTime? ClosedAt,
        int Beats,
        int MaterialId
    );

    public Info Item { get; private set; } = null!;

    /// <summary>The credited minutes (UTC) of this page's material while it beat.</summary>
    public IReadOnlyList<DateTime> Minutes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (db.Scope.MemberId is not { } me)
            return NotFound();
        var item = await db
            .StudySessions.Where(s => s.Id == id && s.MemberId == me)
            .Select(s => new Info(
                s.Id,
                s.Material.Title,
                s.OpenedAt,
                s.FirstBeatAt,
                s.LastBeatAt,
                s.ClosedAt,
                s.Beats,
                s.MaterialId
            ))
            .FirstOrDefaultAsync(ct);
        if (item is null)
            return NotFound();
        Item = item;
        if (item is { FirstBeatAt: { } first, LastBeatAt: { } last })
        {
            var (from, to) = (StudyRules.MinuteOf(first), StudyRules.MinuteOf(last));
            var credited = await db
                .ActiveMinutes.Where(m =>
                    m.MemberId == me && m.MaterialId == item.MaterialId && m.Minute >= from && m.Minute <= to
                )
                .OrderBy(m => m.Minute)
                .Select(m => m.Minute)
                .ToListAsync(ct);
            Minutes = [.. credited.Select(DayModel.Utc)];
        }
        return Page();
    }
}
