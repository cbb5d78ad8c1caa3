using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hongling.Web.Features.Members;

/// <summary>What the shared form partial needs: the input, the branch choices and the field errors. For an
/// admission (接收预备党员) the joining date, the category and the branch are fixed and not shown.</summary>
public sealed record MemberFormView(
    MemberInput Input,
    IReadOnlyList<SelectListItem> Branches,
    ModelStateDictionary State,
    string? MaskedIdNumber,
    bool Admission = false
)
{
    public string? Error(string key) =>
        State.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
