using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hongling.Web.Infrastructure.Rules;

/// <summary>The one error body of the JSON APIs (RFC 9457 problem details, application/problem+json), written
/// through the shared ProblemDetails service so that an endpoint's refusal, an exception and the pipeline's own
/// 401/403/404/429 look alike: <c>type</c> and <c>title</c> name the status (the title in Chinese, the same for
/// every error of that status), <c>detail</c> is the Chinese message for the user, <c>code</c> the stable name of
/// the error (<see cref="RuleErrors"/>) for programs, <c>traceId</c> the request in the logs.</summary>
public static class Problems
{
    public const string CodeKey = "code";
    public const string TraceIdKey = "traceId";

    /// <summary>An endpoint's answer for a named error, at the error's status.</summary>
    public static ProblemHttpResult From(RuleError error) => TypedResults.Problem(Of(error));

    /// <summary>Writes the problem for a named error from middleware or a callback, which return no result.</summary>
    public static Task WriteAsync(HttpContext http, RuleError error) => From(error).ExecuteAsync(http);

    private static ProblemDetails Of(RuleError error) =>
        new()
        {
            Status = error.Status,
            Title = ErrorHandling.TitleOf(error.Status),
            Detail = error.Message,
            Extensions = { [CodeKey] = error.Code },
        };

    /// <summary>Finishes every problem the ProblemDetails service writes (its CustomizeProblemDetails): a rule
    /// refused in an exception keeps its message and code; any other exception's text stays in the log; a problem
    /// without a code (the pipeline's own answers) gets its status's generic code and message.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Extensions.Remove("exception");
        if (context.Exception is RuleException rule)
        {
            problem.Detail = rule.Error.Message;
            problem.Extensions[CodeKey] = rule.Error.Code;
        }
        if (!problem.Extensions.ContainsKey(CodeKey))
        {
            var generic = RuleErrors.ForStatus(status);
            problem.Extensions[CodeKey] = generic.Code;
            problem.Detail = generic.Message;
        }
        problem.Title = ErrorHandling.TitleOf(status);
        problem.Type ??= TypeOf(status);
        problem.Extensions.TryAdd(TraceIdKey, Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
    }

    /// <summary>Statuses the framework gives no type URI; RFC 9457 reads a missing type as about:blank.</summary>
    private static string TypeOf(int status) =>
        status switch
        {
            413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            429 => "https://tools.ietf.org/html/rfc6585#section-4",
            _ => "about:blank",
        };
}
