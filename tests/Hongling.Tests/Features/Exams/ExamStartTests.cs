using System.Net;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Exams.ExamSteps;

namespace Hongling.Tests.Features.Exams;

/// <summary>Starting an exam: the deadline it sets, the attempts allowed (also when two starts race), the form's token,
/// and the way back to 我的考试 when none is left.</summary>
public sealed class ExamStartTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deadline_IsStartPlusDuration_OrTheWindowClose_WhicheverIsFirst()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("时限");
        var (_, client) = await app.CandidateAsync(branch);
        var byDuration = await app.AddExamAsync(branch, bank, minutes: 30);
        var byWindow = await app.AddExamAsync(branch, bank, minutes: 30, closesIn: TimeSpan.FromMinutes(10));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var a = await app.AttemptAsync(await StartedAsync(client, byDuration));
        Assert.Equal(now.AddMinutes(30), a.Deadline, TimeSpan.FromSeconds(1));
        var b = await app.AttemptAsync(await StartedAsync(client, byWindow));
        Assert.Equal(byWindow.ClosesAt, b.Deadline, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Start_BeyondTheAttemptsAllowed_IsRefused_AlsoWhenTwoStartsRace()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("次数");
        var (member, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank, attempts: 1);
        var both = await Task.WhenAll(StartAsync(client, exam), StartAsync(client, exam));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.MemberId == member.Id)));
        var id = await StartedAsync(client, exam); // resumes the open attempt
        await client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct);
        var again = await StartAsync(client, exam);
        Assert.Equal("/Exams/Mine", again.Headers.Location!.ToString());
        Assert.Contains("最多可参加1次", await client.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.MemberId == member.Id)));
    }

    [Fact]
    public async Task Start_WithoutTheFormsToken_OrWithAnotherCandidatesToken_Answers400_AndStartsNothing()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("令牌");
        var exam = await app.AddExamAsync(branch, bank);
        var (_, mine) = await app.CandidateAsync(branch, "本人");
        var (_, other) = await app.CandidateAsync(branch, "他人");
        await TestApp.TokenAsync(mine, "/Exams/Mine"); // the candidate has the page, and its antiforgery cookie, open
        Task<HttpResponseMessage> Post(Dictionary<string, string> form) =>
            mine.PostAsync("/Exams/Start", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new() { ["examId"] = exam.Id.ToString() })).StatusCode);
        var foreign = await TestApp.TokenAsync(other, "/Exams/Mine");
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await Post(new() { ["examId"] = exam.Id.ToString(), ["__RequestVerificationToken"] = foreign })).StatusCode
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.ExamId == exam.Id, Ct)));
        await StartedAsync(mine, exam); // with the page's own token it starts
    }

    [Fact]
    public async Task Start_AfterTheLastAttempt_GoesBackToMyExams_SayingWhy_Once()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("用完");
        var exam = await app.AddExamAsync(branch, bank, attempts: 1);
        var (_, client) = await app.CandidateAsync(branch);
        var id = await StartedAsync(client, exam);
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct)).StatusCode
        );
        var again = await StartAsync(client, exam); // a second tab still showing 开始考试
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/Exams/Mine", again.Headers.Location!.ToString());
        Assert.Contains("您已用完", await client.GetStringAsync("/Exams/Mine", Ct));
        Assert.DoesNotContain("您已用完", await client.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.ExamId == exam.Id, Ct)));
    }
}
