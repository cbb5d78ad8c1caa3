using Hongling.Web.Features.Account;

namespace Hongling.Tests.Features.Account;

public sealed class DeviceNamesTests
{
    [Theory]
    [InlineData(SessionClients.Android, "Android 手机 · Chrome")]
    [InlineData(SessionClients.WindowsEdge, "Windows 电脑 · Edge")]
    [InlineData(SessionClients.IPhoneWeChat, "iPhone · 微信")]
    [InlineData(
        "Mozilla/5.0 (Linux; Android 12; HarmonyOS; ALN-AL00) AppleWebKit/537.36 (KHTML, like Gecko) Version/"
            + "4.0 Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 Mobile Safari/537.36",
        "鸿蒙手机 · 华为浏览器"
    )]
    [InlineData(
        "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/"
            + "537.36",
        "Android 平板 · Chrome"
    )]
    [InlineData(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
            + "Safari/605.1.15",
        "Mac 电脑 · Safari"
    )]
    [InlineData(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Windows 电脑 · Firefox"
    )]
    [InlineData("curl/8.5.0", "未知设备")]
    [InlineData("", "未知设备")]
    [InlineData(null, "未知设备")]
    public void DeviceName_FromTheUserAgent_InPlainWords(string? userAgent, string expected) =>
        Assert.Equal(expected, DeviceNames.Of(userAgent));
}
