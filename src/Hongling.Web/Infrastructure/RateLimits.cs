using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Hongling.Web.Infrastructure;

/// <summary>Flood protection, per signed-in account (or per client address for visitors). A rejected
/// request answers 429 with Retry-After: a problem body (code rate_limited) under /api, the error page
/// elsewhere. With Redis configured (Infrastructure/Redis.cs) the windows are counted in Redis, so a limit
/// holds across every instance behind the load balancer; without it each instance counts its own. Features put
/// <c>.RequireRateLimiting(RateLimits.X)</c> on their endpoints or <c>[EnableRateLimiting]</c> on pages.</summary>
public static class RateLimits
{
    /// <summary>Study heartbeats: a member beats every 15 s per open tab; far more is a script.</summary>
    public const string StudyBeats = "study-beats";

    /// <summary>Exam autosaves and submits, per candidate.</summary>
    public const string ExamAnswers = "exam-answers";

    /// <summary>Self-registration of candidates who are not members, per client address.</summary>
    public const string Registration = "registration";

    /// <summary>Messages left by visitors on the public website, per client address.</summary>
    public const string PublicMessages = "public-messages";

    public static IServiceCollection AddHonglingRateLimits(this IServiceCollection services, IConfiguration config)
    {
        int Setting(string key, int fallback) => config.GetValue($"RateLimits:{key}", fallback);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            var minute = TimeSpan.FromMinutes(1);
            var hour = TimeSpan.FromHours(1);
            var prefix = Redis.Prefix(config) + "rl:";
            int beats = Setting("StudyBeatsPerMinute", 30),
                answers = Setting("ExamAnswersPerMinute", 120);
            o.AddPolicy(StudyBeats, c => PerCaller(c, prefix, StudyBeats, beats, minute));
            o.AddPolicy(ExamAnswers, c => PerCaller(c, prefix, ExamAnswers, answers, minute));
            // Only the form's posts count: opening the page and reading its errors costs nothing.
            o.AddPolicy(Registration, c =>
                HttpMethods.IsGet(c.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("")
                    : PerCaller(c, prefix, Registration, Setting("RegistrationsPerHour", 10), hour)
            );
            var messages = Setting("PublicMessagesPerHour", 5);
            o.AddPolicy(PublicMessages, c => PerCaller(c, prefix, PublicMessages, messages, hour));
        });
        return services;
    }

    /// <summary>Says when to come back; under /api answers the problem, elsewhere leaves the 429 to the
    /// error page.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        if (ErrorHandling.IsApi(http))
            await Problems.WriteAsync(http, RuleErrors.RateLimited);
    }

    /// <summary>A fixed window per account id, or per remote address when nobody is signed in: in Redis when
    /// configured (the key names the policy, as Redis holds every policy's windows side by side), else in
    /// the process.</summary>
    private static RateLimitPartition<string> PerCaller(
        HttpContext c,
        string prefix,
        string policy,
        int permits,
        TimeSpan window
    )
    {
        var caller = c.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "ip:" + c.Connection.RemoteIpAddress;
        if (c.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
            return RedisRateLimitPartition.GetFixedWindowRateLimiter(
                $"{prefix}{policy}:{caller}",
                _ => new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis,
                    PermitLimit = permits,
                    Window = window,
                }
            );
        return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }
}
