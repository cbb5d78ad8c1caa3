using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Registered candidates (报名人员) of the administered organizations, and their approval for one
/// exam: an administrator picks an exam they manage or that is published to their subtree, finds people
/// by name, work unit or mobile number, and approves or revokes them. Mobile numbers are masked.</summary>
public sealed class RegistrantsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record ExamChoice(int Id, string Title, DateTime ClosesAt);

    public sealed record Row(
        int Id,
        string Name,
        string Mobile,
        string WorkUnit,
        string Org,
        DateTime CreatedAt,
        bool Approved,
        int Attempts
    );

    [BindProperty(SupportsGet = true)]
    public int? Exam { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? P { get; set; }
    public List<ExamChoice> Exams { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Exams = await db
            .Exams.Where(e => e.ClosesAt > now || e.Id == Exam)
            .OrderBy(e => e.ClosesAt)
            .Take(100)
            .Select(e => new ExamChoice(e.Id, e.Title, e.ClosesAt))
            .ToListAsync();
        if (Exam is { } examId && !await db.Exams.AnyAsync(e => e.Id == examId))
            return NotFound();
        var q = db.Registrants.AsQueryable();
        if (Q?.Trim() is { Length: > 0 } text)
            q = q.Where(r => r.Name.Contains(text) || r.WorkUnit.Contains(text) || r.Mobile == text);
        Paging = new Paging(Paging.Clamp(P), await q.CountAsync(), 50);
        var rows = await q.OrderByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id)
            .Skip(Paging.Skip)
            .Take(Paging.Size)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Mobile,
                r.WorkUnit,
                Org = r.Organization.Name,
                r.CreatedAt,
                Approved = db.ExamApprovals.Any(x => x.RegistrantId == r.Id && x.ExamId == Exam),
                Attempts = db.Attempts.Count(a => a.RegistrantId == r.Id && a.ExamId == Exam),
            })
            .ToListAsync();
        Rows =
        [
            .. rows.Select(r => new Row(
                r.Id,
                r.Name,
                Mobile.Mask(r.Mobile),
                r.WorkUnit,
                r.Org,
                r.CreatedAt,
                r.Approved,
                r.Attempts
            )),
        ];
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int examId, int[] ids) =>
        await ChangeAsync(examId, ids, approve: true);

    public async Task<IActionResult> OnPostRevokeAsync(int examId, int[] ids) =>
        await ChangeAsync(examId, ids, approve: false);

    /// <summary>All or nothing: an exam or a registrant the caller does not see answers 404 and changes
    /// nothing.</summary>
    private async Task<IActionResult> ChangeAsync(int examId, int[] ids, bool approve)
    {
        if (!await db.Exams.AnyAsync(e => e.Id == examId))
            return NotFound();
        ids = [.. ids.Distinct()];
        if (ids.Length == 0)
        {
            Status = "请先勾选报名人员。";
            return RedirectToPage(
                new
                {
                    exam = examId,
                    q = Q,
                    p = P,
                }
            );
        }
        var registrants = await db
            .Registrants.Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.OrganizationId })
            .ToListAsync();
        if (registrants.Count != ids.Length)
            return NotFound();
        var existing = await db
            .ExamApprovals.Where(x => x.ExamId == examId && ids.Contains(x.RegistrantId))
            .ToListAsync();
        if (approve)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var r in registrants.Where(r => existing.All(x => x.RegistrantId != r.Id)))
                db.ExamApprovals.Add(
                    new ExamApproval
                    {
                        ExamId = examId,
                        RegistrantId = r.Id,
                        OrganizationId = r.OrganizationId,
                        ApprovedAt = now,
                        ApprovedBy = db.Scope.ActorName,
                    }
                );
        }
        else
            db.ExamApprovals.RemoveRange(existing);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            Status = "其他管理员刚刚修改了审批,请刷新后重试。";
            return RedirectToPage(
                new
                {
                    exam = examId,
                    q = Q,
                    p = P,
                }
            );
        }
        Status = approve ? $"已批准 {ids.Length} 人参加本场考试。" : $"已撤销 {ids.Length} 人的参考资格。";
        return RedirectToPage(
            new
            {
                exam = examId,
                q = Q,
                p = P,
            }
        );
    }
}
