using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>消息通知: the notifications issued in the caller's subtrees, newest first.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public sealed record Row(
        int Id,
        string Title,
        NotificationCategory Category,
        string From,
        DateTime ScheduledAt,
        int Recipients,
        string Audience
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    public async Task OnGetAsync(int? p)
    {
        var q = db.AdministeredRows<Notification>();
        Paging = new Paging(Paging.Clamp(p), await q.CountAsync());
        Rows = await q.OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .Skip(Paging.Skip)
            .Take(Paging.Size)
            .Select(n => new Row(
                n.Id,
                n.Title,
                n.Category,
                n.Organization.Name,
                n.ScheduledAt,
                n.RecipientCount,
                n.AudienceDescription
            ))
            .ToListAsync();
    }
}
