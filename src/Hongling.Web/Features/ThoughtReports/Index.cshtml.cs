using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.ThoughtReports;

/// <summary>The thought reports of the administered subtrees, those waiting for a comment first.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public sealed record Row(
        int Id,
        string Author,
        MemberStatus Status,
        string Branch,
        string Title,
        DateTime SubmittedAt,
        bool HasFile,
        bool Commented
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Waiting { get; private set; }

    /// <summary>Reports in the caller's subtrees that no administrator has commented on yet (待批阅).</summary>
    public static IQueryable<ThoughtReport> Unreviewed(HonglingDb db) =>
        db.AdministeredRows<ThoughtReport>().Where(r => r.Comment == null);

    public async Task OnGetAsync()
    {
        P = Math.Max(1, P);
        var all = db.AdministeredRows<ThoughtReport>();
        Total = await all.CountAsync();
        Waiting = await Unreviewed(db).CountAsync();
        Rows = await all.OrderBy(r => r.Comment != null)
            .ThenByDescending(r => r.SubmittedAt)
            .Skip((P - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new Row(
                r.Id,
                r.Member.Name,
                r.Member.Status,
                r.Organization.Name,
                r.Title,
                r.SubmittedAt,
                r.FileKind != null,
                r.Comment != null
            ))
            .ToListAsync();
    }
}
