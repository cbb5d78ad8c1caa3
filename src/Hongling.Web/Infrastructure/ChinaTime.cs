namespace Hongling.Web.Infrastructure;

/// <summary>The platform's calendar is China Standard Time (UTC+8, no daylight saving): days, months and
/// deadlines are read in it, while the database stores UTC.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(this DateTime utc) => utc + Offset;

    public static DateOnly TodayInChina(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    /// <summary>yyyyMM of today in China.</summary>
    public static int MonthInChina(this TimeProvider clock)
    {
        var today = clock.TodayInChina();
        return today.Year * 100 + today.Month;
    }
}
