using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Submissions;

/// <summary>Who submits and who adopts. Submitting units (报送单位) are the organizations directly beneath
/// the district root: towns and streets, departments and the directly affiliated committees all sit there
/// (the bulletin lists them side by side), whatever their kind. District editors are the administrators
/// of the root organization. The monthly quota counts adopted items: the seed (Jiangjin §二) makes the
/// adoption statistics (选用统计) the basis of the assessment.</summary>
public static class SubmissionRules
{
    public const int DefaultQuota = 3;

    public static bool IsUnit(int depth) => depth == 1;

    public static IQueryable<Organization> Units(IQueryable<Organization> orgs) => orgs.Where(o => o.Depth == 1);

    /// <summary>The caller administers a root organization (the district).</summary>
    public static Task<bool> IsEditorAsync(HonglingDb db) =>
        db.AdministeredOrganizations.AnyAsync(o => o.ParentId == null);

    /// <summary>The district's quota: its stored setting, else Submissions:MonthlyQuota, else 3.</summary>
    public static async Task<int> QuotaAsync(HonglingDb db, IConfiguration config) =>
        await db.SubmissionSettingsOfTheRoots.OrderBy(s => s.Id).Select(s => (int?)s.MonthlyQuota).FirstOrDefaultAsync()
        ?? config.GetValue("Submissions:MonthlyQuota", DefaultQuota);
}
