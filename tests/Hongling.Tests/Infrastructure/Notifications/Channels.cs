using Hongling.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure.Notifications;

/// <summary>The channels as the application registers them, on the given settings.</summary>
internal static class Channels
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddNotificationChannels(config).BuildServiceProvider();
    }

    public static OutgoingMessage Message(
        string to,
        string title = "关于开展主题党日活动的通知",
        string text = "请各支部于本月25日前组织党员参加主题党日活动。",
        string? link = "https://hongling.example/Inbox/42"
    ) => new(to, title, text, link, "msg-" + Guid.NewGuid().ToString("N"));

    /// <summary>A mainland mobile number no other test uses.</summary>
    public static string NewMobile() => "138" + Random.Shared.Next(0, 100_000_000).ToString("D8");

    public static string NewEmail() => $"m{Guid.NewGuid():N}@example.com";
}
