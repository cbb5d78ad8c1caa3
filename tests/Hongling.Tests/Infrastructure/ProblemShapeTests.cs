using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Tests.Features.Exams;
using Hongling.Tests.Features.Photos;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Hongling.Tests.Features.Study.StudyFixture;

namespace Hongling.Tests.Infrastructure;

/// <summary>One error shape for every JSON API: an RFC 9457 problem+json body with the status, the status's
/// generic Chinese title, a Chinese detail for the user, a stable snake_case <c>code</c> for programs, a type
/// and a trace id. One error of each API, and the answers the pipeline gives by itself (401, 403, 404, 429).</summary>
public sealed class ProblemShapeTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> AssertProblemAsync(
        HttpResponseMessage response,
        HttpStatusCode status,
        string code,
        string? detail = null
    )
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        // The title names the status, the same for every error of it; what went wrong is the detail.
        Assert.Equal(ErrorHandling.TitleOf((int)status), body.GetProperty("title").GetString());
        var text = body.GetProperty("detail").GetString();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        if (detail is not null)
            Assert.Equal(detail, text);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Matches("^[a-z]+(_[a-z]+)*$", code);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        return body;
    }

    private async Task<(HttpClient AdminOfA, Organization TownB, Member InB)> TwoTownsAsync(string name)
    {
        var (a, branchA) = await app.AddTownAsync(name + "甲镇");
        var (b, branchB) = await app.AddTownAsync(name + "乙镇");
        await app.AddMemberAsync(branchA, "甲党员");
        var inB = await app.AddMemberAsync(branchB, "乙党员");
        return (await app.SignInAsAdministratorOfAsync(a), b, inB);
    }

    [Fact]
    public async Task OrganizationsAndMembers_OutsideTheScope_AnswerNotFoundProblems()
    {
        var (admin, townB, inB) = await TwoTownsAsync("形状");
        await AssertProblemAsync(
            await admin.GetAsync($"/api/orgs/{townB.Id}", Ct),
            HttpStatusCode.NotFound,
            "org_not_found",
            "没有找到该组织,或它不在您管辖的范围内"
        );
        await AssertProblemAsync(
            await admin.GetAsync($"/api/orgs/{townB.Id}/members", Ct),
            HttpStatusCode.NotFound,
            "org_not_found"
        );
        await AssertProblemAsync(
            await admin.GetAsync($"/api/members/{inB.Id}", Ct),
            HttpStatusCode.NotFound,
            "member_not_found",
            "没有找到该党员,或其不在您管辖的范围内"
        );
    }

    [Fact]
    public async Task StudyHeartbeat_Replayed_AnswersConflictProblem()
    {
        var (_, _, _, card, material) = await ReaderAsync(app, "形状学习镇");
        var client = await app.SignedInClientAsync(card);
        var session = await OpenAsync(client, material.Id);
        Assert.Equal(HttpStatusCode.OK, (await BeatAsync(client, session, 1)).StatusCode);
        await AssertProblemAsync(
            await BeatAsync(client, session, 1),
            HttpStatusCode.Conflict,
            "beat_replayed",
            "这次心跳已经收到过,不再计入"
        );
        await AssertProblemAsync(
            await BeatAsync(client, Guid.NewGuid(), 1),
            HttpStatusCode.NotFound,
            "study_session_not_found",
            "没有找到这次学习"
        );
    }

    [Fact]
    public async Task ExamAutosave_Refusals_AnswerProblemsWithTheirOwnCodes()
    {
        var (_, branch) = await app.AddTownAsync("形状考试镇");
        var exam = await app.AddExamAsync(branch, await app.AddBankAsync(branch));
        var (_, client) = await app.CandidateAsync(branch);
        var id = await ExamSteps.StartedAsync(client, exam);
        var single = (await ExamSteps.PaperAsync(client, id)).Items.First(i => i.Type == "Single");
        var saved = await ExamSteps.SaveAsync(client, id, single.Position, 5, single.Options[0].Key);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await AssertProblemAsync(
            await ExamSteps.SaveAsync(client, id, single.Position, 5, single.Options[1].Key),
            HttpStatusCode.Conflict,
            "answer_stale",
            "已有更新的答案,本次保存被忽略"
        );
        await AssertProblemAsync(
            await ExamSteps.SaveAsync(client, id, 999, 6, single.Options[0].Key),
            HttpStatusCode.BadRequest,
            "question_not_on_paper",
            "试卷中没有第999题"
        );
        await AssertProblemAsync(
            await client.GetAsync($"/api/exams/attempts/{Guid.NewGuid()}", Ct),
            HttpStatusCode.NotFound,
            "paper_not_found",
            "未找到该试卷"
        );
        var malformed = await client.PutAsync(
            $"/api/exams/attempts/{id}/answers/{single.Position}",
            new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"),
            Ct
        );
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task ExamStart_WithoutTheFormsToken_StaysAPageAnswer()
    {
        // POST /Exams/Start is the 开始考试 form's target, not an API: a bad request shows the Chinese error page.
        var (_, branch) = await app.AddTownAsync("形状开考镇");
        var exam = await app.AddExamAsync(branch, await app.AddBankAsync(branch));
        var (_, client) = await app.CandidateAsync(branch);
        await TestApp.TokenAsync(client, "/Exams/Mine");
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["examId"] = exam.Id.ToString() });
        var response = await client.PostAsync("/Exams/Start", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求无效", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task RichTextImageUpload_OfANonImage_AnswersAProblemWithItsCode()
    {
        var (town, _) = await app.AddTownAsync("形状图片镇");
        var admin = await app.SignInAsAdministratorOfAsync(town);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Gif);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, RichTextImages.FormField, "photo.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, RichTextImages.UploadUrl(town.Id));
        request.Content = form;
        var token = await TestApp.TokenAsync(admin, $"/Notices/Edit?org={town.Id}");
        request.Headers.Add("RequestVerificationToken", token);
        await AssertProblemAsync(
            await admin.SendAsync(request, Ct),
            HttpStatusCode.BadRequest,
            "image_not_jpeg_or_png",
            "只能上传 JPEG 或 PNG 格式的照片(按文件内容识别,修改扩展名无效)。"
        );
    }

    [Fact]
    public async Task ThePipelinesOwnAnswers_UnderApi_AreProblemsWithCodes()
    {
        await AssertProblemAsync(
            await app.NewClient().GetAsync("/api/me", Ct),
            HttpStatusCode.Unauthorized,
            "unauthorized",
            "请先登录后再访问"
        );
        await AssertProblemAsync(
            await app.NewClient().GetAsync("/api/no/such/thing", Ct),
            HttpStatusCode.NotFound,
            "not_found",
            "没有找到请求的对象,或它不在您管辖的范围内"
        );
        var (_, branch) = await app.AddTownAsync("形状党员镇");
        var (_, member) = await app.CandidateAsync(branch);
        await AssertProblemAsync(
            await member.GetAsync("/api/members", Ct),
            HttpStatusCode.Forbidden,
            "forbidden",
            "您没有进行此操作的权限"
        );
    }

    [Fact]
    public async Task RateLimited_ApiCalls_AnswerTooManyRequestsProblems()
    {
        var (_, _, _, card, _) = await ReaderAsync(app, "形状限流镇");
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:StudyBeatsPerMinute", "1"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(client, card)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/study/presence", null, Ct)).StatusCode);
        var refused = await client.PostAsync("/api/study/presence", null, Ct);
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited", "请求过于频繁,请稍后再试");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task ExceptionsUnderApi_ARefusedRuleKeepsItsMessageAndCode_AnythingElseLeaksNothing()
    {
        await using var host = app.WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingApi>())
        );
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AssertProblemAsync(
            await client.GetAsync("/api/__test/rule", Ct),
            HttpStatusCode.Conflict,
            "transfer_pending",
            "该党员已有一笔待接收的转接"
        );
        var crash = await client.GetAsync("/api/__test/throw", Ct);
        await AssertProblemAsync(
            crash,
            HttpStatusCode.InternalServerError,
            "server_error",
            "系统出错了,请稍后再试;如多次出现,请联系管理员"
        );
        Assert.DoesNotContain("secret-api-detail", await crash.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Two requests under /api that fail inside the real pipeline: a refused rule and a bug.</summary>
    private sealed class ThrowingApi : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                next(app);
                app.Use(
                    (HttpContext ctx, RequestDelegate nxt) =>
                        ctx.Request.Path.Value switch
                        {
                            "/api/__test/rule" => throw new RuleException(RuleErrors.TransferPending),
                            "/api/__test/throw" => throw new InvalidOperationException("secret-api-detail"),
                            _ => nxt(ctx),
                        }
                );
            };
    }
}
