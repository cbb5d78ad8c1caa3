using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Messages;

/// <summary>Messages (交流咨询) to an organization and its subtree, by state, with response figures per
/// organization.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public sealed record Row(
        int Id,
        string OrgName,
        string Author,
        bool FromMember,
        string Body,
        string State,
        DateTime PostedAt,
        int? ResponseSeconds,
        string? Rating
    );

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public MessageState? State { get; set; } = MessageState.Unanswered;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }
    public ScopedOrg Current { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<MessageStats.PerOrg> Stats { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 0);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        var rows = db.Messages.InSubtree(org.Path);
        if (State is { } s)
            rows = rows.Where(m => m.State == s);
        Paging = new Paging(Paging.Clamp(PageNumber), await rows.CountAsync());
        Rows = await rows.OrderByDescending(m => m.PostedAt)
            .ThenByDescending(m => m.Id)
            .Skip(Paging.Skip)
            .Take(Paging.Size)
            .Select(m => new Row(
                m.Id,
                m.Organization.Name,
                m.AuthorName,
                m.MemberId != null,
                m.Body,
                OrgLifeLabels.Of(m.State),
                m.PostedAt,
                m.ResponseSeconds,
                m.Rating == null ? null : OrgLifeLabels.Of(m.Rating.Value)
            ))
            .ToListAsync();
        Stats = await MessageStats.ForSubtreeAsync(db, org.Path);
        return Page();
    }
}
