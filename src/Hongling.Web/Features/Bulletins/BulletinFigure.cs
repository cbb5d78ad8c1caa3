namespace Hongling.Web.Features.Bulletins;

/// <summary>One figure of a bulletin: a stable <paramref name="Key"/> (e.g. <c>sites.rule_met</c>,
/// <c>platform.member_info_rate</c>), the unit it is about (<paramref name="UnitId"/>: a direct child of the issuer;
/// null for the issuer as a whole) and its value. Counts are whole numbers; rates are fractions 0–1 rounded to four
/// places; ranks are 1-based. <c>GET /api/bulletins/{id}/figures</c> serves these, and the next bulletin compares its
/// figures with these by (Key, UnitId) to show each rate's change and each rank's move.</summary>
public sealed record BulletinFigure(string Key, int? UnitId, decimal Value)
{
    /// <summary>A rate as stored: <paramref name="part"/> over <paramref name="whole"/>, 0 when the whole is
    /// 0.</summary>
    public static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 4);
}

/// <summary>What a bulletin covers. <paramref name="Month"/> is the bulletin's month (yyyyMM, China time);
/// <paramref name="FirstMonth"/> is the first month of the information-submission period (the seed's "7-8月"; equal
/// to <paramref name="Month"/> for one month); <paramref name="RatesSince"/> starts the period of the "截止月底" rates
/// (profiles maintained, member information updated), which the district sets (default 1 January).</summary>
public sealed record BulletinPeriod(int Month, int FirstMonth, DateOnly RatesSince)
{
    public static BulletinPeriod OfMonth(int month) => new(month, month, new DateOnly(month / 100, 1, 1));

    /// <summary>The instant (UTC) the period's month ends: China midnight on the 1st of the next month.</summary>
    public DateTime MonthEndUtc => Infrastructure.ChinaTime.MonthBounds(Month).To;
}
