using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Exams.ExamSteps;

namespace Hongling.Tests.Features.Exams;

/// <summary>Who reaches an exam: another candidate's attempt and another branch's exams and questions answer 404, and
/// the
/// start follows the exam's audience as 我的考试 lists it.</summary>
public sealed class ExamScopeTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scope_AnotherCandidatesAttempt_AndAnotherBranchsExamsAndQuestions_Answer404()
    {
        var (branchA, bankA) = await app.AddBranchWithBankAsync("范围甲");
        var (_, branchB) = await app.AddTownAsync("范围乙");
        var exam = await app.AddExamAsync(branchA, bankA);
        var (_, owner) = await app.CandidateAsync(branchA, "本人");
        var (_, stranger) = await app.CandidateAsync(branchA, "他人");
        var id = await StartedAsync(owner, exam);
        var paper = await PaperAsync(owner, id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/exams/attempts/{id}", Ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await SaveAsync(stranger, id, 1, 1, paper.Items[0].Options[0].Key)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await stranger.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct)).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Exams/Take/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Exams/Review/{id}", Ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await owner.GetAsync($"/api/exams/attempts/{Guid.NewGuid()}", Ct)).StatusCode
        );

        var adminB = await app.SignInAsAdministratorOfAsync(branchB);
        var question = await app.WithDbAsync(db => db.Questions.FirstAsync(q => q.OrganizationId == branchA.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/Exams/Edit?id={exam.Id}", Ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await adminB.GetAsync($"/Exams/Questions/Edit?id={question.Id}", Ct)).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/Exams/Review/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(exam.Title, await adminB.GetStringAsync("/Exams", Ct));
        Assert.DoesNotContain("单选题0", await adminB.GetStringAsync("/Exams/Questions", Ct));
        // A candidate of B does not see A's exam and cannot start it.
        var (_, candidateB) = await app.CandidateAsync(branchB);
        Assert.DoesNotContain(exam.Title, await candidateB.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(candidateB, exam)).StatusCode);
    }

    [Fact]
    public async Task Start_FollowsTheExamsAudience_AsTheListDoes_TheSubtreeAndTheStatuses()
    {
        // The start decides in memory (Gates.MayTake) what 我的考试 lists by SQL (ExamsFor): they must agree.
        var (town, branch) = await app.AddTownAsync("受众");
        var bank = await app.AddBankAsync(town);
        var (_, inBranch) = await app.CandidateAsync(branch, "支部党员");
        var (probationer, probationary) = await app.CandidateAsync(town, "预备党员");
        await app.WithDbAsync(async db =>
        {
            await db
                .Members.Where(m => m.Id == probationer.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MemberStatus.Probationary));
            return 0;
        });
        var townOnly = await app.AddExamAsync(town, bank);
        var fullOnly = await app.AddExamAsync(town, bank);
        await app.WithDbAsync(async db =>
        {
            await db
                .Exams.Where(e => e.Id == townOnly.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.AudienceIncludesSubtree, false));
            var e = await db.Exams.SingleAsync(x => x.Id == fullOnly.Id);
            e.AudienceStatuses = [MemberStatus.Full];
            await db.SaveChangesAsync();
            return 0;
        });

        // A branch beneath the town is not the town's own audience.
        Assert.DoesNotContain(townOnly.Title, await inBranch.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(inBranch, townOnly)).StatusCode);
        Assert.Contains(fullOnly.Title, await inBranch.GetStringAsync("/Exams/Mine", Ct));
        await StartedAsync(inBranch, fullOnly);
        // A probationary member is not among the statuses; the town's own exam is theirs.
        Assert.DoesNotContain(fullOnly.Title, await probationary.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(probationary, fullOnly)).StatusCode);
        await StartedAsync(probationary, townOnly);
        // No such exam at all.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await StartAsync(inBranch, new Exam { Id = 987654, Title = "无" })).StatusCode
        );
    }
}
