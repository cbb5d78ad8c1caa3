using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>接收设置 (退订): a member turns optional categories off per channel (email, SMS). The inbox always
/// receives; mandatory messages (transfer steps) ignore these settings.</summary>
[SignedInPage]
public sealed class SettingsModel(HonglingDb db, OrgScope scope) : PageModel
{
    public static readonly NotificationChannel[] Channels = [NotificationChannel.Email, NotificationChannel.Sms];

    /// <summary>"Category:Channel" of every pair the member turned off.</summary>
    [BindProperty]
    public List<string> Off { get; set; } = [];

    public static string Key(NotificationCategory c, NotificationChannel ch) => $"{c}:{ch}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.MemberId is not { } me)
            return NotFound();
        Off =
        [
            .. (await db.NotificationOptOuts.Where(o => o.MemberId == me && o.Off).ToListAsync()).Select(o =>
                Key(o.Category, o.Channel)
            ),
        ];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (scope.MemberId is not { } me || scope.MemberOrgPath is not { } branch)
            return NotFound();
        var rows = await db.NotificationOptOuts.Where(o => o.MemberId == me).ToListAsync();
        foreach (var category in NotificationLabels.Optional)
        foreach (var channel in Channels)
        {
            var off = Off.Contains(Key(category, channel));
            var row = rows.FirstOrDefault(r => r.Category == category && r.Channel == channel);
            if (row is not null)
                row.Off = off;
            else if (off)
                db.NotificationOptOuts.Add(
                    new NotificationOptOut
                    {
                        MemberId = me,
                        Category = category,
                        Channel = channel,
                        OrgPath = branch,
                        Off = true,
                    }
                );
        }
        await db.SaveChangesAsync();
        TempData["Status"] = "接收设置已保存。";
        return RedirectToPage();
    }
}
