using System.Net;

namespace Hongling.ClusterTests;

[Collection(Instances.Name)]
public sealed class ExamTests(Cluster cluster)
{
    [Fact]
    public async Task Autosaves_WhenOneInstanceIsKilledMidRun_LoseNothing_AndEachAttemptIsGradedOnce()
    {
        var load = new Load(cluster);
        var candidates = new List<(Visitor Who, Guid Attempt, Dictionary<int, string> Keys)>();
        foreach (var card in new[] { "8000000003", "8000000004", "8000000005" })
        {
            var who = new Visitor(cluster);
            await who.SignInAsync(card);
            var (attempt, keys) = await who.StartExamAsync(cluster.ExamId);
            candidates.Add((who, attempt, keys));
        }

        // Autosaves through nginx (round robin: each candidate's saves alternate between the instances); once
        // some are acknowledged, instance A dies with SIGKILL while saves are in flight.
        var stop = CancellationToken.None;
        var pause = TimeSpan.FromMilliseconds(20);
        var saving = candidates.Select(c => load.SaveAsync(c.Who, c.Attempt, c.Keys, 40, pause, stop)).ToArray();
        while (load.Answers.Count < 30 && !saving.All(s => s.IsCompleted))
            await Task.Delay(10, stop);
        await cluster.A.KillAsync();
        await Task.WhenAll(saving);
        Assert.Contains(cluster.A, load.Served);
        Assert.Contains(cluster.B, load.Served);
        await cluster.A.StartAsync();

        // Each attempt submitted twice at once, once on each instance: both answer, one grades.
        var submits = candidates.SelectMany(c =>
            new[] { cluster.A, cluster.B }.Select(i =>
                c.Who.PostJsonAsync($"{i.Url}/api/exams/attempts/{c.Attempt}/submit", new { })
            )
        );
        Assert.All(await Task.WhenAll(submits), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        Assert.Equal(0, await load.LostAnswersAsync());
        Assert.Equal(0, await load.NotGradedOnceAsync(candidates.Select(c => c.Attempt)));
        Assert.True(load.Answers.Count >= 30, $"only {load.Answers.Count} autosaves acknowledged");
        foreach (var c in candidates)
            c.Who.Dispose();
    }
}
