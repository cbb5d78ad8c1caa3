using Hongling.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Exam management (考试管理): the exams of the administered organizations with their attempt counts.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public sealed record Row(
        int Id,
        string Title,
        string Org,
        DateTime OpensAt,
        DateTime ClosesAt,
        int Minutes,
        decimal TotalPoints,
        int Attempts,
        int Pending
    );

    public List<Row> Rows { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync() =>
        Rows = await db.AdministeredRows<Domain.Exam>()
            .OrderByDescending(e => e.OpensAt)
            .Take(200)
            .Select(e => new Row(
                e.Id,
                e.Title,
                e.Organization.Name,
                e.OpensAt,
                e.ClosesAt,
                e.DurationMinutes,
                e.TotalPoints,
                db.Attempts.Count(a => a.ExamId == e.Id),
                db.Attempts.Count(a => a.ExamId == e.Id && a.State == Domain.AttemptState.AwaitingReview)
            ))
            .ToListAsync();
}
