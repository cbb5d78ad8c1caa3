using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Hongling.Tests.Features.Exams.ExamSteps;

namespace Hongling.Tests.Features.Exams;

/// <summary>Saving answers while the exam runs (the autosave API): refused after the deadline, and bad saves answer 4xx
/// in
/// Chinese without changing the stored answer.</summary>
public sealed class ExamAutosaveTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Autosave_OneSecondAfterTheDeadline_IsRefused_AndChangesNothing()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("超时");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank, minutes: 5);
        var id = await StartedAsync(client, exam);
        var paper = await PaperAsync(client, id);
        var first = paper.Items[0];
        Assert.Equal(
            HttpStatusCode.OK,
            (await SaveAsync(client, id, first.Position, 1, first.Options[0].Key)).StatusCode
        );

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = await SaveAsync(client, id, first.Position, 2, first.Options[1].Key);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已超过作答时间", await late.Content.ReadAsStringAsync(Ct));
        var stored = (await app.AttemptAsync(id)).Items.Single(i => i.Position == first.Position);
        Assert.Equal([first.Options[0].Key], stored.Answer);
        Assert.Equal(1, stored.AnswerSeq);
    }

    [Fact]
    public async Task BadAutosaves_Get4xxInChinese_AndChangeNothing()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("坏请求");
        var (_, client) = await app.CandidateAsync(branch);
        var exam = await app.AddExamAsync(branch, bank);
        var id = await StartedAsync(client, exam);
        var paper = await PaperAsync(client, id);
        var single = paper.Items.First(i => i.Type == "Single");
        var other = paper.Items.First(i => i.Type == "Multiple");
        Assert.Equal(
            HttpStatusCode.OK,
            (await SaveAsync(client, id, single.Position, 5, single.Options[0].Key)).StatusCode
        );

        // The message is the problem's detail; the title is the status's own (ProblemShapeTests).
        async Task Refused(HttpResponseMessage r, HttpStatusCode code, string text)
        {
            Assert.Equal(code, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(text, problem.GetProperty("detail").GetString());
        }
        await Refused(
            await SaveAsync(client, id, 999, 6, single.Options[0].Key),
            HttpStatusCode.BadRequest,
            "试卷中没有第999题"
        );
        await Refused(
            await SaveAsync(client, id, single.Position, 6, other.Options[0].Key),
            HttpStatusCode.BadRequest,
            "不属于本题"
        );
        await Refused(
            await SaveAsync(client, id, single.Position, 6, single.Options[0].Key, single.Options[1].Key),
            HttpStatusCode.BadRequest,
            "只能选一项"
        );
        await Refused(
            await SaveAsync(client, id, single.Position, 5, single.Options[1].Key),
            HttpStatusCode.Conflict,
            "已有更新的答案"
        ); // replay of seq 5
        await Refused(
            await SaveAsync(client, id, single.Position, 0, single.Options[1].Key),
            HttpStatusCode.BadRequest,
            "格式"
        );
        var malformed = await client.PutAsync(
            $"/api/exams/attempts/{id}/answers/{single.Position}",
            new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"),
            Ct
        );
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var stored = (await app.AttemptAsync(id)).Items.Single(i => i.Position == single.Position);
        Assert.Equal([single.Options[0].Key], stored.Answer);
        Assert.Equal(5, stored.AnswerSeq);
    }
}
