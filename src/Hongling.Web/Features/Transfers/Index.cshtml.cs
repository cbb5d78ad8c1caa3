using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Transfers;

/// <summary>Transfers in and out of the caller's subtrees, newest first, optionally of one kind, with the
/// actions of each side.</summary>
public sealed class IndexModel(HonglingDb db, TransferDesk desk, OrgScope scope) : PageModel
{
    public IReadOnlyList<Transfer> Transfers { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public TransferKind? Kind { get; set; }

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    /// <summary>The receiver of a transfer within the platform accepts or rejects it.</summary>
    public bool Receives(Transfer t) =>
        t.Kind == TransferKind.Within && t.State == TransferState.Pending && scope.Administers(t.SharedPath);

    /// <summary>The sender cancels; out of the platform the sender also records completion.</summary>
    public bool Sends(Transfer t) =>
        t.Kind != TransferKind.In && t.State == TransferState.Pending && scope.Administers(t.OrgPath);

    public async Task OnGetAsync()
    {
        var query = db.Transfers.AsQueryable();
        if (Kind is { } kind)
            query = query.Where(t => t.Kind == kind);
        Transfers = await query.OrderByDescending(t => t.Id).Take(200).ToListAsync();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id) =>
        RunAsync(
            () => desk.AcceptAsync(id),
            t =>
                t.Kind == TransferKind.Out
                    ? $"已登记转出,{t.MemberName} 的组织关系已转出本平台。"
                    : "已接收,党员已转入本组织。"
        );

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason) =>
        RunAsync(() => desk.RejectAsync(id, reason), _ => "已退回。");

    public Task<IActionResult> OnPostCancelAsync(int id) => RunAsync(() => desk.CancelAsync(id), _ => "已撤销。");

    private async Task<IActionResult> RunAsync(Func<Task<Transfer>> action, Func<Transfer, string> done)
    {
        try
        {
            Status = done(await action());
            return RedirectToPage(new { Kind });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (RuleException e)
        {
            Error = e.Error.Message;
            db.ChangeTracker.Clear();
            await OnGetAsync();
            return Page();
        }
    }
}
