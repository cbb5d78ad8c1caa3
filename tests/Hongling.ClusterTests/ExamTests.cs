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

    /// <summary>README: each instance keeps an exam's draw pool, dropped when it saves an exam or a question itself
    /// and after Exams:PoolSeconds at most (the cluster sets 5 for the default 30): the bound on how long an edit
    /// made on the other instance goes unseen in its draws.</summary>
    [Fact]
    public async Task QuestionEdit_OnOneInstance_ReachesDrawsOnTheOther_WithinThePoolBound()
    {
        var question = (
            await cluster.QueryAsync(
                """select "Id", "CategoryId" from "Questions" where "Stem" = '压力测试第1题' order by "Id" limit 1"""
            )
        )[0];
        var cards = new Queue<string>(Enumerable.Range(30, 20).Select(n => $"80000000{n}"));
        async Task<string[]> StemsDrawnByB()
        {
            using var candidate = new Visitor(cluster);
            await candidate.SignInAsync(cards.Dequeue());
            var paper = await candidate.PaperAsync(await candidate.StartAsync(cluster.ExamId, via: cluster.B));
            return [.. paper.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("stem").GetString()!)];
        }
        Assert.Contains("压力测试第1题", await StemsDrawnByB()); // B's pool is warm

        using var admin = new Visitor(cluster);
        await admin.SignInAsync("1000000001");
        var stem = "压力测试第1题(已修订" + Guid.NewGuid().ToString("N")[..6] + ")";
        var edit = $"{cluster.A.Url}/Exams/Questions/Edit?id={question[0]}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Type"] = "Single",
            ["Input.CategoryId"] = question[1].ToString()!,
            ["Input.Stem"] = stem,
            ["Input.Options[0]"] = "正确选项",
            ["Input.Options[1]"] = "错误选项一",
            ["Input.Options[2]"] = "错误选项二",
            ["Input.Options[3]"] = "错误选项三",
            ["Input.Correct[0]"] = "true",
            ["Input.Difficulty"] = "3",
            ["Input.Points"] = "2",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, edit, fields)).StatusCode);
        var edited = DateTime.UtcNow;

        // New candidates start through B until a paper shows the edit; past the bound (and a margin for a slow
        // machine) B is still drawing the old version.
        var until = edited.AddSeconds(Cluster.PoolSeconds + 10);
        while (!(await StemsDrawnByB()).Contains(stem))
        {
            Assert.True(DateTime.UtcNow < until, $"B still draws the old question {DateTime.UtcNow - edited} later");
            await Task.Delay(1000);
        }
    }
}
