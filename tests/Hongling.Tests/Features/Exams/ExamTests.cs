using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Domain;
using Hongling.Web.Features.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Exams;

/// <summary>Taking an exam over HTTP: start, autosave, deadline, submit, grading once, the job, no leaks.</summary>
public sealed class ExamTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Option(string Key, string Text);
    public sealed record Item(int Position, string Type, string Stem, decimal Points, List<Option> Options, int Blanks, List<string>? Answer, long Seq);
    public sealed record Paper(Guid Id, DateTime Deadline, bool Open, decimal MaxScore, List<Item> Items);

    private async Task<(Organization Branch, ExamFixture.Bank Bank)> SetupAsync(string name)
    {
        var (_, branch) = await app.AddTownAsync(name);
        return (branch, await app.AddBankAsync(branch));
    }

    /// <summary>Starts through the page (as a candidate does) and returns the attempt id from the redirect.</summary>
    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, Exam exam) =>
        await TestApp.PostFormAsync(client, "/Exams/Mine", new Dictionary<string, string> { ["examId"] = exam.Id.ToString() }, "/Exams/Start");

    public static async Task<Guid> StartedAsync(HttpClient client, Exam exam)
    {
        var r = await StartAsync(client, exam);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var location = r.Headers.Location!.ToString();
        Assert.StartsWith("/Exams/Take/", location);
        return Guid.Parse(location["/Exams/Take/".Length..]);
    }

    public static async Task<Paper> PaperAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<Paper>($"/api/exams/attempts/{id}", Ct))!;

    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, int position, long seq, params string[] answer) =>
        client.PutAsJsonAsync($"/api/exams/attempts/{id}/answers/{position}", new { seq, answer }, Ct);

    private Task<Attempt> AttemptAsync(Guid id) => app.WithDbAsync(db => db.Attempts.AsNoTracking().Include(a => a.Items).ThenInclude(i => i.Question).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Deadline_IsStartPlusDuration_OrTheWindowClose_WhicheverIsFirst()
    {
        var (branch, bank) = await SetupAsync("时限");
        var (_, client) = await app.CandidateAsync(branch);
        var byDuration = await app.AddExamAsync(branch, bank, minutes: 30);
        var byWindow = await app.AddExamAsync(branch, bank, minutes: 30, closesIn: TimeSpan.FromMinutes(10));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var a = await AttemptAsync(await StartedAsync(client, byDuration));
        Assert.Equal(now.AddMinutes(30), a.Deadline, TimeSpan.FromSeconds(1));
        var b = await AttemptAsync(await StartedAsync(client, byWindow));
        Assert.Equal(byWindow.ClosesAt, b.Deadline, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Autosave_OneSecondAfterTheDeadline_IsRefused_AndChangesNothing()
    {
        var (branch, bank) = await SetupAsync("超时");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank, minutes: 5);
        var id = await StartedAsync(client, exam);
        var paper = await PaperAsync(client, id);
        var first = paper.Items[0];
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(client, id, first.Position, 1, first.Options[0].Key)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = await SaveAsync(client, id, first.Position, 2, first.Options[1].Key);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已超过作答时间", await late.Content.ReadAsStringAsync(Ct));
        var stored = (await AttemptAsync(id)).Items.Single(i => i.Position == first.Position);
        Assert.Equal([first.Options[0].Key], stored.Answer);
        Assert.Equal(1, stored.AnswerSeq);
    }

    [Fact]
    public async Task AutoSubmitJob_GradesAnAbandonedAttempt_ExactlyOnce_EvenWithTwoPassesAtOnce()
    {
        var (branch, bank) = await SetupAsync("弃考");
        var exam = await app.AddExamAsync(branch, bank, minutes: 10);
        var job = app.Services.GetRequiredService<AutoSubmitJob>();
        await job.RunOnceAsync(Ct);   // attempts other tests of this class left past their deadline
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
        Assert.Empty((await job.RunOnceAsync(Ct)).Intersect(ids));   // nothing of ours is due yet
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var passes = await Task.WhenAll(job.RunOnceAsync(Ct), job.RunOnceAsync(Ct));
        var graded = passes.SelectMany(p => p).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), graded.Order());                  // each attempt graded by exactly one of the two passes
        Assert.Empty(await job.RunOnceAsync(Ct));
        foreach (var id in ids)
        {
            var a = await AttemptAsync(id);
            Assert.Equal(AttemptState.Graded, a.State);
            Assert.True(a.AutoSubmitted);
            Assert.Equal(a.Deadline, a.SubmittedAt);
            Assert.NotNull(a.Score);
            Assert.Equal(a.Items.Sum(x => x.Score), a.Score);
        }
    }

    [Fact]
    public async Task Submit_TwiceAtOnce_GradesOnce_AndShowsTheScore()
    {
        var (branch, bank) = await SetupAsync("重复交卷");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank);
        var id = await StartedAsync(client, exam);
        var paper = await PaperAsync(client, id);
        var frozen = (await AttemptAsync(id)).Items;
        long seq = 1;
        foreach (var item in paper.Items)   // answer everything right, from the frozen key
        {
            var f = frozen.Single(x => x.Position == item.Position);
            string[] answer = f.Type is QuestionType.FillIn ? ["ａｂｃ", " 1921 "] : [.. f.Options.Where(o => o.Correct).Select(o => o.Key)];
            Assert.Equal(HttpStatusCode.OK, (await SaveAsync(client, id, item.Position, seq++, answer)).StatusCode);
        }
        var both = await Task.WhenAll(client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct), client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var a = await AttemptAsync(id);
        Assert.Equal(AttemptState.Graded, a.State);
        Assert.Equal(exam.TotalPoints, a.Score);
        Assert.True(a.Passed);
        Assert.False(a.AutoSubmitted);
        var review = await client.GetStringAsync($"/Exams/Review/{id}", Ct);
        Assert.Contains($"{exam.TotalPoints:0.##}", review);
        Assert.Contains("合格", review);
        Assert.Contains(ExamFixture.ExplanationMarker, review);   // answers shown after submission, as set
        // A submitted paper takes no more answers.
        var after = await SaveAsync(client, id, 1, 99, paper.Items[0].Options.Select(o => o.Key).Take(1).ToArray());
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Fact]
    public async Task InProgress_NoResponseRevealsAnAnswer_AndOptionKeysDifferBetweenAttempts()
    {
        var (branch, bank) = await SetupAsync("防泄露");
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
            await (await SaveAsync(one, a, item.Position, 1, item.Options[0].Key)).Content.ReadAsStringAsync(Ct),   // replay
            await (await SaveAsync(one, a, 999, 2, "x")).Content.ReadAsStringAsync(Ct),
            await one.GetStringAsync($"/Exams/Review/{a}", Ct).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", Ct),
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
    public async Task Draw_RespectsEveryRule_AndDiffersBetweenCandidates()
    {
        var (branch, bank) = await SetupAsync("抽题");
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++) db.Questions.Add(ExamFixture.Single(branch, i % 2 == 0 ? bank.Root : bank.Child, "补充" + i, 1 + i % 5));
            return await db.SaveChangesAsync();
        });
        var exam = await app.AddExamAsync(branch, bank, attempts: 1);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Exams.SingleAsync(x => x.Id == exam.Id);
            e.Rules = [new(QuestionType.Single, bank.Child.Id, 3, 2, 4, 5), new(QuestionType.Single, bank.Root.Id, 6, 1, 5, 5), new(QuestionType.TrueFalse, null, 1, 1, 5, 2)];
            return await db.SaveChangesAsync();
        });
        var questions = await app.WithDbAsync(db => db.Questions.AsNoTracking().ToDictionaryAsync(q => q.Id));
        var papers = new List<List<AttemptItem>>();
        for (var c = 0; c < 4; c++)
        {
            var (_, client) = await app.CandidateAsync(branch, "抽" + c);
            var items = (await AttemptAsync(await StartedAsync(client, exam))).Items.OrderBy(i => i.Position).ToList();
            Assert.Equal(10, items.Count);
            Assert.Equal(10, items.Select(i => i.QuestionId).Distinct().Count());
            Assert.All(items.Take(3), i => Assert.True(questions[i.QuestionId].CategoryId == bank.Child.Id && questions[i.QuestionId].Difficulty is >= 2 and <= 4));
            Assert.All(items.Skip(3).Take(6), i => Assert.Contains(questions[i.QuestionId].CategoryId, new[] { bank.Root.Id, bank.Child.Id }));
            Assert.Equal(QuestionType.TrueFalse, items[9].Type);
            Assert.All(items, i => Assert.Equal(i.Type == QuestionType.TrueFalse ? 2 : 5, i.Points));
            papers.Add(items);
        }
        var distinct = papers.Select(p => string.Join(",", p.Select(i => i.QuestionId))).Distinct().Count();
        Assert.True(distinct > 1, "four candidates drew the same paper");
    }

    [Fact]
    public async Task Start_BeyondTheAttemptsAllowed_IsRefused_AlsoWhenTwoStartsRace()
    {
        var (branch, bank) = await SetupAsync("次数");
        var (member, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank, attempts: 1);
        var both = await Task.WhenAll(StartAsync(client, exam), StartAsync(client, exam));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.MemberId == member.Id)));
        var id = await StartedAsync(client, exam);   // resumes the open attempt
        await client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct);
        var again = await StartAsync(client, exam);
        Assert.Equal("/Exams/Mine", again.Headers.Location!.ToString());
        Assert.Contains("最多可参加1次", await client.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.MemberId == member.Id)));
    }

    [Fact]
    public async Task BadAutosaves_Get4xxInChinese_AndChangeNothing()
    {
        var (branch, bank) = await SetupAsync("坏请求");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank);
        var id = await StartedAsync(client, exam);
        var paper = await PaperAsync(client, id);
        var single = paper.Items.First(i => i.Type == "Single");
        var other = paper.Items.First(i => i.Type == "Multiple");
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(client, id, single.Position, 5, single.Options[0].Key)).StatusCode);

        // The message is the problem's detail; the title is the status's own (ProblemShapeTests).
        async Task Refused(HttpResponseMessage r, HttpStatusCode code, string text)
        {
            Assert.Equal(code, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(text, problem.GetProperty("detail").GetString());
        }
        await Refused(await SaveAsync(client, id, 999, 6, single.Options[0].Key), HttpStatusCode.BadRequest, "试卷中没有第999题");
        await Refused(await SaveAsync(client, id, single.Position, 6, other.Options[0].Key), HttpStatusCode.BadRequest, "不属于本题");
        await Refused(await SaveAsync(client, id, single.Position, 6, single.Options[0].Key, single.Options[1].Key), HttpStatusCode.BadRequest, "只能选一项");
        await Refused(await SaveAsync(client, id, single.Position, 5, single.Options[1].Key), HttpStatusCode.Conflict, "已有更新的答案");   // replay of seq 5
        await Refused(await SaveAsync(client, id, single.Position, 0, single.Options[1].Key), HttpStatusCode.BadRequest, "格式");
        var malformed = await client.PutAsync($"/api/exams/attempts/{id}/answers/{single.Position}", new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var stored = (await AttemptAsync(id)).Items.Single(i => i.Position == single.Position);
        Assert.Equal([single.Options[0].Key], stored.Answer);
        Assert.Equal(5, stored.AnswerSeq);
    }

    [Fact]
    public async Task Scope_AnotherCandidatesAttempt_AndAnotherBranchsExamsAndQuestions_Answer404()
    {
        var (branchA, bankA) = await SetupAsync("范围甲");
        var (_, branchB) = await app.AddTownAsync("范围乙");
        var exam = await app.AddExamAsync(branchA, bankA);
        var (_, owner) = await app.CandidateAsync(branchA, "本人");
        var (_, stranger) = await app.CandidateAsync(branchA, "他人");
        var id = await StartedAsync(owner, exam);
        var paper = await PaperAsync(owner, id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/exams/attempts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(stranger, id, 1, 1, paper.Items[0].Options[0].Key)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Exams/Take/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Exams/Review/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/exams/attempts/{Guid.NewGuid()}", Ct)).StatusCode);

        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, administers: [branchB]);
        var adminB = await app.SignedInClientAsync(card);
        var question = await app.WithDbAsync(db => db.Questions.FirstAsync(q => q.OrganizationId == branchA.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/Exams/Edit?id={exam.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/Exams/Questions/Edit?id={question.Id}", Ct)).StatusCode);
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
        // The start decides in memory (Candidacy.MayTake) what 我的考试 lists by SQL (ExamsFor): they must agree.
        var (town, branch) = await app.AddTownAsync("受众");
        var bank = await app.AddBankAsync(town);
        var (_, inBranch) = await app.CandidateAsync(branch, "支部党员");
        var (probationer, probationary) = await app.CandidateAsync(town, "预备党员");
        await app.WithDbAsync(async db =>
        {
            await db.Members.Where(m => m.Id == probationer.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MemberStatus.Probationary));
            return 0;
        });
        var townOnly = await app.AddExamAsync(town, bank);
        var fullOnly = await app.AddExamAsync(town, bank);
        await app.WithDbAsync(async db =>
        {
            await db.Exams.Where(e => e.Id == townOnly.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.AudienceIncludesSubtree, false));
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
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(inBranch, new Exam { Id = 987654, Title = "无" })).StatusCode);
    }

    [Fact]
    public async Task Start_WithoutTheFormsToken_OrWithAnotherCandidatesToken_Answers400_AndStartsNothing()
    {
        var (branch, bank) = await SetupAsync("令牌");
        var exam = await app.AddExamAsync(branch, bank);
        var (_, mine) = await app.CandidateAsync(branch, "本人");
        var (_, other) = await app.CandidateAsync(branch, "他人");
        await TestApp.TokenAsync(mine, "/Exams/Mine");   // the candidate has the page, and its antiforgery cookie, open
        Task<HttpResponseMessage> Post(Dictionary<string, string> form) => mine.PostAsync("/Exams/Start", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new() { ["examId"] = exam.Id.ToString() })).StatusCode);
        var foreign = await TestApp.TokenAsync(other, "/Exams/Mine");
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new() { ["examId"] = exam.Id.ToString(), ["__RequestVerificationToken"] = foreign })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.ExamId == exam.Id, Ct)));
        await StartedAsync(mine, exam);   // with the page's own token it starts
    }

    [Fact]
    public async Task Start_AfterTheLastAttempt_GoesBackToMyExams_SayingWhy_Once()
    {
        var (branch, bank) = await SetupAsync("用完");
        var exam = await app.AddExamAsync(branch, bank, attempts: 1);
        var (_, client) = await app.CandidateAsync(branch);
        var id = await StartedAsync(client, exam);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct)).StatusCode);
        var again = await StartAsync(client, exam);   // a second tab still showing 开始考试
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/Exams/Mine", again.Headers.Location!.ToString());
        Assert.Contains("您已用完", await client.GetStringAsync("/Exams/Mine", Ct));
        Assert.DoesNotContain("您已用完", await client.GetStringAsync("/Exams/Mine", Ct));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.ExamId == exam.Id, Ct)));
    }

    [Fact]
    public async Task RetiringQuestions_ReachesTheNextDraw_ThoughTheExamsPoolIsCached()
    {
        var (branch, bank) = await SetupAsync("停用");
        var exam = await app.AddExamAsync(branch, bank);
        var (_, first) = await app.CandidateAsync(branch, "先考");
        await StartedAsync(first, exam);   // the exam's pool is now in memory
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, administers: [branch]);
        var admin = await app.SignedInClientAsync(card);
        // The rule takes 4 singles from the 党史 tree, which holds 10: retire all but 4 through the bank page.
        var singles = await app.WithDbAsync(db => db.Questions.IgnoreQueryFilters().AsNoTracking()
            .Where(q => q.OrganizationId == branch.Id && q.Type == QuestionType.Single).OrderBy(q => q.Id).ToListAsync());
        foreach (var q in singles.Skip(4))
            Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(admin, "/Exams/Questions",
                new Dictionary<string, string> { ["id"] = q.Id.ToString() }, "/Exams/Questions?handler=Retire")).StatusCode);

        var (_, second) = await app.CandidateAsync(branch, "后考");
        var paper = await PaperAsync(second, await StartedAsync(second, exam));
        Assert.Equal(singles.Take(4).Select(q => q.Stem).Order(), paper.Items.Where(i => i.Type == "Single").Select(i => i.Stem).Order());
    }

    [Fact]
    public async Task EditingAQuestion_DoesNotChangeAnAttemptAlreadyDrawn()
    {
        var (branch, bank) = await SetupAsync("版本");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank);
        var id = await StartedAsync(client, exam);
        var before = await PaperAsync(client, id);
        Task<List<int>> Versions() => app.WithDbAsync(db => db.QuestionVersions.Where(v => v.Owner.OrganizationId == branch.Id)
            .GroupBy(v => v.QuestionId).Select(g => g.Count() * 100 + g.Max(v => v.Version)).ToListAsync());
        Assert.All(await Versions(), v => Assert.Equal(101, v));   // one version each, version 1
        Task Edit(Action<Question> change) => app.WithDbAsync(async db =>
        {
            foreach (var q in await db.Questions.Where(q => q.OrganizationId == branch.Id).ToListAsync()) change(q);
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

    [Fact]
    public async Task Review_AfterClose_HidesAnswersUntilTheWindowCloses_EvenFromAnAdministratorTakingIt()
    {
        var (branch, bank) = await SetupAsync("公布");
        var member = await app.AddMemberAsync(branch, "管理员考生");
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, member, administers: [branch]);
        var client = await app.SignedInClientAsync(card);
        var exam = await app.AddExamAsync(branch, bank, closesIn: TimeSpan.FromHours(2), show: ShowAnswers.AfterClose);
        var id = await StartedAsync(client, exam);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/exams/attempts/{id}/submit", null, Ct)).StatusCode);
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
