using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members.Import;

/// <summary>Exports members in the template's columns (so an export can be edited and imported back),
/// with the ID number and phone masked, plus the branch's name.</summary>
public static class MemberExport
{
    public static async Task<byte[]> BuildAsync(IQueryable<Member> members, CancellationToken ct)
    {
        var rows = await members
            .OrderBy(m => m.OrganizationId)
            .ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Name,
                m.Gender,
                m.Ethnicity,
                m.BirthDate,
                m.IdNumberMasked,
                m.Mobile,
                m.Education,
                m.JoinedOn,
                m.Status,
                m.Organization.Code,
                OrgName = m.Organization.Name,
                m.IsFloating,
                m.FloatingDirection,
                m.FloatingPlace,
                m.FloatingContact,
                m.FloatingSince,
                m.NativePlace,
                m.Degree,
                m.Occupation,
                m.WorkUnit,
                m.Position,
                m.HomeAddress,
                m.FullMemberOn,
            })
            .ToListAsync(ct);
        var headers = MemberSheet.Columns.Select(c => c.Header).Append("所在党支部").ToList();
        var widths = MemberSheet.Columns.Select(c => c.Width).Append(30).ToList();
        var (book, sheet) = MemberSheet.NewBook("党员信息", headers, widths);
        using (book)
        {
            var r = 2;
            foreach (var m in rows)
            {
                object[] values =
                [
                    m.Name,
                    Labels.Of(m.Gender),
                    m.Ethnicity,
                    m.BirthDate.ToString("yyyy-MM-dd"),
                    m.IdNumberMasked,
                    Mobile.Mask(m.Mobile),
                    Labels.Of(m.Education),
                    m.JoinedOn.ToString("yyyy-MM-dd"),
                    Labels.Of(m.Status),
                    m.Code,
                    m.IsFloating ? "是" : "否",
                    m.FloatingDirection is { } d ? Labels.Of(d) : "",
                    m.FloatingPlace ?? "",
                    m.FloatingContact ?? "",
                    m.FloatingSince?.ToString("yyyy-MM-dd") ?? "",
                    m.NativePlace ?? "",
                    m.Degree is { } dg ? Labels.Of(dg) : "",
                    m.Occupation ?? "",
                    m.WorkUnit ?? "",
                    m.Position ?? "",
                    m.HomeAddress ?? "",
                    m.FullMemberOn?.ToString("yyyy-MM-dd") ?? "",
                    m.OrgName,
                ];
                for (var c = 0; c < values.Length; c++)
                    sheet.Cell(r, c + 1).SetValue(values[c].ToString());
                r++;
            }
            return MemberSheet.Save(book);
        }
    }
}
