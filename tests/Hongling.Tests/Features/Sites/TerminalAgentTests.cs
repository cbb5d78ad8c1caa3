using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hongling.Agent;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Sites;

/// <summary>The real terminal agent (its code in process, and its program as a process) against the real server on a
/// real loopback port: offline queueing, sync after the server comes up, an interrupted sync resumed without loss or
/// duplicates, and a record edited on the terminal after upload showing as a chain break on the server.</summary>
public sealed class TerminalAgentTests : IAsyncLifetime
{
    private readonly TestApp app = new();
    private readonly string data = Directory.CreateTempSubdirectory("hongling-agent-").FullName;
    private readonly int port = FreePort();
    private string Url => $"http://127.0.0.1:{port}";

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask InitializeAsync()
    {
        await app.InitializeAsync();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException) { }
    }

    private static readonly SyncOptions Quick = new(
        BatchSize: 20,
        Attempts: 3,
        FirstDelay: TimeSpan.FromMilliseconds(20)
    );

    private async Task<(Site Site, string Key)> StartServerWithTerminalAsync()
    {
        app.StartServer();
        var (_, branch) = await app.AddTownAsync("代理镇");
        var site = await app.AddSiteAsync(branch);
        var (_, key) = await app.AddTerminalAsync(site);
        return (site, key);
    }

    private Task<List<ViewingSession>> ServerSessionsAsync(int siteId) =>
        app.WithDbAsync(db =>
            db.ViewingSessions.AsNoTracking().Where(s => s.SiteId == siteId).OrderBy(s => s.ChainSeq).ToListAsync()
        );

    /// <summary>Fails the sync the way a crash right after the server answered would: the first batch reaches the
    /// server
    /// and is kept, its answer never reaches the agent's queue.</summary>
    private sealed class CrashAfterFirstBatch : DelegatingHandler
    {
        public CrashAfterFirstBatch()
            : base(new SocketsHttpHandler()) { }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (request.RequestUri!.AbsolutePath.EndsWith("/sessions") && response.IsSuccessStatusCode)
                throw new OperationCanceledException("the agent stopped before it read the answer");
            return response;
        }
    }

    [Fact]
    public async Task Offline50_ThenSyncInterruptedAndResumed_NothingLostNothingDoubled_ThenAnEditShowsAsChainBreak()
    {
        var key = "placeholder";
        var now = DateTime.UtcNow;
        using (var store = new AgentStore(data))
        {
            var agent = new TerminalAgent(store);
            agent.Configure(Url, key);
            for (var i = 0; i < 50; i++)
            {
                var start = now.AddDays(-50 + i).AddHours(-3);
                store.Append(
                    start,
                    start.AddMinutes(60 + i),
                    $"课件{i + 1}",
                    10 + i % 5,
                    i % 10 == 0 ? ["1000000001", "1000000002"] : []
                );
            }
            // The server is not up: sync retries with backoff, then leaves every record queued.
            var offline = await agent.SyncAsync(Quick);
            Assert.True(offline.Retryable);
            Assert.Equal((0, 50L), (offline.Sent, offline.Queued));
            Assert.Contains("无法连接服务器", offline.Error);
        }

        var (site, realKey) = await StartServerWithTerminalAsync();
        using (var store = new AgentStore(data))
        {
            var agent = new TerminalAgent(store, new CrashAfterFirstBatch());
            agent.Configure(Url, realKey);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => agent.SyncAsync(Quick));
            Assert.Equal(50, store.Counts().Queued);
        }
        Assert.Equal(20, (await ServerSessionsAsync(site.Id)).Count);

        // The agent starts again (a new process would open the same file): the first batch is sent again, kept once.
        using (var store = new AgentStore(data))
        {
            var result = await new TerminalAgent(store).SyncAsync(Quick);
            Assert.Null(result.Error);
            Assert.Equal((50, 0L), (result.Sent, result.Queued));
            var local = store.All();
            var server = await ServerSessionsAsync(site.Id);
            Assert.Equal(local.Select(r => r.ClientId), server.Select(s => s.ClientId));
            Assert.Equal(local.Select(r => r.Hash), server.Select(s => s.Hash));
            Assert.Equal(Enumerable.Range(1, 50).Select(i => (long?)i), server.Select(s => s.ChainSeq));
            Assert.All(server, s => Assert.Null(s.ChainBreak));
            Assert.Equal(local.Select(r => r.EndedAt - r.StartedAt), server.Select(s => s.EndedAt - s.StartedAt));
            Assert.Equal(["1000000001", "1000000002"], server[0].AttendeeCards);
            var terminal = await app.WithDbAsync(db =>
                db.Terminals.AsNoTracking().SingleAsync(t => t.SiteId == site.Id)
            );
            Assert.Equal((50L, local[^1].Hash), (terminal.ChainSeq, terminal.ChainHead));
            Assert.NotNull(terminal.LastPingAt);
        }

        // Someone lengthens record 50 in the terminal's file after it was sent, and rehashes it to hide the edit.
        await using (var file = new SqliteConnection($"Data Source={Path.Combine(data, "queue.db")};Pooling=false"))
        {
            await file.OpenAsync();
            var r = new AgentStore(data).All()[^1];
            var end = r.EndedAt.AddHours(3);
            var hash = SessionHash.Of(
                r.ClientId,
                r.Seq,
                r.PrevHash,
                r.StartedAt,
                end,
                r.Courseware,
                r.AttendeeCount,
                r.AttendeeCards
            );
            var edit = file.CreateCommand();
            edit.CommandText = "UPDATE records SET ended_at = $e, hash = $h WHERE seq = 50";
            edit.Parameters.AddWithValue("$e", SessionHash.Time(end));
            edit.Parameters.AddWithValue("$h", hash);
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }
        SqliteConnection.ClearAllPools();
        using (var store = new AgentStore(data))
        {
            store.Append(now.AddHours(-2), now.AddHours(-1), "新的课件", 8, []);
            var result = await new TerminalAgent(store).SyncAsync(Quick);
            Assert.Null(result.Error);
            var server = await ServerSessionsAsync(site.Id);
            Assert.Equal(51, server.Count);
            Assert.Contains("前序哈希与已收到的序号50的记录不符", server[^1].ChainBreak);
            Assert.Null(server[^2].ChainBreak);
            // The server's answer is kept locally too: status shows the break.
            Assert.Equal(1, store.Counts().Breaks);
        }
    }

    [Fact]
    public async Task ChangedRecordSentAgain_409_StopsTheSyncAndKeepsTheQueue()
    {
        var (site, key) = await StartServerWithTerminalAsync();
        using var store = new AgentStore(data);
        var agent = new TerminalAgent(store);
        agent.Configure(Url, key);
        var now = DateTime.UtcNow;
        store.Append(now.AddDays(-1), now.AddDays(-1).AddHours(1), "课件", null, []);
        Assert.Null((await agent.SyncAsync(Quick)).Error);
        // The same record, changed and marked unsent in the file, is refused: the server keeps what it first received.
        using (var file = new SqliteConnection($"Data Source={store.Path};Pooling=false"))
        {
            file.Open();
            var edit = file.CreateCommand();
            edit.CommandText = "UPDATE records SET courseware = '别的课件', sent_at = NULL WHERE seq = 1";
            edit.ExecuteNonQuery();
        }
        var result = await agent.SyncAsync(Quick);
        Assert.False(result.Retryable);
        Assert.Contains("terminal_client_id_conflict", result.Error);
        Assert.Equal(1, result.Queued);
        Assert.Equal("课件", Assert.Single(await ServerSessionsAsync(site.Id)).Courseware);
    }

    [Fact]
    public async Task Program_RecordsSyncsAndReportsStatus_AsAProcess()
    {
        var (site, key) = await StartServerWithTerminalAsync();
        var now = DateTime.UtcNow;
        Assert.Equal(0, (await RunAsync("configure", "--server", Url, "--key", key)).Code);
        for (var i = 1; i <= 3; i++)
        {
            var start = now.AddDays(-i);
            var recorded = await RunAsync(
                "record",
                "--start",
                start.ToString("O"),
                "--end",
                start.AddMinutes(45).ToString("O"),
                "--courseware",
                $"党课{i}",
                "--attendees",
                "9"
            );
            Assert.Equal(0, recorded.Code);
        }
        Assert.Equal(0, (await RunAsync("start", "--courseware", "正在播放")).Code);
        Assert.Contains("queued: 3", (await RunAsync("status")).Output);
        var bad = await RunAsync(
            "record",
            "--start",
            now.ToString("O"),
            "--end",
            now.AddHours(-1).ToString("O"),
            "--courseware",
            "x"
        );
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("结束时间必须晚于开始时间", bad.Output);

        var sync = await RunAsync("sync");
        Assert.Equal(0, sync.Code);
        Assert.Contains("已上报 3 条", sync.Output);
        var status = (await RunAsync("status")).Output;
        Assert.Contains("queued: 0", status);
        Assert.Contains("sent: 3", status);
        Assert.Contains("running: 正在播放", status);
        Assert.Equal(3, (await ServerSessionsAsync(site.Id)).Count);
    }

    private Task<(int Code, string Output)> RunAsync(params string[] args) => AgentProcess.RunAsync(data, args);
}
