using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Bookings;

/// <summary>The slots a resource's opening hours make, in China time: on each opening weekday within its date range,
/// from the opening time in steps of the slot length, each slot ending by the closing time. Stored and compared as
/// UTC instants.</summary>
public static class BookingSlots
{
    private static readonly string[] DayNames = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    /// <summary>The weekday's bit in <see cref="BookableResource.Weekdays"/>: Monday 1 up to Sunday 64.</summary>
    public static int Bit(DayOfWeek day) => 1 << (((int)day + 6) % 7);

    public static bool OpenOn(BookableResource r, DateOnly day) =>
        (r.Weekdays & Bit(day.DayOfWeek)) != 0
        && (r.AvailableFrom is not { } from || day >= from)
        && (r.AvailableUntil is not { } until || day <= until);

    /// <summary>The start of every slot of <paramref name="day"/>, in UTC.</summary>
    public static IEnumerable<DateTime> StartsOn(BookableResource r, DateOnly day)
    {
        if (!OpenOn(r, day) || r.SlotMinutes <= 0)
            yield break;
        var opens = r.OpensAt.ToTimeSpan();
        var closes = r.ClosesAt.ToTimeSpan();
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        for (var t = opens; t + TimeSpan.FromMinutes(r.SlotMinutes) <= closes; t += TimeSpan.FromMinutes(r.SlotMinutes))
            yield return local + t - ChinaTime.Offset;
    }

    /// <summary>Whether <paramref name="startsAt"/> (UTC) is the start of one of the resource's slots.</summary>
    public static bool IsSlot(BookableResource r, DateTime startsAt)
    {
        var local = startsAt.ToChina();
        return StartsOn(r, DateOnly.FromDateTime(local)).Contains(DateTime.SpecifyKind(startsAt, DateTimeKind.Utc));
    }

    /// <summary>The opening hours in words: 周一、周三 09:00–17:00,每 60 分钟一个时段.</summary>
    public static string Hours(BookableResource r)
    {
        var days = string.Join(
            "、",
            Enumerable.Range(0, 7).Where(i => (r.Weekdays & (1 << i)) != 0).Select(i => DayNames[i])
        );
        var range = (r.AvailableFrom, r.AvailableUntil) switch
        {
            ({ } f, { } u) => $"({f:yyyy-MM-dd} 至 {u:yyyy-MM-dd})",
            ({ } f, null) => $"({f:yyyy-MM-dd} 起)",
            (null, { } u) => $"(至 {u:yyyy-MM-dd})",
            _ => "",
        };
        var open = days.Length == 0 ? "暂不开放" : days;
        return $"{open} {r.OpensAt:HH\\:mm}–{r.ClosesAt:HH\\:mm},每 {r.SlotMinutes} 分钟一个时段{range}";
    }

    public static string DayName(DateOnly day) => DayNames[((int)day.DayOfWeek + 6) % 7];
}
