using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hongling.Web.Data;

/// <summary>Plain ADO.NET connections to the one database, with EF's connection string, for the one read that
/// every signed-in request makes (Features/Account/SessionReader): building a DbContext and compiling a query
/// for it would cost every request more than the read itself.</summary>
public sealed class DbConnections(DatabaseProvider provider, string connectionString)
{
    /// <summary>SQLite runs in the process: its calls finish synchronously, and their async forms only add
    /// tasks.</summary>
    public bool InProcess => provider == DatabaseProvider.Sqlite;

    public DbConnection Create() =>
        provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
}
