using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Exams;

/// <summary>When answers are shown: an exam that may be taken again must not show them at submission
/// unless its administrator insists, since a candidate could read them and retake.</summary>
public sealed class ExamAnswersShownTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Admin, Dictionary<string, string> Form)> EditorAsync(string town)
    {
        var (_, branch) = await app.AddTownAsync(town);
        var bank = await app.AddBankAsync(branch, singles: 4);
        var form = new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = branch.Id.ToString(),
            ["Input.OpensAt"] = "2026-01-01T08:00",
            ["Input.ClosesAt"] = "2036-01-01T08:00",
            ["Input.DurationMinutes"] = "30",
            ["Input.PassMark"] = "6",
            ["Input.Rules[0].Type"] = "Single",
            ["Input.Rules[0].CategoryId"] = bank.Root.Id.ToString(),
            ["Input.Rules[0].Count"] = "4",
            ["Input.Rules[0].MinDifficulty"] = "1",
            ["Input.Rules[0].MaxDifficulty"] = "5",
            ["Input.Rules[0].Points"] = "2",
        };
        return (await app.SignInAsAdministratorOfAsync(branch), form);
    }

    private async Task<ShowAnswers?> SaveAsync(
        HttpClient admin,
        Dictionary<string, string> form,
        string title,
        int attempts,
        string show,
        bool insist = false
    )
    {
        var fields = new Dictionary<string, string>(form)
        {
            ["Input.Title"] = title,
            ["Input.AttemptsAllowed"] = attempts.ToString(),
            ["Input.ShowAnswers"] = show,
        };
        if (insist)
            fields["Input.AnswersBeforeRetake"] = "true";
        var response = await TestApp.PostFormAsync(admin, "/Exams/Edit", fields);
        if (response.StatusCode == HttpStatusCode.OK)
            Assert.Contains(
                "交卷后公布答案会让考生先看答案再重考",
                WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct))
            );
        return await app.WithDbAsync(db =>
            db.Exams.Where(e => e.Title == title).Select(e => (ShowAnswers?)e.ShowAnswers).SingleOrDefaultAsync()
        );
    }

    [Fact]
    public async Task Editor_DefaultsToAfterClose_ForRetakes_AndWarnsBeforeShowingAnswersAtSubmission()
    {
        var (admin, form) = await EditorAsync("公布镇");
        Assert.Contains(
            "交卷后公布答案会让考生先看答案再重考",
            WebUtility.HtmlDecode(await admin.GetStringAsync("/Exams/Edit", Ct))
        );

        Assert.Equal(ShowAnswers.AfterSubmission, await SaveAsync(admin, form, "一次机会", attempts: 1, show: ""));
        Assert.Equal(ShowAnswers.AfterClose, await SaveAsync(admin, form, "三次机会", attempts: 3, show: ""));
        // refused, nothing saved
        Assert.Null(await SaveAsync(admin, form, "三次交卷即公布", attempts: 3, show: "AfterSubmission"));
        Assert.Equal(
            ShowAnswers.AfterSubmission,
            await SaveAsync(admin, form, "三次仍要公布", attempts: 3, show: "AfterSubmission", insist: true)
        );
        Assert.Equal(ShowAnswers.Never, await SaveAsync(admin, form, "三次不公布", attempts: 3, show: "Never"));
    }
}
