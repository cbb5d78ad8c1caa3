using System.Globalization;
using System.Text.Json;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>谁查看了我的身份证号: every time someone opened the signed-in member's full ID number, who, when
/// and why, newest first. The audit log's scope rule lets a member read exactly these entries of their own
/// record.</summary>
[SignedInPage]
public sealed class IdViewsModel(HonglingDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public bool IsMember { get; private set; }

    public sealed record View(DateTime At, string Who, string Why);

    public IReadOnlyList<View> Views { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (db.Scope.MemberId is not { } me)
            return;
        IsMember = true;
        var key = me.ToString(CultureInfo.InvariantCulture);
        var rows = db.AuditEntries.Where(a =>
            a.Action == AuditAction.Viewed && a.EntityType == nameof(Member) && a.EntityId == key
        );
        Paging = new Paging(Paging.Clamp(PageNumber), await rows.CountAsync(ct));
        var page = await rows.OrderByDescending(a => a.Id)
            .Skip(Paging.Skip)
            .Take(Paging.Size)
            .Select(a => new
            {
                a.At,
                a.ActorName,
                a.Changes,
            })
            .ToListAsync(ct);
        Views = [.. page.Select(a => new View(a.At, a.ActorName, Reason(a.Changes)))];
    }

    /// <summary>The reason logged with the view; views logged before reasons were asked for have none.</summary>
    private static string Reason(string changes) =>
        JsonSerializer.Deserialize<List<HonglingDb.Change>>(changes)?.FirstOrDefault() is { To: { Length: > 0 } why }
            ? why
            : "未填写原因";
}
