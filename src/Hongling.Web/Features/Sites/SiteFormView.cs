using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hongling.Web.Features.Sites;

/// <summary>What the site form partial needs: the input, the organizations to choose from and the field
/// errors.</summary>
public sealed record SiteFormView(
    SiteInput Input,
    IReadOnlyList<SelectListItem> Organizations,
    ModelStateDictionary State
)
{
    public string? Error(string field) =>
        State.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
