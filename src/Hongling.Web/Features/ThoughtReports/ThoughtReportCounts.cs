using Hongling.Web.Data;
using Hongling.Web.Features.Completeness;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.ThoughtReports;

/// <summary>For the monthly bulletin: thought reports handed in during a China-time month, per organization of a subtree.</summary>
public static class ThoughtReportCounts
{
    public static async Task<Dictionary<int, int>> PerOrganizationAsync(HonglingDb db, string subtreePath, int month, CancellationToken ct = default)
    {
        var (from, to) = CompletenessReport.MonthBounds(month);
        return await db.ThoughtReports.InSubtree(subtreePath).Where(r => r.SubmittedAt >= from && r.SubmittedAt < to)
            .GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
