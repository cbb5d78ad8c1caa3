using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hongling.Web.Data;

/// <summary>A consistent copy of the whole database while the app runs, and its restore. SQLite: the online
/// backup API (one step, under one read snapshot: writers go on, the copy is the database as of its start).
/// PostgreSQL: pg_dump in custom format (one repeatable-read snapshot) and pg_restore into an empty or replaced
/// database. The data-protection keys are rows of the database and come with it; the Pii key does not
/// (deploy/README.md).</summary>
public static class Backups
{
    public static async Task BackupAsync(
        DatabaseProvider provider,
        string connection,
        string file,
        CancellationToken ct = default
    )
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file))
            File.Delete(file);
        if (provider == DatabaseProvider.Postgres)
        {
            await RunPgToolAsync("pg_dump", connection, ["--format=custom", "--no-owner", "--file", file], ct);
            return;
        }
        await using var source = new SqliteConnection(connection);
        await source.OpenAsync(ct);
        await using var target = new SqliteConnection(Plain(file));
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
    }

    /// <summary>Replaces the configured database's content with the backup's. Run it with the app stopped.</summary>
    public static async Task RestoreAsync(
        DatabaseProvider provider,
        string connection,
        string file,
        CancellationToken ct = default
    )
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
            throw new FileNotFoundException($"no backup at {file}", file);
        if (provider == DatabaseProvider.Postgres)
        {
            var database = new NpgsqlConnectionStringBuilder(connection).Database!;
            string[] args = ["--clean", "--if-exists", "--no-owner", "--exit-on-error", "--single-transaction"];
            await RunPgToolAsync("pg_restore", connection, [.. args, "--dbname", database, file], ct);
            return;
        }
        await using var source = new SqliteConnection(Plain(file) + ";Mode=ReadOnly");
        await source.OpenAsync(ct);
        await using var target = new SqliteConnection(connection);
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
        SqliteConnection.ClearAllPools();
    }

    private static string Plain(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    /// <summary>pg_dump or pg_restore of the newest PostgreSQL installed (Debian: /usr/lib/postgresql/N/bin), else
    /// from PATH, with the connection string's server, user and password in the environment.</summary>
    private static async Task RunPgToolAsync(string tool, string connection, string[] args, CancellationToken ct)
    {
        var pg = new NpgsqlConnectionStringBuilder(connection);
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var installed = versions
            .Where(d => File.Exists(Path.Combine(d, "bin", tool)))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", tool))
            .FirstOrDefault();
        var info = new ProcessStartInfo(installed ?? tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment["PGHOST"] = pg.Host;
        info.Environment["PGPORT"] = pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = pg.Username;
        info.Environment["PGDATABASE"] = pg.Database;
        if (!string.IsNullOrEmpty(pg.Password))
            info.Environment["PGPASSWORD"] = pg.Password;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var errors = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
    }
}

/// <summary>`dotnet run --project src/Hongling.Web -- backup --out FILE` and `-- restore FILE`, on the database
/// the app's settings name (Database:Provider, ConnectionStrings:Hongling), without starting the app.</summary>
public static class BackupCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(IConfiguration config, string contentRoot, string[] args)
    {
        var provider = DataSetup.ProviderOf(config);
        var connection = DataSetup.ConnectionStringOf(config, contentRoot);
        var file =
            args[0] == "backup"
                ? (Array.IndexOf(args, "--out") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null)
                : args.Skip(1).FirstOrDefault(a => !a.StartsWith('-'));
        if (file is null)
        {
            Console.Error.WriteLine("usage: backup --out FILE | restore FILE");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        if (args[0] == "backup")
            await Backups.BackupAsync(provider, connection, file);
        else
            await Backups.RestoreAsync(provider, connection, file);
        Console.WriteLine(
            $"{args[0]}: {Path.GetFullPath(file)} ({new FileInfo(file).Length} bytes, {provider}, "
                + $"{clock.Elapsed.TotalSeconds:F1} s)"
        );
        return 0;
    }
}
