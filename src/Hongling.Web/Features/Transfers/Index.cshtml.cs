using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>Transfers in and out of the caller's subtrees, newest first, with the actions of each side.</summary>
public sealed class IndexModel(HonglingDb db, TransferDesk desk, OrgScope scope) : PageModel
{
    public IReadOnlyList<Transfer> Transfers { get; private set; } = [];
    [TempData] public string? Status { get; set; }
    public string? Error { get; private set; }

    public bool Receives(Transfer t) => t.State == TransferState.Pending && scope.Covers(t.SharedPath);
    public bool Sends(Transfer t) => t.State == TransferState.Pending && scope.Covers(t.OrgPath);

    public async Task OnGetAsync() => Transfers = await db.Transfers.OrderByDescending(t => t.Id).Take(200).ToListAsync();

    public Task<IActionResult> OnPostAcceptAsync(int id) => RunAsync(() => desk.AcceptAsync(id), "已接收,党员已转入本组织。");

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason) => RunAsync(() => desk.RejectAsync(id, reason), "已退回。");

    public Task<IActionResult> OnPostCancelAsync(int id) => RunAsync(() => desk.CancelAsync(id), "已撤销。");

    private async Task<IActionResult> RunAsync(Func<Task> action, string done)
    {
        try
        {
            await action();
            Status = done;
            return RedirectToPage();
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (TransferDesk.RuleException e)
        {
            Error = e.Message;
            db.ChangeTracker.Clear();
            await OnGetAsync();
            return Page();
        }
    }
}
