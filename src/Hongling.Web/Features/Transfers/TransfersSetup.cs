namespace Hongling.Web.Features.Transfers;

/// <summary>Registers the transfers feature's services: its one line in Program.cs.</summary>
public static class TransfersSetup
{
    public static IServiceCollection AddTransfers(this IServiceCollection services) =>
        services.AddScoped<TransferDesk>();
}
