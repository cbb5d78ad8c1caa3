using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>A member's confirmed volunteer hours per year (China time, by the project's start), newest year first:
/// shown on the member's own pages and on their record (<c>_VolunteerHours</c> through this view component).</summary>
public sealed class VolunteerHoursViewComponent(HonglingDb db) : ViewComponent
{
    public sealed record Year(int Number, int Projects, decimal Hours);

    /// <summary>Read through the caller's scope: the member themselves, or an administrator of their branch.</summary>
    public static async Task<IReadOnlyList<Year>> ForMemberAsync(
        HonglingDb db,
        int memberId,
        CancellationToken ct = default
    )
    {
        var rows = await db
            .VolunteerSignUps.Where(s => s.MemberId == memberId && s.Hours != null)
            .Select(s => new { s.Project.StartsAt, s.Hours })
            .ToListAsync(ct);
        return
        [
            .. rows.GroupBy(r => r.StartsAt.ToChina().Year)
                .OrderByDescending(g => g.Key)
                .Select(g => new Year(g.Key, g.Count(), g.Sum(r => r.Hours!.Value))),
        ];
    }

    public async Task<IViewComponentResult> InvokeAsync(int memberId) =>
        View("/Features/Volunteering/_VolunteerHours.cshtml", await ForMemberAsync(db, memberId));
}
