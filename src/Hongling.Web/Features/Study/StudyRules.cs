using Hongling.Web.Domain;

namespace Hongling.Web.Features.Study;

/// <summary>The crediting rule (README "Study time"). A page beats every <see cref="BeatSeconds"/> s
/// while it is visible and its reader active. A beat is accepted when its session is the caller's, open,
/// and its sequence number is higher than any before (a replay is refused). An accepted beat marks its
/// wall-clock minute as online time. It also credits that minute as study of the session's material
/// when the same session's previous beat fell in the same minute (a minute is backed by two beats of
/// one page, about 15 s apart, not by one lone request), the member's minute has not been credited yet
/// (by any tab, device, retry or instance: the minute is a key), and the material's credit is under
/// its cap (three times its estimated time). A material is completed when its credit reaches its
/// estimated time, or when its audio or video played to the end after at least half of it was credited.</summary>
public static class StudyRules
{
    public const int BeatSeconds = 15;
    /// <summary>Sequence numbers above this are not from a page (one beat every 15 s for a year is ~2.1 million).</summary>
    public const long MaxSeq = 10_000_000;
    /// <summary>A jump in sequence numbers beyond this is refused: a page counts one by one.</summary>
    public const long MaxSeqJump = 1_000;

    public static long MinuteOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerMinute;

    public static DateOnly ChinaDayOf(DateTime utc) => DateOnly.FromDateTime(utc + Infrastructure.ChinaTime.Offset);

    public static bool IsMedia(MaterialKind kind) => kind is MaterialKind.Video or MaterialKind.Audio;

    /// <summary>学习积分: one point per credited minute, five per completed material, one per material opened,
    /// and one per ten minutes online. Documented in the README.</summary>
    public static int Score(int studyMinutes, int opened, int completed, int onlineMinutes) =>
        studyMinutes + 5 * completed + opened + onlineMinutes / 10;
}
