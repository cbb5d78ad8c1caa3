using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure;

/// <summary>Recognises a refused insert of a duplicate key, on either provider: the answer a unique index gives the
/// loser of two concurrent writes.</summary>
public static class UniqueViolations
{
    public static bool IsUniqueViolation(this DbException e) =>
        e
            is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
                or Npgsql.PostgresException { SqlState: "23505" };

    /// <summary>A save refused by a unique index (EF wraps the provider's exception).</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) =>
        e.InnerException is DbException inner && inner.IsUniqueViolation();
}
