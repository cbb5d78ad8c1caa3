using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>Declares a page open to every signed-in account (members included), not only administrators.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignedInPageAttribute : Attribute;

/// <summary>Every page is for administrators unless its model declares [AllowAnonymous] or
/// [SignedInPage]: a new page that forgets to say is closed, not open.</summary>
public sealed class PageAccessConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var type = model.ModelType ?? model.HandlerType;
        if (type.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
            return;
        model.Filters.Add(
            type.GetCustomAttribute<SignedInPageAttribute>() is not null
                ? new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
                : new AuthorizeFilter(OrgPolicies.Administrator)
        );
    }
}
