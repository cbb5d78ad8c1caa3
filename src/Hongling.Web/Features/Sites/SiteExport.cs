using Hongling.Web.Domain;
using Hongling.Web.Features.Members.Import;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>Exports sites in the template's columns plus the organization's name and the faulty count. The
/// administrator and operator appear by name only (no card numbers, phones or ID numbers); volunteers are left
/// out, since that free text may hold phone numbers.</summary>
public static class SiteExport
{
    public static async Task<byte[]> BuildAsync(IQueryable<Site> sites, CancellationToken ct)
    {
        var rows = await sites
            .OrderBy(s => s.OrgPath)
            .ThenBy(s => s.Code)
            .Select(s => new
            {
                s.Name,
                s.Code,
                OrgCode = s.Organization.Code,
                OrgName = s.Organization.Name,
                s.Kind,
                s.Address,
                s.Batch,
                s.BuiltOn,
                s.Broadband,
                s.Status,
                Admin = s.Administrator == null ? null : s.Administrator.Name,
                Operator = s.Operator == null ? null : s.Operator.Name,
                Equipment = s
                    .Equipment.Where(e => e.State != EquipmentState.Scrapped)
                    .Select(e => new { e.Kind, e.State })
                    .ToList(),
            })
            .ToListAsync(ct);
        var columns = SiteSheet
            .Columns.Where(c => c.Header != "志愿者")
            .Append(new("服务组织", 30, ""))
            .Append(new("故障设备", 10, ""))
            .ToList();
        using var book = SiteSheet.NewBook(out var sheet, columns);
        var r = 2;
        foreach (var s in rows)
        {
            IEnumerable<object> values =
            [
                s.Name,
                s.Code,
                s.OrgCode,
                SiteLabels.Of(s.Kind),
                s.Address ?? "",
                s.Batch?.ToString() ?? "",
                s.BuiltOn?.ToString("yyyy-MM-dd") ?? "",
                SiteLabels.Of(s.Broadband),
                SiteLabels.Of(s.Status),
                s.Admin ?? "",
                s.Operator ?? "",
                .. SiteSheet.EquipmentColumns.Select(k => (object)s.Equipment.Count(e => e.Kind == k)),
                s.OrgName,
                s.Equipment.Count(e => e.State == EquipmentState.Faulty),
            ];
            var c = 1;
            foreach (var v in values)
            {
                if (v is int n)
                    sheet.Cell(r, c).SetValue(n);
                else
                    sheet.Cell(r, c).SetValue(v.ToString());
                c++;
            }
            r++;
        }
        return MemberSheet.Save(book);
    }
}
