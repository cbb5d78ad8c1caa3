using Hongling.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hongling.Tests.Infrastructure.Notifications;

public class NotificationChannelsSetupTests
{
    [Fact]
    public async Task TheApplication_RegistersOneSenderPerChannel()
    {
        await using var app = new TestApp();
        await app.InitializeAsync();

        var channels = app.Services.GetServices<IMessageSender>().Select(s => s.Channel).Order();

        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], channels);
    }

    [Theory]
    [InlineData("none", SmtpTlsMode.None)]
    [InlineData("starttls", SmtpTlsMode.StartTls)]
    [InlineData("ssl", SmtpTlsMode.Ssl)]
    public void SmtpSettings_BindFromConfiguration(string tls, SmtpTlsMode mode)
    {
        using var services = Channels.Build(
            new Dictionary<string, string>
            {
                ["Notifications:Smtp:Host"] = "smtp.example.com",
                ["Notifications:Smtp:Port"] = "587",
                ["Notifications:Smtp:TlsMode"] = tls,
                ["Notifications:Smtp:User"] = "dangwei",
                ["Notifications:Smtp:FromAddress"] = "dangwei@example.com",
            }
        );

        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.Equal(
            ("smtp.example.com", 587, mode, "dangwei"),
            (options.Host, options.Port, options.TlsMode, options.User)
        );
        Assert.Equal("dangwei@example.com", options.FromAddress);
    }
}
