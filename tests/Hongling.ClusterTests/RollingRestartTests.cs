namespace Hongling.ClusterTests;

[Collection(Instances.Name)]
public sealed class RollingRestartTests(Cluster cluster)
{
    [Fact]
    public async Task RollingRestart_UnderLoad_LosesNoAcknowledgedBeatOrAnswer()
    {
        var load = new Load(cluster);
        var visitors = new List<Visitor>();
        using var stop = new CancellationTokenSource();
        var work = new List<Task>();
        for (var n = 10; n < 14; n++)
        {
            var member = new Visitor(cluster);
            visitors.Add(member);
            await member.SignInAsync($"80000000{n}");
            // Under the 30 beats a minute per account, whatever the restart takes.
            var session = await member.OpenStudyAsync();
            work.Add(load.BeatAsync(member, session, 28, TimeSpan.FromMilliseconds(700), stop.Token));
        }
        foreach (var card in new[] { "8000000020", "8000000021" })
        {
            var candidate = new Visitor(cluster);
            visitors.Add(candidate);
            await candidate.SignInAsync(card);
            var (attempt, keys) = await candidate.StartExamAsync(cluster.ExamId);
            work.Add(load.SaveAsync(candidate, attempt, keys, 110, TimeSpan.FromMilliseconds(150), stop.Token));
        }

        // One instance at a time, as deploy/README.md says: SIGTERM, wait for the exit, start, wait until ready.
        await Task.Delay(500);
        var before = load.Beats.Count + load.Answers.Count;
        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            await instance.StopAsync();
            await instance.StartAsync();
        }
        stop.Cancel();
        await Task.WhenAll(work);
        foreach (var v in visitors)
            v.Dispose();

        Assert.True(load.Beats.Count + load.Answers.Count > before, "nothing was acknowledged during the restart");
        Assert.Equal(0, await load.LostBeatsAsync());
        Assert.Equal(0, await load.LostAnswersAsync());
    }
}
