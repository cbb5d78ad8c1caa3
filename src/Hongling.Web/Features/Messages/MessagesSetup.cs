namespace Hongling.Web.Features.Messages;

/// <summary>Registers the messages feature's services: its one line in Program.cs.</summary>
public static class MessagesSetup
{
    public static IServiceCollection AddMessages(this IServiceCollection services) =>
        services.AddScoped<MessageDesk>().AddSingleton<PublicChallenge>();
}
