namespace Hongling.Web.Infrastructure.Rules;

/// <summary>A named refusal (listed in <see cref="RuleErrors"/>): a stable machine-readable code in snake_case
/// English that API clients and tests match on, the Chinese message a user reads, and the status an API answers it
/// with (400 unless the request conflicts with the current state, 409, or the caller may not do it, 403, or names
/// nothing the caller may see, 404). Pages show the message as a form error; APIs answer a problem
/// (<see cref="Problems"/>) with the message as its detail and the code as its <c>code</c>.</summary>
public sealed record RuleError(string Code, string Message, int Status = StatusCodes.Status400BadRequest);
