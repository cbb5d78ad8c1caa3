using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.RateLimiting;

namespace Hongling.Web.Infrastructure;

/// <summary>Flood protection, per signed-in account (or per client address for visitors). A rejected
/// request answers 429 with Retry-After: a problem body (code rate_limited) under /api, the error page
/// elsewhere. Limits are per instance: they protect the process, not a quota. Features put
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
            o.AddPolicy(StudyBeats, c => PerCaller(c, Setting("StudyBeatsPerMinute", 30), TimeSpan.FromMinutes(1)));
            o.AddPolicy(ExamAnswers, c => PerCaller(c, Setting("ExamAnswersPerMinute", 120), TimeSpan.FromMinutes(1)));
            // Only the form's posts count: opening the page and reading its errors costs nothing.
            o.AddPolicy(Registration, c => HttpMethods.IsGet(c.Request.Method) ? RateLimitPartition.GetNoLimiter("")
                : PerCaller(c, Setting("RegistrationsPerHour", 10), TimeSpan.FromHours(1)));
            o.AddPolicy(PublicMessages, c => PerCaller(c, Setting("PublicMessagesPerHour", 5), TimeSpan.FromHours(1)));
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
        if (ErrorHandling.IsApi(http)) await Problems.WriteAsync(http, RuleErrors.RateLimited);
    }

    /// <summary>A fixed window per account id, or per remote address when nobody is signed in.</summary>
    private static RateLimitPartition<string> PerCaller(HttpContext c, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            c.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "ip:" + c.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
