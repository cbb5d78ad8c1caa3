using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Study;

/// <summary>The crediting rule (README "Study time"). A page beats every <see cref="BeatSeconds"/> s
/// while it is visible and its reader active. A beat is accepted when its session is the caller's, open,
/// and its sequence number is higher than any before (a replay is refused). An accepted beat marks its
/// wall-clock minute as online time. Study is credited from time, not from beats: a beat that follows
/// the same page's previous beat by <see cref="MinGap"/> to <see cref="MaxGap"/> shows the time between
/// them as study, counted once per member on their <see cref="StudyClock"/> (<see cref="Evidence"/>:
/// time another tab or device already showed is not counted again). Each full minute so counted credits
/// the beat's wall-clock minute to the session's material, if no page credited that minute yet (the
/// minute is a key) and the material's credit is under its cap (three times its estimated time). So a
/// member's credited minutes never exceed the minutes their pages were open and beating. A material is
/// completed when its credit reaches its estimated time, or when its audio or video played to the end
/// after at least half of it was credited.</summary>
public static class StudyRules
{
    public const int BeatSeconds = 15;

    /// <summary>每月学习目标: the credited minutes a member is asked to reach each China-time month (two hours);
    /// the member's home page shows this month's minutes against it. Study:MonthlyTargetMinutes overrides it.</summary>
    public const int MonthlyTargetMinutes = 120;

    /// <summary>The beat intervals a page may be set to (Study:BeatSeconds): within the gaps that show study
    /// time.</summary>
    public const int MinBeatSeconds = 12,
        MaxBeatSeconds = 20;

    /// <summary>Sequence numbers above this are not from a page (one beat every 15 s for a year is ~2.1
    /// million).</summary>
    public const long MaxSeq = 10_000_000;

    /// <summary>A jump in sequence numbers beyond this is refused: a page counts one by one.</summary>
    public const long MaxSeqJump = 1_000;

    /// <summary>Beats closer than this to the page's previous one show no study time (a page beats every 15
    /// s).</summary>
    public static readonly TimeSpan MinGap = TimeSpan.FromSeconds(10);

    /// <summary>A longer silence means the page was hidden or idle: the time since its previous beat is not
    /// study.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(30);
    public const int MinuteMs = 60_000;

    /// <summary>The study time a page's beat at <paramref name="at"/> shows, its previous beat having come at
    /// <paramref name="previous"/>, on a member clock already counted up to <paramref name="coveredUntil"/>:
    /// the part of the interval between the two beats not counted before, if the gap looks like a page.</summary>
    public static TimeSpan Evidence(DateTime previous, DateTime at, DateTime coveredUntil)
    {
        var gap = at - previous;
        if (gap < MinGap || gap > MaxGap)
            return TimeSpan.Zero;
        var from = previous > coveredUntil ? previous : coveredUntil;
        return at > from ? at - from : TimeSpan.Zero;
    }

    /// <summary>A silence longer than this counts only this much as time not studied: a tab left overnight is not
    /// twelve hours of anything.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromHours(1);

    /// <summary>Files the silence before a beat (a gap past <see cref="MaxGap"/>, which shows no study time) on the
    /// day as hidden or idle time, for the member's 学习明细.</summary>
    public static void RecordSilence(StudyDay day, TimeSpan gap, BeatPause pause)
    {
        if (gap <= MaxGap)
            return;
        var seconds = (int)(gap < MaxSilence ? gap : MaxSilence).TotalSeconds;
        if (pause == BeatPause.Hidden)
            day.HiddenSeconds += seconds;
        else
            day.IdleSeconds += seconds;
    }

    public static long MinuteOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerMinute;

    public static DateOnly ChinaDayOf(DateTime utc) => DateOnly.FromDateTime(utc + Infrastructure.ChinaTime.Offset);

    public static bool IsMedia(MaterialKind kind) => kind is MaterialKind.Video or MaterialKind.Audio;

    /// <summary>学习积分: one point per credited minute, five per completed material, one per material opened,
    /// and one per ten minutes online. Documented in the README.</summary>
    public static int Score(int studyMinutes, int opened, int completed, int onlineMinutes) =>
        studyMinutes + 5 * completed + opened + onlineMinutes / 10;
}
