using System.Collections.Concurrent;
using System.Net;

namespace Hongling.ClusterTests;

/// <summary>Beats and autosaves sent through nginx while instances die or restart, and what was acknowledged (answered
/// 200) of them; then the database's word on each acknowledged one.</summary>
public sealed class Load(Cluster cluster)
{
    public ConcurrentBag<(Guid Attempt, int Position, long Seq)> Answers { get; } = [];
    public ConcurrentBag<(Guid Session, long Seq)> Beats { get; } = [];
    public ConcurrentBag<Instance> Served { get; } = [];
    public int Unanswered;

    /// <summary>Autosaves of the attempt's positions in turn, each with the next sequence number, until stopped or
    /// max.</summary>
    public async Task SaveAsync(
        Visitor candidate,
        Guid attempt,
        Dictionary<int, string> keys,
        int max,
        TimeSpan pause,
        CancellationToken stop
    )
    {
        var positions = keys.Keys.Order().ToArray();
        for (var seq = 1L; seq <= max && !stop.IsCancellationRequested; seq++)
        {
            var position = positions[(seq - 1) % positions.Length];
            var body = new { seq, answer = new[] { keys[position] } };
            var answer = await Tolerant.SendAsync(() =>
                candidate.PutJsonAsync($"/api/exams/attempts/{attempt}/answers/{position}", body)
            );
            if (answer is { StatusCode: HttpStatusCode.OK })
            {
                Answers.Add((attempt, position, seq));
                if (cluster.ByUpstream(Visitor.Upstream(answer)) is { } i)
                    Served.Add(i);
            }
            else
                Interlocked.Increment(ref Unanswered);
            await Delay(pause, stop);
        }
    }

    /// <summary>Study beats of one session with growing sequence numbers, until stopped or max.</summary>
    public async Task BeatAsync(Visitor member, Guid session, int max, TimeSpan pause, CancellationToken stop)
    {
        for (var seq = 1L; seq <= max && !stop.IsCancellationRequested; seq++)
        {
            var answer = await Tolerant.SendAsync(() =>
                member.PostJsonAsync("/api/study/heartbeat", new { sessionId = session, seq })
            );
            if (answer is { StatusCode: HttpStatusCode.OK })
            {
                Beats.Add((session, seq));
                if (cluster.ByUpstream(Visitor.Upstream(answer)) is { } i)
                    Served.Add(i);
            }
            else
                Interlocked.Increment(ref Unanswered);
            await Delay(pause, stop);
        }
    }

    private static async Task Delay(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Acknowledged autosaves whose item holds an older sequence number (a newer acknowledged one may
    /// replace an answer, an older one never).</summary>
    public async Task<int> LostAnswersAsync()
    {
        var stored = (
            await cluster.QueryAsync("""select "AttemptId", "Position", "AnswerSeq" from "AttemptItems" """)
        ).ToDictionary(r => ((Guid)r[0], Convert.ToInt32(r[1])), r => r[2] is DBNull ? -1 : Convert.ToInt64(r[2]));
        return Answers.Count(a => stored.GetValueOrDefault((a.Attempt, a.Position), -1) < a.Seq);
    }

    /// <summary>Acknowledged beats missing from their session: fewer beats counted than acknowledged, or a last
    /// sequence number below the newest acknowledged.</summary>
    public async Task<int> LostBeatsAsync()
    {
        var stored = (
            await cluster.QueryAsync("""select "Id", "Beats", "LastSeq" from "StudySessions" """)
        ).ToDictionary(r => (Guid)r[0], r => (Beats: Convert.ToInt64(r[1]), Last: Convert.ToInt64(r[2])));
        return Beats
            .GroupBy(b => b.Session)
            .Sum(g =>
            {
                var (beats, last) = stored.GetValueOrDefault(g.Key, (0, 0));
                return (int)Math.Max(Math.Max(g.Count() - beats, 0), last < g.Max(b => b.Seq) ? 1 : 0);
            });
    }

    /// <summary>Attempts not graded exactly once: not in the graded state, or graded more or less than once.</summary>
    public async Task<int> NotGradedOnceAsync(IEnumerable<Guid> attempts)
    {
        var ids = string.Join(",", attempts.Select(a => $"'{a}'"));
        var rows = await cluster.QueryAsync(
            $"""
            select count(*) from "Attempts" where "Id" in ({ids}) and ("GradedCount" <> 1 or "SubmittedAt" is null)
            """
        );
        return Convert.ToInt32(rows[0][0]);
    }
}
