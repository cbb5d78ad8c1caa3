using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Hongling.Web.Data;

/// <summary>The embedded database's settings for a server workload: write-ahead logging (readers do not wait
/// for a writer; set once, it stays with the file), fsync at checkpoints rather than every commit (the file
/// stays consistent on power loss; the last commits may be lost), a 32 MB page cache per connection so
/// that a district's indexes stay in memory, and SQLite's own busy handler for the connection's timeout.
/// <para>Without the busy handler a write that finds the database locked (a request's write while a
/// group-commit writer commits a batch) gets SQLITE_BUSY at once, and Microsoft.Data.Sqlite retries it after
/// sleeping 150 ms: every such write cost a request 150 ms. SQLite's handler retries within milliseconds of
/// the lock's release (bench/heartbeat.sh: p99 from 112–140 ms to 23–24 ms under beats).</para></summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public const string OnceSql = "PRAGMA journal_mode = WAL;";

    /// <summary>The busy timeout is the connection's own (Default Timeout, 30 s unless set), in milliseconds.</summary>
    private static string PerConnectionSql(SqliteConnection connection) =>
        $"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA busy_timeout = "
        + $"{connection.DefaultTimeout * 1000};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Run(connection);
        return Task.CompletedTask;
    }

    /// <summary>The native connections already set: the pool hands the same one out again and again, and the
    /// settings stay with it, so they run once per native connection rather than at every open.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> tuned = new();

    private void Run(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        if (sqlite.Handle is not { } handle || tuned.TryGetValue(handle, out _))
            return;
        using var command = sqlite.CreateCommand();
        command.CommandText = PerConnectionSql(sqlite);
        command.ExecuteNonQuery();
        tuned.AddOrUpdate(handle, this);
    }
}
