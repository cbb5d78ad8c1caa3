using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hongling.Web.Features.Sites;

/// <summary>The canonical form of a viewing-session record and its hash, shared word for word by the server and the
/// terminal agent (src/Hongling.Terminal links this file), so that both compute the same chain.
/// <para>Form version 1: the UTF-8 bytes of these lines joined by '\n' (no trailing newline):
/// <c>hongling-session-v1</c>,
/// clientId, seq (invariant digits), prevHash ("" for the first record), startedAt and endedAt (UTC,
/// <c>yyyy-MM-ddTHH:mm:ssZ</c>, to the second), courseware, attendeeCount (invariant digits, "" when absent), and the
/// attendee card numbers joined by ','. hash = lower-case hex SHA-256 of those bytes. Courseware and cards carry no
/// line breaks or commas (the API refuses them), so the form reads back one way only.</para></summary>
// The agent links this file and keeps the type internal, so that tests referencing both assemblies see one SessionHash.
#if HONGLING_TERMINAL
internal
#else
public
#endif
static class SessionHash
{
    public const string Version = "hongling-session-v1";

    /// <summary>Times count to the second: the canonical form and the stored record both drop the fraction.</summary>
    public static DateTime ToSecond(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    public static string Time(DateTime utc) =>
        ToSecond(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Canonical(
        string clientId,
        long seq,
        string prevHash,
        DateTime startedAt,
        DateTime endedAt,
        string courseware,
        int? attendeeCount,
        IEnumerable<string> attendeeCards
    ) =>
        string.Join(
            '\n',
            Version,
            clientId,
            seq.ToString(CultureInfo.InvariantCulture),
            prevHash,
            Time(startedAt),
            Time(endedAt),
            courseware,
            attendeeCount?.ToString(CultureInfo.InvariantCulture) ?? "",
            string.Join(',', attendeeCards)
        );

    public static string Of(
        string clientId,
        long seq,
        string prevHash,
        DateTime startedAt,
        DateTime endedAt,
        string courseware,
        int? attendeeCount,
        IEnumerable<string> attendeeCards
    ) =>
        Convert.ToHexStringLower(
            SHA256.HashData(
                Encoding.UTF8.GetBytes(
                    Canonical(clientId, seq, prevHash, startedAt, endedAt, courseware, attendeeCount, attendeeCards)
                )
            )
        );
}
