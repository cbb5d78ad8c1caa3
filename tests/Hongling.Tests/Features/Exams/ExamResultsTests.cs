using System.Net;
using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Features.Exams;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Exams;

/// <summary>Scores after the exam: statistics, histogram, item analysis (hand-computed), the results
/// table and export, manual grading of short answers, and the scope of all of it.</summary>
public sealed class ExamResultsTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ItemAnalysis_HandComputedExample()
    {
        // Four attempts; the item scores x = 1,1,0,0 (max 1) with totals T = 10,8,6,4, so the rest R = 9,7,6,4:
        // cov(x,R) = 16/4 − 0.5 × 6.5 = 0.75; var x = 0.25; var R = 182/4 − 6.5² = 3.25; r = 0.75 / √(0.25 × 3.25) =
        // 0.832.
        var row = ItemAnalysis.Compute(
            new ItemAnalysis.Sums(1, 4, X: 2, XX: 2, T: 28, TT: 216, XT: 18, Max: 4),
            "题",
            QuestionType.Single
        );
        Assert.Equal(50, row.Facility);
        Assert.Equal(83.2, row.Discrimination);
        Assert.False(row.IsNegative || row.IsTooEasy || row.IsTooHard);
        // Reversed: x = 0,0,1,1 with the same totals, R = 10,8,5,3: cov = 8/4 − 3.25 = −1.25; var R = 198/4 − 42.25 =
        // 7.25; r = −0.928.
        var bad = ItemAnalysis.Compute(
            new ItemAnalysis.Sums(2, 4, X: 2, XX: 2, T: 28, TT: 216, XT: 10, Max: 4),
            "题",
            QuestionType.Single
        );
        Assert.Equal(-92.8, bad.Discrimination);
        Assert.True(bad.IsNegative);
        var easy = ItemAnalysis.Compute(
            new ItemAnalysis.Sums(3, 4, X: 4, XX: 4, T: 28, TT: 216, XT: 28, Max: 4),
            "题",
            QuestionType.Single
        );
        Assert.True(easy.IsTooEasy);
        Assert.Null(easy.Discrimination); // everyone scored the same: no correlation to speak of
    }

    /// <summary>Four graded attempts with totals 10, 8, 6, 4 of 11: item 1 (the bank's first question) scores
    /// 1,1,0,0 (of 1), item 2 (its second) the rest (of 10).</summary>
    private async Task<(Exam Exam, Organization Branch, int[] Questions)> GradedExamAsync(string name)
    {
        var (_, branch) = await app.AddTownAsync(name);
        var bank = await app.AddBankAsync(branch, singles: 2);
        var exam = await app.AddExamAsync(branch, bank);
        var q = await app.WithDbAsync(db =>
            db.Questions.Where(x => x.OrganizationId == branch.Id).OrderBy(x => x.Id).Take(2).ToListAsync()
        );
        decimal[] totals = [10, 8, 6, 4];
        decimal[] first = [1, 1, 0, 0];
        for (var i = 0; i < 4; i++)
        {
            var member = await app.AddMemberAsync(branch, "统计" + i);
            var n = i;
            await app.WithDbAsync(async db =>
            {
                var a = new Attempt
                {
                    Id = Guid.NewGuid(),
                    ExamId = exam.Id,
                    MemberId = member.Id,
                    AccountId = "account-" + n,
                    OrganizationId = branch.Id,
                    Number = 1,
                    StartedAt = DateTime.UtcNow,
                    Deadline = DateTime.UtcNow,
                    SubmittedAt = DateTime.UtcNow,
                    State = AttemptState.Graded,
                    Score = totals[n],
                    MaxScore = 11,
                    Passed = totals[n] >= 7,
                    Items =
                    [
                        new AttemptItem
                        {
                            Position = 1,
                            QuestionId = q[0].Id,
                            QuestionVersion = q[0].Version,
                            Type = q[0].Type,
                            Points = 1,
                            Score = first[n],
                        },
                        new AttemptItem
                        {
                            Position = 2,
                            QuestionId = q[1].Id,
                            QuestionVersion = q[1].Version,
                            Type = q[1].Type,
                            Points = 10,
                            Score = totals[n] - first[n],
                        },
                    ],
                };
                db.Attempts.Add(a);
                return await db.SaveChangesAsync();
            });
        }
        return (exam, branch, [q[0].Id, q[1].Id]);
    }

    [Fact]
    public async Task StatisticsAndItemAnalysis_FromTheDatabase_MatchTheHandComputation()
    {
        var (exam, _, questions) = await GradedExamAsync("统计");
        var (stats, items) = await app.WithDbAsync(async db =>
            (await ExamStatistics.ForExamAsync(db, exam.Id, Ct), await ItemAnalysis.ForExamAsync(db, exam.Id, Ct))
        );
        Assert.Equal(4, stats.Attempts);
        Assert.Equal(7, stats.Mean);
        Assert.Equal(7, stats.Median);
        Assert.Equal(50, stats.PassRate);
        Assert.Equal([0, 0, 0, 1, 0, 1, 0, 1, 0, 1], stats.Histogram); // 4/11, 6/11, 8/11, 10/11
        var one = items.Single(i => i.QuestionId == questions[0]);
        Assert.Equal(50, one.Facility);
        Assert.Equal(83.2, one.Discrimination);
        Assert.Equal(65, items.Single(i => i.QuestionId == questions[1]).Facility);
    }

    [Fact]
    public async Task ResultsPage_ShowsHistogramAndTable_ExportMasksPhones_OtherBranchGets404()
    {
        var (exam, branch, _) = await GradedExamAsync("成绩页");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var html = await admin.GetStringAsync($"/Exams/Results/{exam.Id}", Ct);
        // 区分度 is explained in plain words: no formula, no product name.
        var help = Html.Parse(html).TextOf("#item-analysis-help");
        Assert.Contains("区分度", help);
        Assert.Contains("学得好的人", help);
        Assert.DoesNotContain("相关系数", help);
        Assert.DoesNotContain("Moodle", help);
        var page = Html.Parse(html);
        Assert.Equal(10, page.One("#histogram").QuerySelectorAll(".bar").Length);
        Assert.Equal(["统计0", "统计1", "统计2", "统计3"], page.TableRows("#results").Select(r => r[0])); // best score first
        Assert.All(page.TableRows("#results"), r => Assert.Equal("138****8000", r[2]));
        Assert.DoesNotContain("13800138000", html);
        var passedOnly = (await admin.GetDocumentAsync($"/Exams/Results/{exam.Id}?state=failed"))
            .TableRows("#results")
            .Select(r => r[0]);
        Assert.Equal(["统计2", "统计3"], passedOnly);

        var export = await admin.GetAsync($"/Exams/Results/{exam.Id}?handler=Export", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new XLWorkbook(await export.Content.ReadAsStreamAsync(Ct));
        var sheet = book.Worksheet(1);
        Assert.Equal("统计0", sheet.Cell(2, 1).GetString());
        Assert.Equal("138****8000", sheet.Cell(2, 3).GetString());
        Assert.Equal("10", sheet.Cell(2, 8).GetString());

        var (_, other) = await app.AddTownAsync("成绩页乙");
        var outsider = await app.SignInAsAdministratorOfAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Exams/Results/{exam.Id}", Ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await outsider.GetAsync($"/Exams/Results/{exam.Id}?handler=Export", Ct)).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Exams/Grade/{exam.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ShortAnswer_WaitsInTheGradingQueue_AndTheHandScoreCompletesTheResult()
    {
        var (_, branch) = await app.AddTownAsync("阅卷");
        var bank = await app.AddBankAsync(branch);
        var exam = await app.AddExamAsync(branch, bank, withShortAnswer: true);
        var (_, candidate) = await app.CandidateAsync(branch, "答题人");
        var id = await ExamSteps.StartedAsync(candidate, exam);
        var paper = await ExamSteps.PaperAsync(candidate, id);
        var essay = paper.Items.Single(i => i.Type == "ShortAnswer");
        await ExamSteps.SaveAsync(candidate, id, essay.Position, 1, "坚持党的全面领导");
        await candidate.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct);
        Assert.Contains("待阅卷", await candidate.GetStringAsync($"/Exams/Review/{id}", Ct));

        var admin = await app.SignInAsAdministratorOfAsync(branch);
        Assert.Contains("坚持党的全面领导", await admin.GetStringAsync($"/Exams/Grade/{exam.Id}", Ct));
        var tooMuch = await TestApp.PostFormAsync(
            admin,
            $"/Exams/Grade/{exam.Id}",
            new Dictionary<string, string>
            {
                ["attemptId"] = id.ToString(),
                ["position"] = essay.Position.ToString(),
                ["score"] = "11",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, tooMuch.StatusCode);
        var before = await app.WithDbAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AttemptState.AwaitingReview, before.State);
        await TestApp.PostFormAsync(
            admin,
            $"/Exams/Grade/{exam.Id}",
            new Dictionary<string, string>
            {
                ["attemptId"] = id.ToString(),
                ["position"] = essay.Position.ToString(),
                ["score"] = "8",
            }
        );
        var after = await app.WithDbAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AttemptState.Graded, after.State);
        Assert.Equal(before.Score + 8, after.Score);
        Assert.NotNull(after.Passed);
        Assert.Contains("没有待评分的简答题", await admin.GetStringAsync($"/Exams/Grade/{exam.Id}", Ct));
        Assert.Contains("已评分", await candidate.GetStringAsync("/Exams/Mine", Ct)); // the candidate's own history
    }

    [Fact]
    public async Task AdminForms_AnExamTheBankCannotServe_IsRefusedNamingTheRule_AQuestionEditBumpsItsVersion()
    {
        var (_, branch) = await app.AddTownAsync("组卷");
        var bank = await app.AddBankAsync(branch, singles: 4);
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        Dictionary<string, string> Form(int count) =>
            new()
            {
                ["Input.Title"] = "组卷测试",
                ["Input.OrganizationId"] = branch.Id.ToString(),
                ["Input.OpensAt"] = "2026-01-01T08:00",
                ["Input.ClosesAt"] = "2036-01-01T08:00",
                ["Input.DurationMinutes"] = "30",
                ["Input.AttemptsAllowed"] = "1",
                ["Input.PassMark"] = "6",
                ["Input.ShowAnswers"] = "AfterSubmission",
                ["Input.Rules[0].Type"] = "Single",
                ["Input.Rules[0].CategoryId"] = bank.Root.Id.ToString(),
                ["Input.Rules[0].Count"] = count.ToString(),
                ["Input.Rules[0].MinDifficulty"] = "1",
                ["Input.Rules[0].MaxDifficulty"] = "5",
                ["Input.Rules[0].Points"] = "2",
            };
        var refused = await TestApp.PostFormAsync(admin, "/Exams/Edit", Form(5));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("第1条规则(单选题5题,分类“党史”,难度1-5):题库中只有4道符合条件的题目", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Exams.CountAsync(e => e.Title == "组卷测试")));

        var saved = await TestApp.PostFormAsync(admin, "/Exams/Edit", Form(4));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var exam = await app.WithDbAsync(db => db.Exams.AsNoTracking().SingleAsync(e => e.Title == "组卷测试"));
        Assert.Equal(8, exam.TotalPoints);
        Assert.Equal(branch.Path, exam.AudiencePath);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0), exam.OpensAt); // 08:00 China time is midnight UTC

        var question = await app.WithDbAsync(db =>
            db.Questions.AsNoTracking().FirstAsync(q => q.OrganizationId == branch.Id && q.Type == QuestionType.Single)
        );
        var edit = new Dictionary<string, string>
        {
            ["Input.Type"] = "Single",
            ["Input.CategoryId"] = question.CategoryId.ToString(),
            ["Input.Stem"] = "改后的题干",
            ["Input.Difficulty"] = "2",
            ["Input.Points"] = "1",
            ["Input.Options[0]"] = "甲",
            ["Input.Options[1]"] = "乙",
            ["Input.Options[2]"] = "",
            ["Input.Options[3]"] = "",
            ["Input.Options[4]"] = "",
            ["Input.Options[5]"] = "",
            ["Input.Correct[0]"] = "false",
            ["Input.Correct[1]"] = "true",
            ["Input.Correct[2]"] = "false",
            ["Input.Correct[3]"] = "false",
            ["Input.Correct[4]"] = "false",
            ["Input.Correct[5]"] = "false",
        };
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await TestApp.PostFormAsync(admin, $"/Exams/Questions/Edit?id={question.Id}", edit)).StatusCode
        );
        var after = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(q => q.Id == question.Id));
        Assert.Equal(question.Version + 1, after.Version);
        Assert.Equal([new QuestionOption("甲", false), new QuestionOption("乙", true)], after.Options);
        edit["Input.Correct[0]"] = "true";
        var twoRight = await TestApp.PostFormAsync(admin, $"/Exams/Questions/Edit?id={question.Id}", edit);
        Assert.Contains(
            "单选题应有且只有一个正确选项",
            System.Net.WebUtility.HtmlDecode(await twoRight.Content.ReadAsStringAsync(Ct))
        );
    }
}
