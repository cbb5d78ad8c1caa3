using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>The people being developed (发展党员) in the caller's scope or one organization's subtree:
/// the count at each stage, a stage filter, and the list.</summary>
public sealed class IndexModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    private const int OrgChoices = 200;

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public DevelopmentStage? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;
    public string? OrgName { get; private set; }
    public IReadOnlyList<SelectListItem> Orgs { get; private set; } = [];
    public IReadOnlyDictionary<DevelopmentStage, int> Counts { get; private set; } =
        new Dictionary<DevelopmentStage, int>();
    public int TodoCount { get; private set; }

    public sealed record Row(
        int Id,
        string Name,
        string Gender,
        string Mobile,
        DevelopmentStage Stage,
        DateOnly StageOn,
        string Organization
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Matching { get; private set; }
    public int Pages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IQueryable<Recruit> recruits = db.Recruits;
        IQueryable<Member> due = TodoList.Due(db, clock.TodayInChina());
        if (Org is { } id)
        {
            var org = await db
                .AdministeredOrganizations.Where(o => o.Id == id)
                .Select(o => new { o.Name, o.Path })
                .FirstOrDefaultAsync(ct);
            if (org is null)
                return NotFound();
            OrgName = org.Name;
            recruits = recruits.InSubtree(org.Path);
            due = due.InSubtree(org.Path);
        }
        Counts = await recruits
            .GroupBy(r => r.Stage)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        TodoCount = await due.CountAsync(ct);
        if (Stage is { } stage)
            recruits = recruits.Where(r => r.Stage == stage);
        Matching = Stage is { } s ? Counts.GetValueOrDefault(s) : Counts.Values.Sum();
        Pages = Math.Max(1, (Matching + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var raw = await recruits
            .OrderBy(r => r.Stage)
            .ThenBy(r => r.AppliedOn)
            .ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Gender,
                r.Mobile,
                r.Stage,
                r.AppliedOn,
                r.ActivistOn,
                r.CandidateOn,
                r.AdmittedOn,
                r.FullOn,
                Org = r.Organization.Name,
            })
            .ToListAsync(ct);
        Rows =
        [
            .. raw.Select(r => new Row(
                r.Id,
                r.Name,
                Labels.Of(r.Gender),
                Mobile.Mask(r.Mobile),
                r.Stage,
                r.Stage switch
                {
                    DevelopmentStage.Activist => r.ActivistOn,
                    DevelopmentStage.Candidate => r.CandidateOn,
                    DevelopmentStage.Probationary => r.AdmittedOn,
                    DevelopmentStage.Full => r.FullOn,
                    _ => r.AppliedOn,
                } ?? r.AppliedOn,
                r.Org
            )),
        ];
        // A choice list for a town or a few; a larger scope picks the organization from the tree (组织架构).
        var orgs = await db
            .AdministeredOrganizations.OrderBy(o => o.Path)
            .Take(OrgChoices + 1)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(ct);
        Orgs = orgs.Count > OrgChoices ? [] : orgs;
        return Page();
    }

    public string StageUrl(DevelopmentStage? stage, int page = 1) =>
        Url.Page(
            "/Development/Index",
            new
            {
                Org,
                Stage = stage,
                p = page,
            }
        )!;
}
