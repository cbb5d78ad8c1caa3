using Hongling.Web.Data;
using Hongling.Web.Features.Completeness;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>For the monthly bulletin: activities initiated (created) in a China-time month, per organization
/// of a subtree. Organizations without any are absent from the answer.</summary>
public static class ActivityCounts
{
    public static async Task<Dictionary<int, int>> PerOrganizationAsync(HonglingDb db, string subtreePath, int month, CancellationToken ct = default)
    {
        var (from, to) = CompletenessReport.MonthBounds(month);
        return await db.Activities.InSubtree(subtreePath).Where(a => a.CreatedAt >= from && a.CreatedAt < to)
            .GroupBy(a => a.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
