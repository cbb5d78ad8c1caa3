using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;

namespace Hongling.Web.Features.Sites;

/// <summary>What makes a viewing session acceptable, for a terminal's report and a manual entry alike, and where it
/// counts: its China-time month, and whether it arrived after that month closed (late: kept and shown, but the closed
/// month's figures no longer change).</summary>
public static class SessionRules
{
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(12);

    /// <summary>A terminal's clock may run this far ahead of the server's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public const int MaxAttendees = 10_000,
        MaxCards = 1_000,
        CardLength = 20;

    /// <summary>The first broken rule of one session, or null. Times are UTC.</summary>
    public static RuleError? Check(
        DateTime startedAt,
        DateTime endedAt,
        string? courseware,
        int? attendeeCount,
        IReadOnlyCollection<string>? cards,
        DateTime now
    )
    {
        if (endedAt <= startedAt)
            return RuleErrors.SessionEndsBeforeStart;
        if (endedAt - startedAt > MaxLength)
            return RuleErrors.SessionTooLong;
        if (endedAt > now + ClockSkew)
            return RuleErrors.SessionInFuture;
        if (
            string.IsNullOrWhiteSpace(courseware)
            || courseware.Length > Domain.ViewingSession.CoursewareLength
            || courseware.Any(char.IsControl)
        )
            return RuleErrors.SessionCoursewareRequired;
        if (attendeeCount is < 0 or > MaxAttendees)
            return RuleErrors.SessionAttendeesInvalid;
        if (
            cards is not null
            && (
                cards.Count > MaxCards
                || cards.Any(c => c.Length is 0 or > CardLength || !c.All(char.IsAsciiLetterOrDigit))
            )
        )
            return RuleErrors.SessionCardsInvalid;
        return null;
    }

    /// <summary>yyyyMM of the start in China time: the month the session counts in.</summary>
    public static int MonthOf(DateTime startedAt)
    {
        var china = startedAt.ToChina();
        return china.Year * 100 + china.Month;
    }

    /// <summary>When a yyyyMM month closes: China midnight at the start of day <paramref name="closesOnDay"/> of the
    /// next month (day 5: November's records arriving from 5 December 00:00 China time on are late), in UTC.</summary>
    public static DateTime ClosesAt(int month, int closesOnDay)
    {
        var (_, next) = ChinaTime.MonthBounds(month);
        return next.AddDays(Math.Clamp(closesOnDay, 1, 28) - 1);
    }

    public static bool IsLate(int month, DateTime receivedAt, int closesOnDay) =>
        receivedAt >= ClosesAt(month, closesOnDay);
}
