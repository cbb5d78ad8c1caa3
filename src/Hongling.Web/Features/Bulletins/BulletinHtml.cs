using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Hongling.Web.Features.Bulletins;

/// <summary>Renders the bulletin's body partial (or one of its sections' partials) to a string, for the documents
/// (<see cref="BulletinDocument"/>).</summary>
public sealed class BulletinHtml(
    IRazorViewEngine views,
    ITempDataDictionaryFactory tempData,
    IModelMetadataProvider metadata
)
{
    public const string BodyPath = "/Features/Bulletins/_BulletinBody.cshtml";

    public async Task<string> RenderAsync(ActionContext action, string path, object model)
    {
        var found = views.GetView(executingFilePath: null, viewPath: path, isMainPage: false);
        var view = found.View
            ?? throw new InvalidOperationException($"No view at {path}: {string.Join(", ", found.SearchedLocations)}");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(
            action,
            view,
            data,
            tempData.GetTempData(action.HttpContext),
            writer,
            new HtmlHelperOptions()
        );
        await view.RenderAsync(context);
        return writer.ToString();
    }

    public async Task<BulletinPaper> PaperAsync(ActionContext action, BulletinView bulletin) =>
        BulletinDocument.Read(await RenderAsync(action, BodyPath, bulletin));
}
