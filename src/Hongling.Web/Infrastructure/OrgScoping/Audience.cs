using System.Linq.Expressions;
using Hongling.Web.Domain;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>The audience rule of everything an organization publishes to members (<see cref="IPublishedToMembers"/>):
/// it reaches a branch that is its audience or, when it includes the subtree, lies beneath it. The query
/// filter and every feature that asks "is this addressed to that branch" use these two forms of one rule.</summary>
public static class Audience
{
    /// <summary>The rule over a row, for SQL.</summary>
    public static Expression<Func<T, bool>> Reaches<T>(string branchPath)
        where T : IPublishedToMembers =>
        e => branchPath == e.AudiencePath || (e.AudienceIncludesSubtree && branchPath.StartsWith(e.AudiencePath));

    /// <summary>The rule over a row already read.</summary>
    public static bool Reaches(IPublishedToMembers row, string? branchPath) =>
        branchPath is not null
        && (
            branchPath == row.AudiencePath
            || (row.AudienceIncludesSubtree && branchPath.StartsWith(row.AudiencePath, StringComparison.Ordinal))
        );

    /// <summary>The rule with the reader as a parameter, for the query filter (which substitutes the caller's
    /// branch and administered subtrees for it).</summary>
    public static readonly Expression<Func<string?, IPublishedToMembers, bool>> ReachesReader = (reader, e) =>
        reader != null
        && (reader == e.AudiencePath || (e.AudienceIncludesSubtree && reader.StartsWith(e.AudiencePath)));
}
