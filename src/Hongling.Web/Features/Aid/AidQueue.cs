using System.Linq.Expressions;
using Hongling.Web.Data;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.Aid;

/// <summary>The reviewers' queue: applications in the caller's scope whose waiting step is decided by an
/// organization they administer (its path in one of their subtrees: an indexed prefix on ReviewerPath).</summary>
public static class AidQueue
{
    public static IQueryable<AidApplication> WaitingFor(HonglingDb db)
    {
        var waiting = db.AidApplications.Where(a => a.Status == AidStatus.InReview);
        if (db.Scope.IsSystem)
            return waiting;
        var a = Expression.Parameter(typeof(AidApplication), "a");
        var path = Expression.Property(a, nameof(AidApplication.ReviewerPath));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var prefix in db.Scope.AdminPaths)
            body = Expression.OrElse(
                body,
                Expression.AndAlso(
                    Expression.NotEqual(path, Expression.Constant(null, typeof(string))),
                    Expression.Call(path, startsWith, Expression.Constant(prefix))
                )
            );
        return waiting.Where(Expression.Lambda<Func<AidApplication, bool>>(body, a));
    }
}
