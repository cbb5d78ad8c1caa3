using System.Diagnostics;
using System.Globalization;

namespace Hongling.Web.Features.Bulletins;

/// <summary>How long each part of a bulletin's generation took (sites, submissions, platform, targets, quality,
/// store), in the order they ran: POST /api/bulletins answers them as a <c>Server-Timing</c> header, so that a
/// district that finds generation slow sees which section to look at (and bench/bulletin.sh prints them).</summary>
public sealed class BulletinTimings
{
    private readonly List<(string Name, double Milliseconds)> parts = [];

    public IReadOnlyList<(string Name, double Milliseconds)> Parts => parts;

    /// <summary>Runs <paramref name="part"/> and records its wall time under <paramref name="name"/>.</summary>
    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> part)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            return await part();
        }
        finally
        {
            parts.Add((name, sw.Elapsed.TotalMilliseconds));
        }
    }

    /// <summary>The parts as a Server-Timing header value: <c>sites;dur=123.4, submissions;dur=5.6, …</c>.</summary>
    public string ServerTiming() =>
        string.Join(
            ", ",
            parts.Select(p => $"{p.Name};dur={p.Milliseconds.ToString("0.0", CultureInfo.InvariantCulture)}")
        );
}
