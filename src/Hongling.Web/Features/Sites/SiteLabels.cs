using Hongling.Web.Domain;

namespace Hongling.Web.Features.Sites;

/// <summary>The Chinese words the registry shows (and the import reads) for the sites' enums.</summary>
public static class SiteLabels
{
    public static string Of(SiteKind k) =>
        k switch
        {
            SiteKind.District => "区",
            SiteKind.Town => "镇街",
            SiteKind.Village => "行政村",
            SiteKind.TownCommunity => "乡镇社区",
            SiteKind.UrbanCommunity => "城市社区",
            SiteKind.BusMembersHome => "公交“党员之家”",
            SiteKind.Organ => "机关",
            SiteKind.Other => "其他",
            _ => "",
        };

    public static string Of(Broadband b) =>
        b switch
        {
            Broadband.None => "未通宽带",
            Broadband.Adsl => "ADSL",
            Broadband.Fibre => "光纤",
            Broadband.SatelliteOnly => "仅卫星",
            _ => "",
        };

    public static string Of(SiteStatus s) => s == SiteStatus.InUse ? "在用" : "停用";

    public static string Of(EquipmentKind k) =>
        k switch
        {
            EquipmentKind.SatelliteReceiver => "卫星接收设备",
            EquipmentKind.SetTopBox => "机顶盒",
            EquipmentKind.Modem => "调制解调器",
            EquipmentKind.Television => "电视机",
            EquipmentKind.Computer => "电脑",
            EquipmentKind.Projector => "投影仪",
            EquipmentKind.Other => "其他",
            _ => "",
        };

    public static string Of(EquipmentState s) =>
        s switch
        {
            EquipmentState.Normal => "正常",
            EquipmentState.Faulty => "故障",
            EquipmentState.Scrapped => "报废",
            _ => "",
        };

    /// <summary>The value whose label is <paramref name="text"/> (also the bare 公交党员之家 without quotes), or
    /// null.</summary>
    public static T? Parse<T>(string text, Func<T, string> label)
        where T : struct, Enum
    {
        var plain = text.Replace("“", "").Replace("”", "").Replace("\"", "").Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            var l = label(v);
            if (l != "" && (l == text.Trim() || l.Replace("“", "").Replace("”", "") == plain))
                return v;
        }
        return null;
    }
}
