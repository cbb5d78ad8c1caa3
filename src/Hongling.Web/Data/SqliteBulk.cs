using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hongling.Web.Data;

/// <summary>The SQLite side of <see cref="HonglingDb.InsertManyAsync{T, TChild}"/>: one INSERT prepared on the
/// connection's own handle and bound by position. Microsoft.Data.Sqlite binds every parameter by name, looking
/// the name up and copying it to UTF-8 for each value, which was a third of the cost of writing the papers of a
/// synchronized exam start. Values are bound as Microsoft.Data.Sqlite binds them (its SqliteValueBinder) for the
/// types EF hands over after its value converters; any other type is refused rather than stored differently.</summary>
internal static class SqliteBulk
{
    public static void Insert<T>(
        SqliteConnection connection,
        string sql,
        IEnumerable<T> rows,
        int columns,
        Func<T, int, object?> value,
        Action<T, long>? setKey
    )
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < columns; i++)
                    Check(db, Bind(statement, i + 1, value(row, i)));
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_ROW)
                {
                    setKey?.Invoke(row, raw.sqlite3_column_int64(statement, 0));
                    rc = raw.sqlite3_step(statement);
                }
                if (rc != raw.SQLITE_DONE)
                    Check(db, rc);
                raw.sqlite3_reset(statement);
            }
        }
    }

    private static void Check(sqlite3 db, int rc) => SqliteException.ThrowExceptionForRC(rc, db);

    private static int Bind(sqlite3_stmt s, int i, object? value) =>
        value switch
        {
            null or DBNull => raw.sqlite3_bind_null(s, i),
            string text => Text(s, i, text),
            int n => raw.sqlite3_bind_int64(s, i, n),
            long n => raw.sqlite3_bind_int64(s, i, n),
            short n => raw.sqlite3_bind_int64(s, i, n),
            byte n => raw.sqlite3_bind_int64(s, i, n),
            bool b => raw.sqlite3_bind_int64(s, i, b ? 1 : 0),
            Enum e => raw.sqlite3_bind_int64(s, i, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
            double d when !double.IsNaN(d) => raw.sqlite3_bind_double(s, i, d),
            decimal m => Text(s, i, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            DateTime t => Text(s, i, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly d => Text(s, i, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            Guid g => Text(s, i, g.ToString().ToUpperInvariant()),
            byte[] bytes => raw.sqlite3_bind_blob(s, i, bytes),
            _ => throw new NotSupportedException($"Inserting in bulk into SQLite: no binding for {value.GetType()}."),
        };

    /// <summary>Text is handed over as UTF-16 and stored in the database's encoding by SQLite itself: no UTF-8
    /// copy of every value in managed memory.</summary>
    private static int Text(sqlite3_stmt s, int i, string text) => raw.sqlite3_bind_text16(s, i, text);
}
