using System.Diagnostics.Metrics;

namespace Hongling.Web.Infrastructure.Metrics;

/// <summary>The app's own instruments (meter "Hongling"), beside ASP.NET Core's: per group-commit writer (tag
/// <c>writer</c>: StudyBeatWriter, AutosaveWriter, AttemptWriter) the items waiting, the items committed (their rate
/// is beats and autosaves per second), each batch's size and each commit's time.</summary>
public static class HonglingMetrics
{
    public const string MeterName = "Hongling";
    private static readonly Meter Meter = new(MeterName);

    private static readonly UpDownCounter<long> Queue = Meter.CreateUpDownCounter<long>(
        "hongling.groupcommit.queue.length",
        "{item}",
        "Items handed to a group-commit writer, not yet in a batch"
    );
    private static readonly Counter<long> Committed = Meter.CreateCounter<long>(
        "hongling.groupcommit.items",
        "{item}",
        "Items committed by a group-commit writer (beats, autosaves, starts)"
    );
    private static readonly Histogram<long> BatchSize = Meter.CreateHistogram<long>(
        "hongling.groupcommit.batch.size",
        "{item}",
        "Items per committed batch"
    );
    private static readonly Histogram<double> CommitTime = Meter.CreateHistogram<double>(
        "hongling.groupcommit.commit.duration",
        "s",
        "Time of one batch's transaction"
    );

    public static void Queued(string writer, int change) =>
        Queue.Add(change, new KeyValuePair<string, object?>("writer", writer));

    public static void Batch(string writer, int items, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("writer", writer);
        Committed.Add(items, tag);
        BatchSize.Record(items, tag);
        CommitTime.Record(took.TotalSeconds, tag);
    }
}
