using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>Renders a Razor partial of the real app with a model, as a page would, to check its wording.</summary>
public static class PartialRenderer
{
    public static async Task<string> RenderAsync(IServiceProvider services, string path, object model)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = sp };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var result = sp.GetRequiredService<IRazorViewEngine>().GetView(executingFilePath: null, viewPath: path, isMainPage: false);
        var view = result.View ?? throw new InvalidOperationException($"No view at {path}: {string.Join(", ", result.SearchedLocations)}");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(action, view, data, new TempDataDictionary(http, sp.GetRequiredService<ITempDataProvider>()), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
