using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hongling.Web.Data;

/// <summary>The embedded database's settings for a server workload: write-ahead logging (readers do not wait
/// for a writer; set once, it stays with the file), fsync at checkpoints rather than every commit (the file
/// stays consistent on power loss; the last commits may be lost), and a 32 MB page cache per connection so
/// that a district's indexes stay in memory.</summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public const string OnceSql = "PRAGMA journal_mode = WAL;";
    private const string PerConnectionSql = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(connection);
        return Task.CompletedTask;
    }

    /// <summary>The native connections already set: the pool hands the same one out again and again, and the
    /// settings stay with it, so they run once per native connection rather than at every open.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> tuned = new();

    private void Run(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && tuned.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = PerConnectionSql;
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened }) tuned.AddOrUpdate(opened, this);
    }
}
