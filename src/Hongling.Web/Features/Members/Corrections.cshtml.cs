using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>Members' correction requests in the administrator's scope: open ones first; each is closed
/// as corrected (after editing the record) or declined with a reply the member reads.</summary>
public sealed class CorrectionsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public sealed record Row(
        int Id,
        int MemberId,
        string MemberName,
        string Branch,
        string Text,
        CorrectionState State,
        string? Reply,
        DateTime CreatedAt
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int OpenCount { get; private set; }

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCloseAsync(int id, CorrectionState outcome, string? reply)
    {
        var request = await db.CorrectionRequests.Include(r => r.Member).FirstOrDefaultAsync(r => r.Id == id);
        // A member reads their own requests through the filter but closes none of them.
        if (request is null || !db.Scope.Administers(request.OrgPath))
            return NotFound();
        reply = reply.NullIfBlank();
        Error = outcome switch
        {
            not (CorrectionState.Done or CorrectionState.Declined) => "请选择处理结果",
            _ when request.State != CorrectionState.Open => "该申请已处理",
            CorrectionState.Declined when reply is null => "不予更正时请填写回复,告诉党员原因",
            _ when reply?.Length > 500 => "回复不超过500字",
            _ => null,
        };
        if (Error is not null)
        {
            await LoadAsync();
            return Page();
        }
        request.State = outcome;
        request.Reply = reply;
        request.HandledAt = clock.GetUtcNow().UtcDateTime;
        request.HandledBy = db.Scope.ActorName;
        await db.SaveChangesAsync();
        Status = $"已处理 {request.Member.Name} 的更正申请。";
        return RedirectToPage(new { All });
    }

    private async Task LoadAsync()
    {
        var scoped = db.CorrectionRequests.Where(r => db.AdministeredMembers.Any(m => m.Id == r.MemberId));
        OpenCount = await scoped.CountAsync(r => r.State == CorrectionState.Open);
        Rows = await scoped
            .Where(r => All || r.State == CorrectionState.Open)
            .OrderBy(r => r.State)
            .ThenByDescending(r => r.Id)
            .Take(PageSize)
            .Select(r => new Row(
                r.Id,
                r.MemberId,
                r.Member.Name,
                r.Member.Organization.Name,
                r.Text,
                r.State,
                r.Reply,
                r.CreatedAt
            ))
            .ToListAsync();
    }
}
