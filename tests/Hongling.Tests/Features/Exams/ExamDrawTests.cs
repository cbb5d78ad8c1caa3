using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Exams.ExamSteps;

namespace Hongling.Tests.Features.Exams;

/// <summary>Drawing a paper from the bank: every rule respected, papers differ, retired questions leave the next draw,
/// and
/// an edited question does not change a paper already drawn.</summary>
public sealed class ExamDrawTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Draw_RespectsEveryRule_AndDiffersBetweenCandidates()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("抽题");
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
                db.Questions.Add(
                    ExamFixture.Single(branch, i % 2 == 0 ? bank.Root : bank.Child, "补充" + i, 1 + i % 5)
                );
            return await db.SaveChangesAsync();
        });
        var exam = await app.AddExamAsync(branch, bank, attempts: 1);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Exams.SingleAsync(x => x.Id == exam.Id);
            e.Rules =
            [
                new(QuestionType.Single, bank.Child.Id, 3, 2, 4, 5),
                new(QuestionType.Single, bank.Root.Id, 6, 1, 5, 5),
                new(QuestionType.TrueFalse, null, 1, 1, 5, 2),
            ];
            return await db.SaveChangesAsync();
        });
        var questions = await app.WithDbAsync(db => db.Questions.AsNoTracking().ToDictionaryAsync(q => q.Id));
        var papers = new List<List<AttemptItem>>();
        for (var c = 0; c < 4; c++)
        {
            var (_, client) = await app.CandidateAsync(branch, "抽" + c);
            var items = (await app.AttemptAsync(await StartedAsync(client, exam)))
                .Items.OrderBy(i => i.Position)
                .ToList();
            Assert.Equal(10, items.Count);
            Assert.Equal(10, items.Select(i => i.QuestionId).Distinct().Count());
            Assert.All(items.Take(3), i =>
                Assert.True(
                    questions[i.QuestionId].CategoryId == bank.Child.Id
                        && questions[i.QuestionId].Difficulty is >= 2 and <= 4
                )
            );
            Assert.All(items.Skip(3).Take(6), i =>
                Assert.Contains(questions[i.QuestionId].CategoryId, new[] { bank.Root.Id, bank.Child.Id })
            );
            Assert.Equal(QuestionType.TrueFalse, items[9].Type);
            Assert.All(items, i => Assert.Equal(i.Type == QuestionType.TrueFalse ? 2 : 5, i.Points));
            papers.Add(items);
        }
        var distinct = papers.Select(p => string.Join(",", p.Select(i => i.QuestionId))).Distinct().Count();
        Assert.True(distinct > 1, "four candidates drew the same paper");
    }

    [Fact]
    public async Task RetiringQuestions_ReachesTheNextDraw_ThoughTheExamsPoolIsCached()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("停用");
        var exam = await app.AddExamAsync(branch, bank);
        var (_, first) = await app.CandidateAsync(branch, "先考");
        await StartedAsync(first, exam); // the exam's pool is now in memory
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        // The rule takes 4 singles from the 党史 tree, which holds 10: retire all but 4 through the bank page.
        var singles = await app.WithDbAsync(db =>
            db.Questions.IgnoreQueryFilters()
                .AsNoTracking()
                .Where(q => q.OrganizationId == branch.Id && q.Type == QuestionType.Single)
                .OrderBy(q => q.Id)
                .ToListAsync()
        );
        foreach (var q in singles.Skip(4))
            Assert.Equal(
                HttpStatusCode.Redirect,
                (
                    await TestApp.PostFormAsync(
                        admin,
                        "/Exams/Questions",
                        new Dictionary<string, string> { ["id"] = q.Id.ToString() },
                        "/Exams/Questions?handler=Retire"
                    )
                ).StatusCode
            );

        var (_, second) = await app.CandidateAsync(branch, "后考");
        var paper = await PaperAsync(second, await StartedAsync(second, exam));
        Assert.Equal(
            singles.Take(4).Select(q => q.Stem).Order(),
            paper.Items.Where(i => i.Type == "Single").Select(i => i.Stem).Order()
        );
    }

    [Fact]
    public async Task EditingAQuestion_DoesNotChangeAnAttemptAlreadyDrawn()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("版本");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank);
        var id = await StartedAsync(client, exam);
        var before = await PaperAsync(client, id);
        Task<List<int>> Versions() =>
            app.WithDbAsync(db =>
                db.QuestionVersions.Where(v => v.Owner.OrganizationId == branch.Id)
                    .GroupBy(v => v.QuestionId)
                    .Select(g => g.Count() * 100 + g.Max(v => v.Version))
                    .ToListAsync()
            );
        Assert.All(await Versions(), v => Assert.Equal(101, v)); // one version each, version 1
        Task Edit(Action<Question> change) =>
            app.WithDbAsync(async db =>
            {
                foreach (var q in await db.Questions.Where(q => q.OrganizationId == branch.Id).ToListAsync())
                    change(q);
                return await db.SaveChangesAsync();
            });

        // Saving new content makes each question's next version, stored beside the one the paper drew.
        await Edit(q => q.Stem = "改过的题干");
        Assert.All(await Versions(), v => Assert.Equal(202, v));
        var after = await PaperAsync(client, id);
        Assert.Equal(before.Items.Select(i => i.Stem), after.Items.Select(i => i.Stem));
        Assert.DoesNotContain(after.Items, i => i.Stem == "改过的题干");
        // What a paper does not show (the difficulty) makes no version.
        await Edit(q => q.Difficulty = q.Difficulty % 5 + 1);
        Assert.All(await Versions(), v => Assert.Equal(202, v));
    }
}
