using System.Threading.RateLimiting;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>Sends the outbox: delivers due inbox rows, then for each channel with a registered
/// <see cref="IMessageSender"/> claims due rows with a lease (<see cref="OutboxClaims"/>) and sends them at the
/// channel's rate. Transient failures retry with exponential backoff up to a limit, permanent ones fail with the
/// reason, members' opt-outs (退订) of non-mandatory categories are skipped. Settings under Notifications:
/// PollSeconds (default 5; 0 turns the loop off, tests run passes directly), LeaseSeconds (120), MaxAttempts (5),
/// BackoffSeconds (30, doubled per attempt), BatchSize (50), BaseUrl (for links), {Email,Sms}PerSecond (20,
/// 10).</summary>
public sealed class OutboxSender : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxSender> _logger;
    private readonly Dictionary<NotificationChannel, IMessageSender> _senders;
    private readonly Dictionary<NotificationChannel, RateLimiter> _rates = [];
    private readonly int _pollSeconds,
        _maxAttempts,
        _batch;
    private readonly TimeSpan _lease,
        _backoff;
    private readonly string _baseUrl;

    /// <summary>This instance, in lease tokens.</summary>
    public string Instance { get; } = Cut($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    // The lease token is this plus "/" and 32 hex digits, within the column's 64 characters.
    private static string Cut(string s) => s.Length <= 30 ? s : s[^30..];

    public OutboxSender(
        IServiceScopeFactory scopes,
        IEnumerable<IMessageSender> senders,
        TimeProvider clock,
        IConfiguration config,
        ILogger<OutboxSender> logger
    )
    {
        (_scopes, _clock, _logger) = (scopes, clock, logger);
        _senders = senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last());
        var c = config.GetSection("Notifications");
        _pollSeconds = c.GetValue("PollSeconds", 5);
        _lease = TimeSpan.FromSeconds(c.GetValue("LeaseSeconds", 120));
        _maxAttempts = c.GetValue("MaxAttempts", 5);
        _backoff = TimeSpan.FromSeconds(c.GetValue("BackoffSeconds", 30));
        _batch = c.GetValue("BatchSize", 50);
        _baseUrl = (c["BaseUrl"] ?? "http://localhost:5000").TrimEnd('/');
        foreach (var channel in _senders.Keys)
        {
            var perSecond = Math.Max(
                1,
                c.GetValue($"{channel}PerSecond", channel == NotificationChannel.Sms ? 10 : 20)
            );
            _rates[channel] = new TokenBucketRateLimiter(
                new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = int.MaxValue,
                    AutoReplenishment = true,
                }
            );
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_pollSeconds <= 0)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Outbox pass failed");
            }
            // A full pass goes again at once: the queue is draining.
            if (sent == 0)
                await Task.Delay(TimeSpan.FromSeconds(_pollSeconds), stoppingToken);
        }
    }

    /// <summary>One pass: due inbox rows, then one batch per channel. Returns the rows sent or finished.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        db.Scope.ServeEveryCaller();
        var done = await OutboxClaims.DeliverInboxAsync(db, _clock.GetUtcNow().UtcDateTime, ct);
        foreach (var (channel, sender) in _senders)
            done += await SendBatchAsync(db, channel, sender, ct);
        return done;
    }

    private async Task<int> SendBatchAsync(
        HonglingDb db,
        NotificationChannel channel,
        IMessageSender sender,
        CancellationToken ct
    )
    {
        var owner = $"{Instance}/{Guid.NewGuid():N}";
        var claimed = await OutboxClaims.ClaimAsync(
            db,
            channel,
            owner,
            _batch,
            _clock.GetUtcNow().UtcDateTime,
            _lease,
            ct
        );
        if (claimed.Count == 0)
            return 0;
        var members = claimed.Select(c => c.MemberId).Distinct().ToList();
        var optedOut = (
            await db
                .NotificationOptOuts.Where(o => o.Off && o.Channel == channel && members.Contains(o.MemberId))
                .Select(o => new { o.MemberId, o.Category })
                .ToListAsync(ct)
        )
            .Select(o => (o.MemberId, o.Category))
            .ToHashSet();
        foreach (var row in claimed)
        {
            if (!row.Mandatory && optedOut.Contains((row.MemberId, row.Category)))
            {
                await FinishAsync(db, row, owner, OutboxState.Skipped, reason: "本人已退订此类消息", ct: ct);
                continue;
            }
            using var permit = await _rates[channel].AcquireAsync(1, ct);
            DeliveryResult result;
            try
            {
                result = await sender.SendAsync(Message(row), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Sender {Channel} threw for outbox row {Id}", channel, row.Id);
                result = new DeliveryResult(DeliveryOutcome.Transient, Reason: "发送出错:" + e.GetType().Name);
            }
            await RecordAsync(db, channel, row, owner, result, ct);
        }
        return claimed.Count;
    }

    private Task RecordAsync(
        HonglingDb db,
        NotificationChannel channel,
        OutboxClaims.Claimed row,
        string owner,
        DeliveryResult result,
        CancellationToken ct
    )
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return result.Outcome switch
        {
            DeliveryOutcome.Sent => FinishAsync(db, row, owner, OutboxState.Sent, result.ProviderId, ct: ct),
            DeliveryOutcome.Permanent => FinishAsync(
                db,
                row,
                owner,
                OutboxState.Failed,
                result.ProviderId,
                result.Reason ?? "发送被拒绝",
                ct: ct
            ),
            _ when row.Attempts >= _maxAttempts => FinishAsync(
                db,
                row,
                owner,
                OutboxState.Failed,
                result.ProviderId,
                $"重试{row.Attempts}次仍未成功:{result.Reason ?? "通道暂不可用"}",
                ct: ct
            ),
            _ => FinishAsync(
                db,
                row,
                owner,
                OutboxState.Queued,
                result.ProviderId,
                result.Reason ?? "通道暂不可用",
                RetryAt(channel, row, now),
                ct
            ),
        };
    }

    /// <summary>Backoff doubles per attempt; an SMS retry never lands in quiet hours unless urgent.</summary>
    public DateTime RetryAt(NotificationChannel channel, OutboxClaims.Claimed row, DateTime now)
    {
        var at = now + _backoff * Math.Pow(2, Math.Max(0, row.Attempts - 1));
        return channel == NotificationChannel.Sms ? QuietHours.NextAllowed(at, row.Urgent) : at;
    }

    private Task<int> FinishAsync(
        HonglingDb db,
        OutboxClaims.Claimed row,
        string owner,
        OutboxState state,
        string? providerId = null,
        string? reason = null,
        DateTime? retryAt = null,
        CancellationToken ct = default
    ) =>
        OutboxClaims.FinishAsync(
            db,
            row.Id,
            owner,
            state,
            _clock.GetUtcNow().UtcDateTime,
            providerId,
            reason,
            retryAt,
            ct
        );

    private OutgoingMessage Message(OutboxClaims.Claimed row)
    {
        var link =
            row.Link is { } own ? _baseUrl + own
            : row.Text.Length > SmsText.SingleLimit ? $"{_baseUrl}/Notifications/Message/{row.NotificationId}"
            : null;
        return new OutgoingMessage(row.Address, row.Title, row.Text, link, $"hongling-outbox-{row.Id}");
    }
}
