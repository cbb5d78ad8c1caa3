namespace Hongling.Web.Features.Organizations;

/// <summary>Registers the organizations feature's services: its one line in Program.cs.</summary>
public static class OrganizationsSetup
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services) =>
        services.AddScoped<OrgEditor>();
}
