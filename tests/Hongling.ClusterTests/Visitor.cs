using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hongling.ClusterTests;

/// <summary>One browser's cookies, talking through nginx (relative paths) or to one instance directly (absolute
/// URLs; cookies ignore the port, so the same sign-in goes along). Redirects are not followed.</summary>
public sealed partial class Visitor(Cluster cluster) : IDisposable
{
    private readonly HttpClient _http = new(
        new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            UseCookies = true,
        }
    )
    {
        BaseAddress = new Uri(cluster.Nginx.Url),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string page) =>
        TokenPattern().Match(page) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("the page has no antiforgery token");

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>Opens the page, then posts its form with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, Dictionary<string, string> fields)
    {
        var html = await (await _http.GetAsync(page)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = Token(html);
        return await _http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs a red card in through nginx (the form from one instance, the post to the other).</summary>
    public async Task SignInAsync(string card)
    {
        var answer = await SubmitAsync(
            "/Account/Login",
            "/Account/Login",
            new() { ["Input.CardNumber"] = card, ["Input.Password"] = Cluster.Password }
        );
        if (answer.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {card} answered {(int)answer.StatusCode}");
    }

    public Task<HttpResponseMessage> PostJsonAsync<T>(string url, T body) => _http.PostAsJsonAsync(url, body);

    public Task<HttpResponseMessage> PutJsonAsync<T>(string url, T body) => _http.PutAsJsonAsync(url, body);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage answer)
    {
        var text = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)answer.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string? Upstream(HttpResponseMessage answer) =>
        answer.Headers.TryGetValues("X-Upstream", out var v) ? v.FirstOrDefault() : null;

    /// <summary>A study session on the seed's first material; returns its id.</summary>
    public async Task<Guid> OpenStudyAsync() =>
        (await JsonAsync(await PostJsonAsync("/api/study/sessions", new { materialId = 1 })))
            .GetProperty("sessionId")
            .GetGuid();

    /// <summary>Starts (or resumes) the attempt at the exam through the start form; returns its id and the
    /// first option's key of each position on the paper.</summary>
    public async Task<(Guid Id, Dictionary<int, string> Keys)> StartExamAsync(int exam)
    {
        var id = await StartAsync(exam);
        var keys = (await PaperAsync(id))
            .GetProperty("items")
            .EnumerateArray()
            .ToDictionary(
                i => i.GetProperty("position").GetInt32(),
                i => i.GetProperty("options")[0].GetProperty("key").GetString()!
            );
        return (id, keys);
    }

    /// <summary>Starts (or resumes) the attempt through the start form, through nginx or, with
    /// <paramref name="via"/>, on that instance (which draws the paper); returns the attempt's id.</summary>
    public async Task<Guid> StartAsync(int exam, Instance? via = null)
    {
        var at = via?.Url ?? "";
        var answer = await SubmitAsync($"{at}/Exams/Mine", $"{at}/Exams/Start", new() { ["examId"] = exam.ToString() });
        var location = answer.Headers.Location?.OriginalString ?? "";
        if (!location.StartsWith("/Exams/Take/"))
            throw new InvalidOperationException($"start answered {(int)answer.StatusCode} {location}");
        return Guid.Parse(location["/Exams/Take/".Length..]);
    }

    /// <summary>The attempt as the candidate sees it (GET /api/exams/attempts/{id}): stems, options.</summary>
    public async Task<JsonElement> PaperAsync(Guid attempt) =>
        await JsonAsync(await _http.GetAsync($"/api/exams/attempts/{attempt}"));
}
