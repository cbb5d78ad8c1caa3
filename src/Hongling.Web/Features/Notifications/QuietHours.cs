using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Notifications;

/// <summary>SMS quiet hours: no text message between 22:00 and 08:00 China time unless it is urgent; a message
/// due then waits until 08:00.</summary>
public static class QuietHours
{
    public const int StartHour = 22;
    public const int EndHour = 8;

    public static bool IsQuiet(DateTime utc)
    {
        var hour = utc.ToChina().Hour;
        return hour >= StartHour || hour < EndHour;
    }

    /// <summary>The first moment at or after <paramref name="utc"/> an SMS may go out.</summary>
    public static DateTime NextAllowed(DateTime utc, bool urgent)
    {
        if (urgent || !IsQuiet(utc))
            return utc;
        var china = utc.ToChina();
        var day = china.Hour >= StartHour ? china.Date.AddDays(1) : china.Date;
        return DateTime.SpecifyKind(day.AddHours(EndHour) - ChinaTime.Offset, DateTimeKind.Utc);
    }
}
