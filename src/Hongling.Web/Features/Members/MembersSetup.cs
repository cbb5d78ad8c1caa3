namespace Hongling.Web.Features.Members;

/// <summary>Registers the members feature's services: its one line in Program.cs.</summary>
public static class MembersSetup
{
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services
            .AddScoped<IdNumberRegistry>()
            .AddSingleton<IdNumberRegistry.Allowance>()
            .AddScoped<Import.MemberImport>();
}
