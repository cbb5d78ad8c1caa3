namespace Hongling.Web.Features.Account;

/// <summary>Names a signed-in device from its user agent in plain words ("Android 手机 · Chrome"), for the
/// list of sessions on 我的账号. A guess from what the browser says about itself, not an identification.</summary>
public static class DeviceNames
{
    // First match wins: more specific names before the engines they are built on (Edge and the Chinese
    // browsers all say "Chrome"; HarmonyOS phones also say "Android"; every Chromium says "Safari").
    private static readonly (string Token, string Name)[] Systems =
    [
        ("OpenHarmony", "鸿蒙手机"),
        ("HarmonyOS", "鸿蒙手机"),
        ("iPad", "iPad"),
        ("iPhone", "iPhone"),
        ("Android", "Android"),
        ("Windows", "Windows 电脑"),
        ("CrOS", "Chromebook"),
        ("Macintosh", "Mac 电脑"),
        ("Linux", "Linux 电脑"),
    ];

    private static readonly (string Token, string Name)[] Browsers =
    [
        ("MicroMessenger", "微信"),
        ("DingTalk", "钉钉"),
        ("MQQBrowser", "QQ 浏览器"),
        ("UCBrowser", "UC 浏览器"),
        ("Quark", "夸克"),
        ("HuaweiBrowser", "华为浏览器"),
        ("MiuiBrowser", "小米浏览器"),
        ("SamsungBrowser", "三星浏览器"),
        ("baiduboxapp", "百度"),
        ("Edg", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("FxiOS", "Firefox"),
        ("CriOS", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return "未知设备";
        var system = Find(Systems, userAgent);
        if (system == "Android")
            system = userAgent.Contains("Mobile", StringComparison.Ordinal) ? "Android 手机" : "Android 平板";
        var browser = Find(Browsers, userAgent);
        return (system, browser) switch
        {
            (null, null) => "未知设备",
            (null, _) => browser!,
            (_, null) => system,
            _ => $"{system} · {browser}",
        };
    }

    private static string? Find((string Token, string Name)[] names, string userAgent) =>
        names.FirstOrDefault(n => userAgent.Contains(n.Token, StringComparison.OrdinalIgnoreCase)).Name;
}
