using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Sites;

/// <summary>Small builders for the registry's tests: a site with equipment, written as seeding does.</summary>
public static class RegistryTestData
{
    public static Task<Site> AddSiteAsync(
        this TestApp app,
        Organization org,
        string name = "测试站点",
        params EquipmentKind[] equipment
    ) =>
        app.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = name,
                Code = TestApp.UniqueCode("S"),
                OrganizationId = org.Id,
                Kind = SiteKind.Village,
                Broadband = Broadband.Fibre,
                CreatedAt = DateTime.UtcNow,
            };
            foreach (var kind in equipment)
            {
                var e = new Equipment { OrganizationId = org.Id, Kind = kind };
                e.History.Add(
                    new EquipmentStateChange
                    {
                        OrganizationId = org.Id,
                        To = EquipmentState.Normal,
                        ChangedAt = DateTime.UtcNow,
                        ChangedBy = "测试",
                    }
                );
                site.Equipment.Add(e);
            }
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site;
        });

    /// <summary>The site form's fields, valid for <paramref name="org"/>, with <paramref name="change"/>
    /// applied.</summary>
    public static Dictionary<string, string> SiteForm(
        Organization org,
        string code,
        Action<Dictionary<string, string>>? change = null
    )
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "石桥村远教站点",
            ["Input.Code"] = code,
            ["Input.OrganizationId"] = org.Id.ToString(),
            ["Input.Kind"] = "Village",
            ["Input.Address"] = "石桥村村委会二楼",
            ["Input.Batch"] = "2",
            ["Input.BuiltOn"] = "2009-06-30",
            ["Input.Broadband"] = "Fibre",
            ["Input.Status"] = "InUse",
            ["Input.Administrator"] = "",
            ["Input.Operator"] = "",
            ["Input.Volunteers"] = "王五、赵六",
        };
        change?.Invoke(form);
        return form;
    }
}
