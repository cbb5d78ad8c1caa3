using System.Net;
using System.Net.Http.Json;
using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Exams;

/// <summary>What a candidate does over HTTP, as the exam pages do it: start from 我的考试, read the paper, save an
/// answer. The paper's JSON shape is read into <see cref="Paper"/>.</summary>
public static class ExamSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Option(string Key, string Text);

    public sealed record Item(
        int Position,
        string Type,
        string Stem,
        decimal Points,
        List<Option> Options,
        int Blanks,
        List<string>? Answer,
        long Seq
    );

    public sealed record Paper(Guid Id, DateTime Deadline, bool Open, decimal MaxScore, List<Item> Items);

    /// <summary>Starts through the page (as a candidate does) and returns the attempt id from the redirect.</summary>
    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, Exam exam) =>
        await TestApp.PostFormAsync(
            client,
            "/Exams/Mine",
            new Dictionary<string, string> { ["examId"] = exam.Id.ToString() },
            "/Exams/Start"
        );

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

    public static Task<HttpResponseMessage> SaveAsync(
        HttpClient client,
        Guid id,
        int position,
        long seq,
        params string[] answer
    ) => client.PutAsJsonAsync($"/api/exams/attempts/{id}/answers/{position}", new { seq, answer }, Ct);
}
