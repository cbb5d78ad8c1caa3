using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Completeness;
using Microsoft.EntityFrameworkCore;
using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Submissions;

/// <summary>For one China-time month, each submitting unit's items submitted (by submission time) and
/// adopted (by adoption time), and whether the adopted count met the quota. Two grouped counts in the
/// database, whatever the number of items.</summary>
public static class QuotaTable
{
    public sealed record Row(int OrganizationId, string Name, int Submitted, int Adopted, bool Met);

    public static async Task<List<Row>> ForAsync(HonglingDb db, int month, int quota)
    {
        var (from, to) = ChinaTime.MonthBounds(month);
        var units = await SubmissionRules.Units(db.AdministeredOrganizations).OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync();
        var submitted = await db.Submissions.Where(s => s.SubmittedAt >= from && s.SubmittedAt < to)
            .GroupBy(s => s.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var adopted = await db.Submissions.Where(s => s.State == SubmissionState.Adopted && s.DecidedAt >= from && s.DecidedAt < to)
            .GroupBy(s => s.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return [.. units.Select(u =>
        {
            var a = adopted.GetValueOrDefault(u.Id);
            return new Row(u.Id, u.Name, submitted.GetValueOrDefault(u.Id), a, a >= quota);
        })];
    }
}
