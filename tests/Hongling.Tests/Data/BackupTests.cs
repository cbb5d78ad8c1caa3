using System.Data.Common;
using Hongling.Tests.Features.Exams;
using Hongling.Tests.Features.Study;
using Hongling.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Hongling.Tests.Features.Exams.ExamSteps;

namespace Hongling.Tests.Data;

/// <summary>`backup` and `restore` (Data/Backups.cs) on the suite's provider: a copy taken while beats and autosaves
/// are written holds every row as of its moment.</summary>
public sealed class BackupTests(TestApp app) : IClassFixture<TestApp>
{
    private readonly Counters _beats = new(),
        _saves = new();

    [Fact]
    public async Task Backup_WhileBeatsAndAutosavesAreWritten_RestoresEveryRowAsOfItsMoment()
    {
        var (_, branch, _, card, material) = await StudyFixture.ReaderAsync(app, "备份镇");
        var reader = await app.SignedInClientAsync(card);
        var session = await StudyFixture.OpenAsync(reader, material.Id);
        var exam = await app.AddExamAsync(branch, await app.AddBankAsync(branch));
        var (_, candidate) = await app.CandidateAsync(branch);
        var attempt = await StartedAsync(candidate, exam);
        var item = (await PaperAsync(candidate, attempt)).Items[0];
        using var stop = new CancellationTokenSource();
        var beating = LoopAsync(_beats, s => StudyFixture.BeatAsync(reader, session, s), stop.Token);
        var saving = LoopAsync(
            _saves,
            s => SaveAsync(candidate, attempt, item.Position, s, item.Options[(int)(s % 2)].Key),
            stop.Token
        );
        while (_beats.Acked < 10 || _saves.Acked < 10)
            await Task.Delay(10);

        var config = app.Services.GetRequiredService<IConfiguration>();
        var provider = DataSetup.ProviderOf(config);
        var live = config.GetConnectionString("Hongling")!;
        var file = Path.Combine(Path.GetTempPath(), $"hongling-backup-{Guid.NewGuid():N}");
        var (beatsBefore, savesBefore) = (_beats.Acked, _saves.Acked);
        await Backups.BackupAsync(provider, live, file);
        var (beatsAfter, savesAfter) = (_beats.Sent, _saves.Sent);
        while (_beats.Acked <= beatsAfter || _saves.Acked <= savesAfter)
            await Task.Delay(10); // the writes went on after the backup's moment
        stop.Cancel();
        await Task.WhenAll(beating, saving);

        await using var fresh = await FreshDatabaseAsync(provider);
        await Backups.RestoreAsync(provider, fresh.Connection, file);
        File.Delete(file);

        var beatSeq = await fresh.FigureAsync(
            $"""select "LastSeq" from "StudySessions" where "Id" = {fresh.Id(session)}"""
        );
        var saveSeq = await fresh.FigureAsync(
            $"""
            select "AnswerSeq" from "AttemptItems"
            where "AttemptId" = {fresh.Id(attempt)} and "Position" = {item.Position}
            """
        );
        Assert.InRange(beatSeq, beatsBefore, beatsAfter);
        Assert.InRange(saveSeq, savesBefore, savesAfter);
        // Every table holds the rows it held (the load after the backup only updated rows that existed before it).
        await using var now = new Fresh(provider, live, null);
        foreach (var table in await now.TablesAsync())
            Assert.Equal((table, await now.CountAsync(table)), (table, await fresh.CountAsync(table)));
    }

    /// <summary>Sends with sequence numbers 1, 2, … until stopped, keeping the last sent and the last answered
    /// 200.</summary>
    private static Task LoopAsync(
        Counters counters,
        Func<long, Task<HttpResponseMessage>> send,
        CancellationToken stop
    ) =>
        Task.Run(async () =>
        {
            for (var seq = 1L; !stop.IsCancellationRequested; seq++)
            {
                counters.Sent = seq;
                if ((await send(seq)).IsSuccessStatusCode)
                    counters.Acked = seq;
                await Task.Delay(5);
            }
        });

    private sealed class Counters
    {
        private long _sent,
            _acked;
        public long Sent
        {
            get => Volatile.Read(ref _sent);
            set => Volatile.Write(ref _sent, value);
        }
        public long Acked
        {
            get => Volatile.Read(ref _acked);
            set => Volatile.Write(ref _acked, value);
        }
    }

    private static async Task<Fresh> FreshDatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"hongling-restored-{Guid.NewGuid():N}.db");
            return new Fresh(provider, $"Data Source={path};Pooling=False", path);
        }
        var server = Environment.GetEnvironmentVariable("HONGLING_TEST_PG")!;
        var name = "hongling_restored_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", c).ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        return new Fresh(provider, connection.ToString(), name);
    }

    /// <summary>A database to read (and, when <c>owned</c> names it, to remove afterwards).</summary>
    private sealed class Fresh(DatabaseProvider provider, string connection, string? owned) : IAsyncDisposable
    {
        public string Connection => connection;
        private bool Sqlite => provider == DatabaseProvider.Sqlite;

        /// <summary>A Guid literal as each provider stores it (SQLite: upper-case text).</summary>
        public string Id(Guid id) => Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

        public async Task<List<string>> TablesAsync() => (
                await QueryAsync(
                    Sqlite
                        ? "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
                        : """
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE'
                        """
                )
            ).Select(r => (string)r[0]).Order().ToList();

        public Task<long> CountAsync(string table) => FigureAsync($"""select count(*) from "{table}" """);

        public async Task<long> FigureAsync(string sql) => Convert.ToInt64((await QueryAsync(sql)).Single()[0]);

        private async Task<List<object[]>> QueryAsync(string sql)
        {
            await using DbConnection c = Sqlite ? new SqliteConnection(connection) : new NpgsqlConnection(connection);
            await c.OpenAsync();
            await using var command = c.CreateCommand();
            command.CommandText = sql;
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

        public async ValueTask DisposeAsync()
        {
            if (owned is null)
                return;
            if (Sqlite)
            {
                File.Delete(owned);
                return;
            }
            await using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("HONGLING_TEST_PG"));
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {owned} WITH (FORCE)", c).ExecuteNonQueryAsync();
        }
    }
}
