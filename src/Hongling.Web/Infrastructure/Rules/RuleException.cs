using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hongling.Web.Infrastructure.Rules;

/// <summary>The one exception a domain rule throws when it refuses: it carries the named error and, for pages, the
/// form field it concerns ("" for the whole form). Pages catch it and show the message as a form error
/// (<see cref="RuleExceptionExtensions.AddRuleError"/>); under /api an uncaught one becomes a problem with the
/// error's status, detail and code (ErrorHandling).</summary>
public sealed class RuleException(RuleError error, string field = "") : Exception(error.Message)
{
    public RuleError Error { get; } = error;
    public string Field { get; } = field;
}

public static class RuleExceptionExtensions
{
    /// <summary>Shows a refused rule as a form error on its field.</summary>
    public static void AddRuleError(this ModelStateDictionary state, RuleException e) =>
        state.AddModelError(e.Field, e.Error.Message);
}
