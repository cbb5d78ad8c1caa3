using System.Net;
using Hongling.Web.Domain;
using static Hongling.Tests.Features.Exams.ExamSteps;

namespace Hongling.Tests.Features.Exams;

/// <summary>No answer leaves the server before it may: nothing while the attempt is in progress, and after submission
/// only
/// when the exam shows answers (after the window closes, even to an administrator taking it).</summary>
public sealed class ExamSecrecyTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InProgress_NoResponseRevealsAnAnswer_AndOptionKeysDifferBetweenAttempts()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("防泄露");
        var (_, one) = await app.CandidateAsync(branch, "甲");
        var (_, two) = await app.CandidateAsync(branch, "乙");
        var exam = await app.AddExamAsync(branch, bank, withShortAnswer: true);
        var a = await StartedAsync(one, exam);
        var b = await StartedAsync(two, exam);
        var paper = await PaperAsync(one, a);
        var item = paper.Items.First(i => i.Type == "Multiple");
        var responses = new List<string>
        {
            await one.GetStringAsync($"/api/exams/attempts/{a}", Ct),
            await one.GetStringAsync($"/Exams/Take/{a}", Ct),
            await one.GetStringAsync("/Exams/Mine", Ct),
            await (await SaveAsync(one, a, item.Position, 1, item.Options[0].Key)).Content.ReadAsStringAsync(Ct),
            // replay
            await (await SaveAsync(one, a, item.Position, 1, item.Options[0].Key)).Content.ReadAsStringAsync(Ct),
            await (await SaveAsync(one, a, 999, 2, "x")).Content.ReadAsStringAsync(Ct),
            await one.GetStringAsync($"/Exams/Review/{a}", Ct)
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", Ct),
        };
        foreach (var body in responses)
        {
            Assert.DoesNotContain(ExamFixture.ExplanationMarker, body);
            Assert.DoesNotContain(ExamFixture.BlankMarker, body);
            Assert.DoesNotContain("correct", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("1921", body);
        }
        var keysA = paper.Items.SelectMany(i => i.Options.Select(o => o.Key)).ToHashSet();
        var keysB = (await PaperAsync(two, b)).Items.SelectMany(i => i.Options.Select(o => o.Key)).ToHashSet();
        Assert.Empty(keysA.Intersect(keysB));
    }

    [Fact]
    public async Task Review_AfterClose_HidesAnswersUntilTheWindowCloses_EvenFromAnAdministratorTakingIt()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("公布");
        var member = await app.AddMemberAsync(branch, "管理员考生");
        var card = TestApp.NewCard();
        var client = await app.SignInAsNewAccountAsync(card, member, administers: [branch]);
        var exam = await app.AddExamAsync(branch, bank, closesIn: TimeSpan.FromHours(2), show: ShowAnswers.AfterClose);
        var id = await StartedAsync(client, exam);
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct)).StatusCode
        );
        var hidden = await client.GetStringAsync($"/Exams/Review/{id}", Ct);
        Assert.Contains("答案将在考试结束", hidden);
        Assert.DoesNotContain(ExamFixture.ExplanationMarker, hidden);
        Assert.Contains("id=\"score\"", hidden);
        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        // An administrator's session ends after 30 idle minutes: they come back with a new sign-in.
        var later = await app.SignedInClientAsync(card);
        Assert.Contains(ExamFixture.ExplanationMarker, await later.GetStringAsync($"/Exams/Review/{id}", Ct));
    }
}
