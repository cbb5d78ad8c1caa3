namespace Hongling.Web.Features.Photos;

/// <summary>Registers the member photos feature's services: its one line in Program.cs.</summary>
public static class PhotosSetup
{
    public static IServiceCollection AddPhotos(this IServiceCollection services) => services.AddScoped<MemberPhotos>();
}
