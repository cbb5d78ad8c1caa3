using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>The demo district's remote-education sites (about 120), mixed as Xingning's are: two at the district,
/// one per town or street, one per village and community branch of the ten named towns (the first nine branches of
/// each, whatever the district's size), the organs' branches, two bus "党员之家" and a second site for a few large
/// villages. Built in four batches as Hetang's were, broadband for most, satellite only for some villages. Each has
/// a set-top box, a modem and a 29-inch television, some a satellite receiver, a computer or a projector; a few
/// pieces are 故障 (one 报废 and replaced) with their history, a few sites have maintenance records, two are 停用.
/// The site administrator is the branch's secretary where one is recorded, else its longest-standing full member;
/// the operator its youngest member with a college education or more. Fixed seed: the same every time.</summary>
public static class DemoSites
{
    private const string By = "演示数据";

    private sealed record Org(int Id, string Code, string Name, OrgCategory Category, int? SecretaryId);

    private sealed record Person(
        int Id,
        int OrganizationId,
        DateOnly BirthDate,
        DateOnly JoinedOn,
        MemberStatus Status,
        Education Education
    );

    private static readonly (string Work, decimal Cost)[] Repairs =
    [
        ("更换卫星接收高频头", 85.50m),
        ("维修机顶盒电源板", 120.00m),
        ("更换电视机遥控器及电池", 36.80m),
        ("调整卫星天线角度,重新搜星", 0m),
        ("更换调制解调器", 168.00m),
        ("电脑重装系统并清理病毒", 60.00m),
        ("更换投影仪灯泡", 1260.00m),
        ("站点线路整改,更换网线和插座", 232.40m),
    ];

    private static readonly string[] Faults = ["无法接收卫星信号", "开机无图像", "频繁掉线", "无法开机"];

    /// <summary>Adds the sites with their equipment, history and maintenance; returns how many sites. Expects the
    /// caller's context to have no pending changes (it inserts in bulk).</summary>
    public static async Task<int> AddAsync(HonglingDb db, DateTime now, CancellationToken ct = default)
    {
        var orgs = await db
            .Organizations.OrderBy(o => o.Path)
            .Select(o => new Org(o.Id, o.Code, o.Name, o.Category, o.SecretaryId))
            .ToListAsync(ct);
        if (orgs.Count == 0)
            return 0;
        var byCode = orgs.ToDictionary(o => o.Code);
        var rng = new Random(20261205);
        var today = DateOnly.FromDateTime(now + ChinaTime.Offset);
        var sites = new List<Site>();

        Site Add(Org org, SiteKind kind, string name, int batch, Broadband broadband, string? address = null)
        {
            var year = 2003 + batch * 2 - rng.Next(0, 2);
            var site = new Site
            {
                Name = name,
                Code = $"HL-{org.Code}-{sites.Count(s => s.OrganizationId == org.Id) + 1}",
                OrganizationId = org.Id,
                Kind = kind,
                Address = address ?? $"红岭区{Short(org.Name)}党员活动室",
                Batch = batch,
                BuiltOn = new DateOnly(year, rng.Next(3, 12), rng.Next(1, 29)),
                Broadband = broadband,
                CreatedAt = now,
            };
            sites.Add(site);
            return site;
        }

        Add(byCode["D"], SiteKind.District, "区委组织部远教站点", 1, Broadband.Fibre, "红岭区人民路1号区委大楼三楼");
        Add(byCode["D"], SiteKind.District, "区远教中心示范站点", 2, Broadband.Fibre, "红岭区人民路1号区委大楼一楼");
        for (var t = 1; t <= 10 && byCode.TryGetValue($"T{t:D3}", out var town); t++)
        {
            var street = town.Name.Contains("街道");
            Add(town, SiteKind.Town, Short(town.Name) + "远教站点", 2, Broadband.Fibre);
            for (var b = 1; b <= 9 && byCode.TryGetValue($"T{t:D3}B{b:D3}", out var branch); b++)
            {
                if (branch.Category == OrgCategory.Community)
                    Add(
                        branch,
                        street ? SiteKind.UrbanCommunity : SiteKind.TownCommunity,
                        Short(branch.Name) + "远教站点",
                        3,
                        rng.Next(4) == 0 ? Broadband.Adsl : Broadband.Fibre
                    );
                else
                    Add(
                        branch,
                        SiteKind.Village,
                        Short(branch.Name) + "远教站点",
                        1 + rng.Next(2),
                        VillageBroadband(rng)
                    );
                // Some large villages have a second site, in a hamlet far from the village office.
                if (branch.Category == OrgCategory.Village && b == 9 && t % 2 == 1)
                    Add(
                        branch,
                        SiteKind.Village,
                        Short(branch.Name) + "五组远教站点",
                        4,
                        Broadband.SatelliteOnly,
                        $"红岭区{Short(branch.Name)}五组"
                    );
            }
        }
        foreach (var organ in orgs.Where(o => o.Code.Length == 4 && o.Code[0] == 'G'))
            Add(organ, SiteKind.Organ, Short(organ.Name) + "远教站点", 4, Broadband.Fibre);
        if (byCode.TryGetValue("E004", out var transport))
        {
            Add(
                transport,
                SiteKind.BusMembersHome,
                "城区公交“党员之家”(北站)",
                4,
                Broadband.Fibre,
                "红岭区公交北站调度楼二楼"
            );
            Add(
                transport,
                SiteKind.BusMembersHome,
                "城区公交“党员之家”(南站)",
                4,
                Broadband.Adsl,
                "红岭区公交南站候车厅"
            );
        }
        // Two sites no longer in use: one organ's (its office moved) and one village's second site.
        sites.Last(s => s.Kind == SiteKind.Organ).Status = SiteStatus.Stopped;
        (sites.LastOrDefault(s => s.Kind == SiteKind.Village && s.Code.EndsWith("-2")) ?? sites[^3]).Status =
            SiteStatus.Stopped;
        await StaffAsync(db, sites, orgs, ct);
        foreach (var site in sites.Where((_, i) => i % 9 == 4))
            site.Volunteers = "区远教志愿者服务团:" + Volunteer(rng) + "、" + Volunteer(rng);
        await db.InsertManyAsync(sites, ct);

        var equipment = sites.SelectMany(s => Equip(s, rng)).ToList();
        // A few pieces broke down lately (故障); one television could not be mended (报废).
        var broken = equipment
            .Where((e, i) => i % 53 == 17 && sites.First(s => s.Id == e.SiteId).Status == SiteStatus.InUse)
            .ToList();
        foreach (var e in broken)
            e.State = EquipmentState.Faulty;
        if (broken.FirstOrDefault(e => e.Kind == EquipmentKind.Television) is { } tv)
            tv.State = EquipmentState.Scrapped;
        await db.InsertManyAsync(equipment, ct);
        var history = new List<EquipmentStateChange>();
        foreach (var e in equipment)
        {
            history.Add(Change(e, null, EquipmentState.Normal, At(e.PurchasedOn!.Value), "登记设备"));
            if (e.State == EquipmentState.Normal)
                continue;
            history.Add(
                Change(
                    e,
                    EquipmentState.Normal,
                    EquipmentState.Faulty,
                    now.AddDays(-rng.Next(3, 40)),
                    Faults[rng.Next(Faults.Length)] + ",已报区远教中心"
                )
            );
            if (e.State == EquipmentState.Scrapped)
                history.Add(
                    Change(
                        e,
                        EquipmentState.Faulty,
                        EquipmentState.Scrapped,
                        now.AddDays(-2),
                        "显像管损坏,无维修价值,报废"
                    )
                );
        }
        var maintenance = sites
            .Where((s, i) => i % 5 == 2)
            .Select((s, i) => Maintain(s, Repairs[i % Repairs.Length], today.AddDays(-rng.Next(10, 700))))
            .ToList();
        await db.InsertManyAsync(history, maintenance, ct);
        return sites.Count;

        DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc); // 09:00 in China
        EquipmentStateChange Change(Equipment e, EquipmentState? from, EquipmentState to, DateTime at, string note) =>
            new()
            {
                EquipmentId = e.Id,
                OrganizationId = e.OrganizationId,
                From = from,
                To = to,
                ChangedAt = at,
                ChangedBy = By,
                Note = note,
            };
        SiteMaintenance Maintain(Site s, (string Work, decimal Cost) r, DateOnly on) =>
            new()
            {
                SiteId = s.Id,
                OrganizationId = s.OrganizationId,
                Date = on,
                Work = r.Work,
                Cost = r.Cost,
                RecordedAt = At(on),
                RecordedBy = By,
            };
    }

    private static Broadband VillageBroadband(Random rng) =>
        rng.Next(20) switch
        {
            < 7 => Broadband.SatelliteOnly,
            < 8 => Broadband.None,
            < 13 => Broadband.Adsl,
            _ => Broadband.Fibre,
        };

    /// <summary>Every site: a set-top box, a modem and a 29-inch television; a satellite receiver where the courseware
    /// comes by satellite; a computer at most sites with broadband; a projector at the district's, towns' and
    /// organs'.</summary>
    private static IEnumerable<Equipment> Equip(Site s, Random rng)
    {
        var bought = s.BuiltOn;
        Equipment New(EquipmentKind kind, string model, string prefix) =>
            new()
            {
                SiteId = s.Id,
                OrganizationId = s.OrganizationId,
                Kind = kind,
                Model = model,
                Serial = $"{prefix}{rng.Next(10_000_000, 99_999_999)}",
                PurchasedOn = bought,
                State = EquipmentState.Normal,
            };
        yield return New(EquipmentKind.SetTopBox, "DVB-S卫星数字机顶盒 同洲CDVB3188", "STB");
        yield return New(
            EquipmentKind.Modem,
            s.Broadband == Broadband.Fibre ? "光纤调制解调器 华为HG8245" : "ADSL调制解调器 TP-LINK TD-8620",
            "MDM"
        );
        yield return New(EquipmentKind.Television, "29寸彩色电视机 长虹SF2939", "TV");
        if (s.Broadband is Broadband.SatelliteOnly or Broadband.None || s.Batch == 1)
            yield return New(EquipmentKind.SatelliteReceiver, "1.2米卫星接收天线及高频头", "SAT");
        if (s.Broadband is Broadband.Adsl or Broadband.Fibre && rng.Next(10) < 7)
            yield return New(EquipmentKind.Computer, "联想启天M4350台式电脑", "PC");
        if (s.Kind is SiteKind.District or SiteKind.Town or SiteKind.Organ)
            yield return New(EquipmentKind.Projector, "爱普生CB-X05投影仪", "PJ");
    }

    /// <summary>The administrator and operator of each branch's sites, from the branch's own members.</summary>
    private static async Task StaffAsync(HonglingDb db, List<Site> sites, List<Org> orgs, CancellationToken ct)
    {
        var ids = sites.Select(s => s.OrganizationId).Distinct().ToList();
        var people = (
            await db
                .Members.Where(m => ids.Contains(m.OrganizationId))
                .OrderBy(m => m.Id)
                .Select(m => new Person(m.Id, m.OrganizationId, m.BirthDate, m.JoinedOn, m.Status, m.Education))
                .ToListAsync(ct)
        ).ToLookup(p => p.OrganizationId);
        var secretaries = orgs.ToDictionary(o => o.Id, o => o.SecretaryId);
        foreach (var site in sites)
        {
            var members = people[site.OrganizationId].ToList();
            if (members.Count == 0)
                continue;
            var admin =
                secretaries[site.OrganizationId] is { } s && members.Any(m => m.Id == s)
                    ? s
                    : members
                        .Where(m => m.Status == MemberStatus.Full)
                        .OrderBy(m => m.JoinedOn)
                        .ThenBy(m => m.Id)
                        .FirstOrDefault()
                        ?.Id
                        ?? members[0].Id;
            site.AdministratorId = admin;
            site.OperatorId = members
                .Where(m => m.Id != admin)
                .OrderBy(m => m.Education <= Education.College ? 0 : 1)
                .ThenByDescending(m => m.BirthDate)
                .ThenBy(m => m.Id)
                .FirstOrDefault()
                ?.Id;
        }
    }

    private static readonly string[] VolunteerNames =
    [
        "刘晓东",
        "陈思雨",
        "王俊杰",
        "杨帆",
        "赵一鸣",
        "周婷",
        "黄磊",
        "吴倩",
    ];

    private static string Volunteer(Random rng) => VolunteerNames[rng.Next(VolunteerNames.Length)];

    /// <summary>An organization's name without the party words: "南山石桥村党支部" → "南山石桥村".</summary>
    private static string Short(string name)
    {
        foreach (var suffix in new[] { "机关党支部", "党支部", "党工委", "党委", "党总支" })
            if (name.EndsWith(suffix))
                return name[..^suffix.Length];
        return name;
    }
}
