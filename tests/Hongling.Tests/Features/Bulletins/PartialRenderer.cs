using Hongling.Web.Features.Bulletins;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>Renders a Razor partial of the real app with a model, as the bulletin's documents do, to check its
/// wording.</summary>
public static class PartialRenderer
{
    public static async Task<string> RenderAsync(IServiceProvider services, string path, object model)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        return await scope
            .ServiceProvider.GetRequiredService<BulletinHtml>()
            .RenderAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()), path, model);
    }
}
