using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Messages;

/// <summary>Response figures per organization: messages received, replied, and the average response time
/// (reply time − posted time), aggregated in the database.</summary>
public static class MessageStats
{
    public sealed record PerOrg(
        int OrganizationId,
        string Name,
        int Received,
        int Replied,
        double? AverageSeconds,
        int Satisfied,
        int Unsatisfied
    )
    {
        public string Average => AverageSeconds is { } s ? OrgLifeLabels.Duration(TimeSpan.FromSeconds(s)) : "—";
    }

    public static Task<List<PerOrg>> ForSubtreeAsync(HonglingDb db, string path) =>
        db
            .Messages.InSubtree(path)
            .GroupBy(m => new { m.OrganizationId, m.Organization.Name })
            .OrderBy(g => g.Key.Name)
            .Select(g => new PerOrg(
                g.Key.OrganizationId,
                g.Key.Name,
                g.Count(),
                g.Count(m => m.ResponseSeconds != null),
                g.Average(m => (double?)m.ResponseSeconds),
                g.Count(m => m.Rating == MessageRating.Satisfied),
                g.Count(m => m.Rating == MessageRating.Unsatisfied)
            ))
            .ToListAsync();
}
