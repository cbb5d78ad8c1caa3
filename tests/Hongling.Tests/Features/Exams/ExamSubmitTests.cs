using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.Exams;
using Microsoft.Extensions.DependencyInjection;
using static Hongling.Tests.Features.Exams.ExamSteps;

namespace Hongling.Tests.Features.Exams;

/// <summary>Handing in: by the candidate (twice at once grades once) or by the auto-submit job for an abandoned attempt
/// (exactly once, even with two passes at once).</summary>
public sealed class ExamSubmitTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AutoSubmitJob_GradesAnAbandonedAttempt_ExactlyOnce_EvenWithTwoPassesAtOnce()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("弃考");
        var exam = await app.AddExamAsync(branch, bank, minutes: 10);
        var job = app.Services.GetRequiredService<AutoSubmitJob>();
        await job.RunOnceAsync(Ct); // attempts other tests of this class left past their deadline
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (_, client) = await app.CandidateAsync(branch, "弃考" + i);
            var id = await StartedAsync(client, exam);
            var paper = await PaperAsync(client, id);
            var single = paper.Items.First(x => x.Type == "Single");
            await SaveAsync(client, id, single.Position, 1, single.Options[0].Key);
            ids.Add(id);
        }
        Assert.Empty((await job.RunOnceAsync(Ct)).Intersect(ids)); // nothing of ours is due yet
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var passes = await Task.WhenAll(job.RunOnceAsync(Ct), job.RunOnceAsync(Ct));
        var graded = passes.SelectMany(p => p).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), graded.Order()); // each attempt graded by exactly one of the two passes
        Assert.Empty(await job.RunOnceAsync(Ct));
        foreach (var id in ids)
        {
            var a = await app.AttemptAsync(id);
            Assert.Equal(AttemptState.Graded, a.State);
            Assert.True(a.AutoSubmitted);
            Assert.Equal(a.Deadline, a.SubmittedAt);
            Assert.Equal(1, a.GradedCount); // a second grading gives the same score: only the count shows it
            Assert.NotNull(a.Score);
            Assert.Equal(a.Items.Sum(x => x.Score), a.Score);
        }
    }

    [Fact]
    public async Task Submit_TwiceAtOnce_GradesOnce_AndShowsTheScore()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("重复交卷");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank);
        var id = await StartedAsync(client, exam);
        var paper = await PaperAsync(client, id);
        var frozen = (await app.AttemptAsync(id)).Items;
        long seq = 1;
        foreach (var item in paper.Items) // answer everything right, from the frozen key
        {
            var f = frozen.Single(x => x.Position == item.Position);
            string[] answer =
                f.Type is QuestionType.FillIn
                    ? ["ａｂｃ", " 1921 "]
                    : [.. f.Options.Where(o => o.Correct).Select(o => o.Key)];
            Assert.Equal(HttpStatusCode.OK, (await SaveAsync(client, id, item.Position, seq++, answer)).StatusCode);
        }
        var both = await Task.WhenAll(
            client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct),
            client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct)
        );
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var a = await app.AttemptAsync(id);
        Assert.Equal(AttemptState.Graded, a.State);
        Assert.Equal(exam.TotalPoints, a.Score);
        Assert.True(a.Passed);
        Assert.False(a.AutoSubmitted);
        Assert.Equal(1, a.GradedCount); // a second grading gives the same score: only the count shows it
        var review = await client.GetStringAsync($"/Exams/Review/{id}", Ct);
        Assert.Contains($"{exam.TotalPoints:0.##}", review);
        Assert.Contains("合格", review);
        Assert.Contains(ExamFixture.ExplanationMarker, review); // answers shown after submission, as set
        // A submitted paper takes no more answers.
        var after = await SaveAsync(client, id, 1, 99, paper.Items[0].Options.Select(o => o.Key).Take(1).ToArray());
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }
}
