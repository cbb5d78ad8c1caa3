using Hongling.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Data;

/// <summary>The settings every SQLite connection of the app gets when EF opens it (a file of its own, on either
/// test pass: this is the embedded default's configuration, not the pass's provider).</summary>
public sealed class SqliteTuningTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"hongling-tuning-{Guid.NewGuid():N}.db");

    private sealed class Db(DbContextOptions options) : DbContext(options);

    private async Task<long> PragmaAsync(string connectionString, string name)
    {
        await using var db = new Db(
            new DbContextOptionsBuilder().UseSqlite(connectionString).AddInterceptors(new SqliteTuning()).Options
        );
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Connections_WaitForALockInSqlite_ForTheConnectionsTimeout()
    {
        // Without SQLite's busy handler a locked write fails at once and the driver sleeps 150 ms before retrying.
        Assert.Equal(30_000, await PragmaAsync($"Data Source={_file}", "busy_timeout"));
        Assert.Equal(5_000, await PragmaAsync($"Data Source={_file};Default Timeout=5", "busy_timeout"));
    }

    [Fact]
    public async Task Connections_SyncAtCheckpoints_WithA32MegabyteCache()
    {
        Assert.Equal(1, await PragmaAsync($"Data Source={_file}", "synchronous")); // NORMAL
        Assert.Equal(-32768, await PragmaAsync($"Data Source={_file}", "cache_size"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
