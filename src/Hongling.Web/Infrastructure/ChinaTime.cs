namespace Hongling.Web.Infrastructure;

/// <summary>The platform's calendar is China Standard Time (UTC+8, no daylight saving): days, months and
/// deadlines are read in it, while the database stores UTC.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(this DateTime utc) => utc + Offset;

    public static DateOnly TodayInChina(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    /// <summary>yyyyMM of today in China.</summary>
    public static int MonthInChina(this TimeProvider clock)
    {
        var today = clock.TodayInChina();
        return today.Year * 100 + today.Month;
    }

    /// <summary>Whether a yyyyMM number is a month the platform shows (2000–2100).</summary>
    public static bool IsMonth(int month) => month / 100 is >= 2000 and <= 2100 && month % 100 is >= 1 and <= 12;

    /// <summary>The first and the exclusive last instant of a yyyyMM month in China, in UTC.</summary>
    public static (DateTime From, DateTime To) MonthBounds(int month)
    {
        // Months are added to the China-time first day, not to its UTC instant: that is the last day of the
        // month before, and 28 Feb + 1 month would end March on the 28th.
        var first = new DateTime(month / 100, month % 100, 1, 0, 0, 0, DateTimeKind.Utc);
        return (first - Offset, first.AddMonths(1) - Offset);
    }

    /// <summary>The yyyyMM month after <paramref name="month"/>.</summary>
    public static int NextMonth(int month) => month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1;

    /// <summary>The yyyyMM month before <paramref name="month"/>.</summary>
    public static int PreviousMonth(int month) => month % 100 == 1 ? (month / 100 - 1) * 100 + 12 : month - 1;
}
