using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>The library as a member sees it: what is published to their organizations, by column, by
/// title, newest first, with what they have finished.</summary>
[SignedInPage]
public sealed class IndexModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(
        int Id,
        string Title,
        MaterialColumn Column,
        MaterialKind Kind,
        int EstimatedMinutes,
        DateTime PublishAt,
        int Credited,
        bool Completed
    );

    [BindProperty(SupportsGet = true)]
    public MaterialColumn? Column { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Unfinished { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public DateTime NewSince { get; private set; }
    private const int PageSize = 20;

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        NewSince = now.AddDays(-14);
        var me = db.Scope.MemberId;
        // The scope's filter admits what is published to the caller's organizations (and, for administrators, their
        // own).
        var q = db.Materials.Where(m => !m.Withdrawn && m.PublishAt <= now);
        if (Column is { } c)
            q = q.Where(m => m.Column == c);
        if (!string.IsNullOrWhiteSpace(Q))
            q = q.Where(m => m.Title.Contains(Q.Trim()));
        if (Unfinished)
            q = q.Where(m =>
                !db.MaterialProgress.Any(p => p.MaterialId == m.Id && p.MemberId == me && p.CompletedAt != null)
            );
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
                db.MaterialProgress.Where(p => p.MaterialId == m.Id && p.MemberId == me)
                    .Select(p => p.CreditedMinutes)
                    .FirstOrDefault(),
                db.MaterialProgress.Any(p => p.MaterialId == m.Id && p.MemberId == me && p.CompletedAt != null)
            ))
            .ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    public string Link(MaterialColumn? column = null, int? page = null, bool? unfinished = null) =>
        Url.Page(
            "/Study/Index",
            new
            {
                column = column ?? Column,
                q = Q,
                unfinished = (unfinished ?? Unfinished) ? true : (bool?)null,
                p = page,
            }
        )!;
}
