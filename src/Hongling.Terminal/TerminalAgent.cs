using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hongling.Agent;

/// <summary>How sync behaves: the batch size (the server takes at most 1,000), how often a failed request is tried in
/// all, the first wait between tries (doubling each time, up to <see cref="MaxDelay"/>) and one request's
/// timeout.</summary>
public sealed record SyncOptions(
    int BatchSize = 200,
    int Attempts = 6,
    TimeSpan? FirstDelay = null,
    TimeSpan? MaxDelay = null,
    TimeSpan? Timeout = null
)
{
    public TimeSpan First => FirstDelay ?? TimeSpan.FromSeconds(1);
    public TimeSpan Max => MaxDelay ?? TimeSpan.FromSeconds(60);
}

/// <summary>The outcome of a sync: records acknowledged by the server, records still queued, and why it stopped early
/// (null when the queue is empty).</summary>
public sealed record SyncResult(int Sent, long Queued, string? Error, bool Retryable);

/// <summary>The terminal agent's work, apart from its command line: the local queue (AgentStore) and sending it to the
/// server. A record is marked sent only after a 2xx answer to the batch that held it; a batch whose answer was lost
/// (a timeout, a crash, a cut cable) is sent again next time, which the server answers the same without keeping
/// anything
/// twice (it is idempotent by client id).</summary>
public sealed class TerminalAgent(AgentStore store, HttpMessageHandler? handler = null, TimeProvider? clock = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    public AgentStore Store => store;

    public void Configure(string server, string key)
    {
        store.SetSetting("server", server.TrimEnd('/'));
        store.SetSetting("key", key);
    }

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    private sealed record Batch(List<Wire> Sessions);

    private sealed record Wire(
        string ClientId,
        long Seq,
        string PrevHash,
        string Hash,
        DateTime StartedAt,
        DateTime EndedAt,
        string Courseware,
        int? AttendeeCount,
        List<string> AttendeeCards
    );

    private sealed record Answer(int Received, List<AnswerRecord> Records);

    private sealed record AnswerRecord(
        string ClientId,
        long Seq,
        int Month,
        bool Late,
        bool Overlapping,
        string? ChainBreak
    );

    private sealed record Problem(string? Detail, string? Code);

    /// <summary>Sends the queue in batches, oldest first, until it is empty or a request fails for good. Network
    /// errors,
    /// timeouts, 5xx, 408 and 429 are tried again with exponential backoff; 400, 401 and 409 stop at once (they need a
    /// person: a bad record, a revoked key, a record changed after it was sent) and the queue stays as it is.</summary>
    public async Task<SyncResult> SyncAsync(SyncOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SyncOptions();
        var server = store.Setting("server");
        var key = store.Setting("key");
        if (server is null || key is null)
            return new(0, store.Counts().Queued, "尚未配置服务器地址和终端密钥,请先运行 configure", false);
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(server + "/");
        http.Timeout = options.Timeout ?? TimeSpan.FromSeconds(30);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var ping = await SendAsync(
            http,
            () => new HttpRequestMessage(HttpMethod.Post, "api/terminal/ping"),
            options,
            ct
        );
        if (ping.Error is not null)
            return new(0, store.Counts().Queued, ping.Error, ping.Retryable);
        var sent = 0;
        while (true)
        {
            var batch = store.Unsent(Math.Clamp(options.BatchSize, 1, 1000));
            if (batch.Count == 0)
                return new(sent, 0, null, false);
            var body = new Batch([
                .. batch.Select(r => new Wire(
                    r.ClientId,
                    r.Seq,
                    r.PrevHash,
                    r.Hash,
                    r.StartedAt,
                    r.EndedAt,
                    r.Courseware,
                    r.AttendeeCount,
                    r.AttendeeCards
                )),
            ]);
            var answer = await SendAsync(
                http,
                () =>
                    new HttpRequestMessage(HttpMethod.Post, "api/terminal/sessions")
                    {
                        Content = JsonContent.Create(body, options: Json),
                    },
                options,
                ct
            );
            if (answer.Error is not null)
                return new(sent, store.Counts().Queued, answer.Error, answer.Retryable);
            var result = JsonSerializer.Deserialize<Answer>(answer.Body!, Json)!;
            store.MarkSent(result.Records.Select(r => (r.ClientId, r.ChainBreak)), Now);
            sent += batch.Count;
        }
    }

    private sealed record Sent(string? Body, string? Error, bool Retryable);

    private async Task<Sent> SendAsync(
        HttpClient http,
        Func<HttpRequestMessage> request,
        SyncOptions options,
        CancellationToken ct
    )
    {
        var delay = options.First;
        string error = "";
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(delay, time, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Max.Ticks));
            }
            try
            {
                using var response = await http.SendAsync(request(), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode)
                    return new(body, null, false);
                var problem = TryProblem(body);
                error =
                    $"服务器拒绝({(int)response.StatusCode} {problem?.Code}):{problem?.Detail ?? response.ReasonPhrase}";
                if (
                    response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                    && (int)response.StatusCode < 500
                )
                    return new(null, error, false);
            }
            catch (HttpRequestException e)
            {
                error = $"无法连接服务器:{e.Message}";
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                error = "服务器响应超时";
            }
        }
        return new(null, $"{error}(已重试{options.Attempts}次,记录仍在本地队列中,稍后再同步)", true);
    }

    private static Problem? TryProblem(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<Problem>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
