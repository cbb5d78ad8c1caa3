using System.Net;
using System.Text.RegularExpressions;

namespace Hongling.Tests.Features.Website;

/// <summary>The visitor's message form on an organization's website page, read and posted as a browser does:
/// one GET gives the antiforgery token, the question and its token.</summary>
public static partial class SiteForms
{
    public sealed record Form(string Antiforgery, string ChallengeToken, int Answer);

    public static async Task<Form> OpenAsync(HttpClient visitor, int orgId)
    {
        var html = await visitor.GetStringAsync($"/site/org/{orgId}");
        var q = Question().Match(html);
        Assert.True(q.Success, "no question on the page");
        return new Form(
            WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value),
            WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value),
            int.Parse(q.Groups[1].Value) + int.Parse(q.Groups[2].Value)
        );
    }

    public static Task<HttpResponseMessage> PostAsync(
        HttpClient visitor,
        int orgId,
        Form form,
        string name,
        string body,
        bool isPublic = true,
        string phone = "",
        string? answer = null,
        string? token = null
    ) =>
        visitor.PostAsync(
            $"/site/org/{orgId}/message",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = form.Antiforgery,
                    ["Input.Name"] = name,
                    ["Input.Phone"] = phone,
                    ["Input.Body"] = body,
                    ["Input.IsPublic"] = isPublic ? "true" : "false",
                    ["Input.ChallengeToken"] = token ?? form.ChallengeToken,
                    ["Input.ChallengeAnswer"] = answer ?? form.Answer.ToString(),
                }
            )
        );

    [GeneratedRegex("id=\"challenge-question\">(\\d+) 加 (\\d+) 等于几")]
    private static partial Regex Question();

    [GeneratedRegex("name=\"Input.ChallengeToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
