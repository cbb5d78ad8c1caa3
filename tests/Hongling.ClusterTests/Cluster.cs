using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

[assembly: AssemblyFixture(typeof(Hongling.ClusterTests.Cluster))]

namespace Hongling.ClusterTests;

/// <summary>The cluster, started once for every case: a fresh database on the PostgreSQL of HONGLING_TEST_PG (seeded
/// with a small district, red cards 8000000001… and a bench exam), Redis at HONGLING_TEST_REDIS under a key prefix of
/// its own, two instances of the built app and nginx before them, all on free loopback ports.</summary>
public sealed class Cluster : IAsyncLifetime
{
    public const string Password = "hongling2026";

    /// <summary>Exams:PoolSeconds of the instances: how long one may draw from an exam's pool as it read it.</summary>
    public const int PoolSeconds = 5;

    /// <summary>Notifications:ReminderMinutes and Bulletins:CheckMinutes of the instances, as a period.</summary>
    public static readonly TimeSpan JobPeriod = TimeSpan.FromSeconds(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("hongling-cluster.").FullName;
    private readonly string _database = "hongling_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private string _server = "";
    public Instance A { get; private set; } = null!;
    public Instance B { get; private set; } = null!;
    public Nginx Nginx { get; private set; } = null!;
    public string Database { get; private set; } = "";
    public int ExamId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("HONGLING_TEST_PG")
            ?? throw new InvalidOperationException("HONGLING_TEST_PG is not set (./test.sh sets it)");
        var redis = Environment.GetEnvironmentVariable("HONGLING_TEST_REDIS")
            ?? throw new InvalidOperationException("HONGLING_TEST_REDIS is not set (./test.sh sets it)");
        await ExecuteAsync(_server, $"CREATE DATABASE {_database}");
        Database = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Hongling"] = Database,
            ["Redis__Configuration"] = redis,
            ["Redis__InstanceName"] = _database + ":",
            ["Proxies__Known__0"] = "127.0.0.1",
            ["Pii__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Cookies__Secure"] = "false",
            ["Demo__Seed"] = "false",
            ["Data__Directory"] = _folder,
            ["Logging__LogLevel__Default"] = "Warning",
            // Shorter than the defaults so that the cases wait seconds, not minutes: another instance's edit of an
            // exam or the bank shows in draws within PoolSeconds (30), auto-submit passes run every second (30 s),
            // the reminders and the bulletin schedule every 3 s (60 and 10 min). Each instance runs its jobs.
            ["Exams__PoolSeconds"] = PoolSeconds.ToString(),
            ["Exams__AutoSubmitSeconds"] = "1",
            ["Notifications__ReminderMinutes"] = JobPeriod.TotalMinutes.ToString(CultureInfo.InvariantCulture),
            ["Bulletins__CheckMinutes"] = JobPeriod.TotalMinutes.ToString(CultureInfo.InvariantCulture),
        };
        var dll = AppDll();
        ExamId = await SeedAsync(dll, settings);
        A = new Instance("a", dll, FreePort(), settings, _folder);
        B = new Instance("b", dll, FreePort(), settings, _folder);
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
        Nginx = new Nginx(_folder, FreePort(), [A, B]);
        await Nginx.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Nginx is not null)
            await Nginx.DisposeAsync();
        await Task.WhenAll(A?.StopAsync() ?? Task.CompletedTask, B?.StopAsync() ?? Task.CompletedTask);
        if (Database.Length > 0)
            await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        Directory.Delete(_folder, recursive: true);
    }

    public Instance Other(Instance i) => i == A ? B : A;

    /// <summary>The instance behind an X-Upstream value (nginx's upstream address).</summary>
    public Instance? ByUpstream(string? upstream) =>
        upstream?.Split(',').Last().Trim() is { } last
            ? new[] { A, B }.FirstOrDefault(i => last.EndsWith($":{i.Port}"))
            : null;

    /// <summary>`seed --members 300 --cards 60 --bench-exam 10`: the district, red cards for its first 60
    /// members and a 10-question exam open to all; returns the exam's id.</summary>
    private async Task<int> SeedAsync(string dll, Dictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { dll, "seed", "--members", "300", "--cards", "60", "--bench-exam", "10" })
            info.ArgumentList.Add(a);
        info.ArgumentList.Add("--postgres");
        info.ArgumentList.Add(Database);
        foreach (var (key, value) in settings)
            info.Environment[key] = value;
        using var seed = Process.Start(info)!;
        var output = seed.StandardOutput.ReadToEndAsync();
        var errors = seed.StandardError.ReadToEndAsync();
        await seed.WaitForExitAsync();
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("bench_exam:"));
        if (seed.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"seed failed ({seed.ExitCode}): {await output}\n{await errors}");
        return int.Parse(line["bench_exam:".Length..].Trim());
    }

    /// <summary>src/Hongling.Web/bin/{this build's configuration}/net10.0/Hongling.Web.dll.</summary>
    private static string AppDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Hongling.slnx")))
            root = root.Parent;
        var dll = Path.Combine(root!.FullName, "src", "Hongling.Web", "bin", configuration, "net10.0");
        dll = Path.Combine(dll, "Hongling.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: dotnet build first");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The one figure a query answers (a count or sum; null as 0).</summary>
    public async Task<long> FigureAsync(string sql) =>
        (await QueryAsync(sql))[0][0] is var v and not DBNull ? Convert.ToInt64(v) : 0;

    /// <summary>Rows of a query on the cluster's database, each as an array of its values.</summary>
    public async Task<List<object[]>> QueryAsync(string sql)
    {
        await using var c = new NpgsqlConnection(Database);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
