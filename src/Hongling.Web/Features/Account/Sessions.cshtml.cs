using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Account;

/// <summary>我的账号: the account's open sessions (device, address, sign-in time, last seen, which one is this
/// device), and ending any other one or all of them. The account filter shows each account only its own
/// sessions, so another account's session answers 404. Pages name a session by <see
/// cref="AccountSession.Handle"/>.</summary>
[SignedInPage]
public sealed class SessionsModel(HonglingDb db, TimeProvider clock, SignInManager<Domain.Account> signIn) : PageModel
{
    public sealed record Row(
        string Handle,
        string Device,
        string? Address,
        DateTime SignedInAt,
        DateTime LastSeenAt,
        bool Current
    );

    public List<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = SessionStore.CurrentId(HttpContext);
        var sessions = await db
            .AccountSessions.Where(s => s.ExpiresAt > now)
            .Select(s => new
            {
                s.Id,
                s.UserAgent,
                s.RemoteIp,
                s.CreatedAt,
                s.LastSeenAt,
            })
            .ToListAsync();
        Rows =
        [
            .. sessions
                .Select(s => new Row(
                    AccountSession.Handle(s.Id),
                    DeviceNames.Of(s.UserAgent),
                    s.RemoteIp,
                    s.CreatedAt,
                    s.LastSeenAt,
                    s.Id == current
                ))
                .OrderByDescending(r => r.Current)
                .ThenByDescending(r => r.LastSeenAt),
        ];
    }

    public async Task<IActionResult> OnPostEndAsync(string? handle)
    {
        // An account has a handful of sessions: find the one named by its handle among the caller's own.
        var ids = await db.AccountSessions.Select(s => s.Id).ToListAsync();
        if (ids.FirstOrDefault(id => AccountSession.Handle(id) == handle) is not { } id)
            return NotFound();
        if (id == SessionStore.CurrentId(HttpContext))
        {
            await signIn.SignOutAsync();
            return RedirectToPage("/Account/Login");
        }
        await db.AccountSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
        Status = "已退出该设备上的登录。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var current = SessionStore.CurrentId(HttpContext);
        var ended = await db.AccountSessions.Where(s => s.Id != current).ExecuteDeleteAsync();
        Status = ended == 0 ? "没有其他设备在登录。" : $"已退出其他 {ended} 个设备上的登录。";
        return RedirectToPage();
    }
}
