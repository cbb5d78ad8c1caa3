using System.Net;
using AngleSharp.Dom;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Submissions;

public sealed class SubmissionTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<Organization> RootAsync() =>
        app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "ROOT"));

    private static Task<HttpResponseMessage> SubmitAsync(
        HttpClient client,
        int org,
        string title,
        string body = "正文<script>x()</script>",
        string? tokenPage = null
    ) =>
        TestApp.PostFormAsync(
            client,
            tokenPage ?? $"/Submissions/Create?org={org}",
            new Dictionary<string, string>
            {
                ["Input.Title"] = title,
                ["Input.Body"] = body,
                ["Input.Author"] = "通讯员",
                ["Input.Column"] = "",
            },
            $"/Submissions/Create?org={org}"
        );

    private static Task<HttpResponseMessage> DecideAsync(
        HttpClient client,
        int id,
        string handler,
        string reason = "",
        string column = ""
    ) =>
        TestApp.PostFormAsync(
            client,
            $"/Submissions/Review/{id}",
            new Dictionary<string, string> { ["Reason"] = reason, ["Column"] = column },
            $"/Submissions/Review/{id}?handler={handler}"
        );

    private Task<Submission> ItemAsync(string title) =>
        app.WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Title == title));

    [Fact]
    public async Task UnitSubmits_EditorAdopts_ItAppearsOnTheWebsite_DeclineNeedsAReason()
    {
        var (town, _) = await app.AddTownAsync("报送镇");
        var unit = await app.SignInAsAdministratorOfAsync(town);
        var editor = await app.SignInAsAdministratorOfAsync(await RootAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(unit, town.Id, "我镇召开党建工作会")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(unit, town.Id, "质量不高的稿件")).StatusCode);
        var good = await ItemAsync("我镇召开党建工作会");
        Assert.DoesNotContain("script", good.Body);
        Assert.Equal(SubmissionState.Submitted, good.State);

        // The unit cannot decide its own item.
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(unit, good.Id, "Adopt")).StatusCode);
        Assert.Equal(SubmissionState.Submitted, (await ItemAsync("我镇召开党建工作会")).State);

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await DecideAsync(editor, good.Id, "Adopt", column: "基层党建")).StatusCode
        );
        var visitor = app.NewClient();
        Assert.Contains("我镇召开党建工作会", await visitor.GetStringAsync("/site"));
        Assert.Contains("我镇召开党建工作会", await visitor.GetStringAsync("/site/columns?name=基层党建"));
        Assert.Contains("作者:通讯员", await visitor.GetStringAsync($"/site/news/{good.Id}"));

        var weak = await ItemAsync("质量不高的稿件");
        var noReason = await DecideAsync(editor, weak.Id, "Decline", reason: "  ");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("不予选用时请填写原因", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(SubmissionState.Submitted, (await ItemAsync("质量不高的稿件")).State);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await DecideAsync(editor, weak.Id, "Decline", reason: "内容重复")).StatusCode
        );
        Assert.Contains("内容重复", await unit.GetStringAsync($"/Submissions?org={town.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/site/news/{weak.Id}")).StatusCode);
        Assert.Contains(
            "该信息已审核",
            await (await DecideAsync(editor, weak.Id, "Adopt")).Content.ReadAsStringAsync()
        );
    }

    [Fact]
    public async Task BranchCannotSubmit_AndAnotherSubtreesItems_Answer404()
    {
        var (town, branch) = await app.AddTownAsync("支部报送");
        var (otherTown, _) = await app.AddTownAsync("他镇报送");
        var townAdmin = await app.SignInAsAdministratorOfAsync(town);
        var branchAdmin = await app.SignInAsAdministratorOfAsync(branch);
        var refused = await SubmitAsync(branchAdmin, branch.Id, "支部直接报送");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("只有区直属单位", await refused.Content.ReadAsStringAsync());

        var foreign = await app.WithDbAsync(async db =>
        {
            var s = new Submission
            {
                OrganizationId = otherTown.Id,
                Title = "他镇稿件",
                Body = "<p>x</p>",
                Author = "甲",
                State = SubmissionState.Submitted,
                SubmittedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            db.Submissions.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await townAdmin.GetAsync($"/Submissions/Review/{foreign.Id}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await SubmitAsync(
                    townAdmin,
                    otherTown.Id,
                    "替他镇报送",
                    tokenPage: $"/Submissions/Create?org={town.Id}"
                )
            ).StatusCode
        );
        Assert.False(
            await app.WithDbAsync(db =>
                db.Submissions.AnyAsync(s => s.Title == "替他镇报送" || s.Title == "支部直接报送")
            )
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await townAdmin.GetAsync($"/Submissions/Create?org={otherTown.Id}")).StatusCode
        );
    }

    [Fact]
    public async Task QuotaTable_CountsAdoptionsInTheChinaMonth_AndTheDistrictChangesTheQuota()
    {
        var (met, _) = await app.AddTownAsync("达标镇");
        var (missed, _) = await app.AddTownAsync("未达标镇");
        var (idle, _) = await app.AddTownAsync("空白镇");
        await app.WithDbAsync(db =>
        {
            Submission Item(Organization o, DateTime submitted, DateTime? adopted) =>
                new()
                {
                    OrganizationId = o.Id,
                    Title = "稿",
                    Body = "<p>x</p>",
                    Author = "甲",
                    SubmittedAt = submitted,
                    State = adopted is null ? SubmissionState.Submitted : SubmissionState.Adopted,
                    DecidedAt = adopted,
                };
            db.Submissions.AddRange(
                // Met: three adopted in October China time, one of them on 1 October 00:30 CST (30 September UTC).
                Item(
                    met,
                    new DateTime(2026, 9, 29, 2, 0, 0, DateTimeKind.Utc),
                    new DateTime(2026, 9, 30, 16, 30, 0, DateTimeKind.Utc)
                ),
                Item(
                    met,
                    new DateTime(2026, 10, 10, 2, 0, 0, DateTimeKind.Utc),
                    new DateTime(2026, 10, 11, 2, 0, 0, DateTimeKind.Utc)
                ),
                Item(
                    met,
                    new DateTime(2026, 10, 20, 2, 0, 0, DateTimeKind.Utc),
                    new DateTime(2026, 10, 21, 2, 0, 0, DateTimeKind.Utc)
                ),
                // Missed: four submitted, two adopted in October; a third adopted at 1 November 00:30 CST counts for
                // November.
                Item(
                    missed,
                    new DateTime(2026, 10, 2, 2, 0, 0, DateTimeKind.Utc),
                    new DateTime(2026, 10, 3, 2, 0, 0, DateTimeKind.Utc)
                ),
                Item(
                    missed,
                    new DateTime(2026, 10, 4, 2, 0, 0, DateTimeKind.Utc),
                    new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc)
                ),
                Item(
                    missed,
                    new DateTime(2026, 10, 6, 2, 0, 0, DateTimeKind.Utc),
                    new DateTime(2026, 10, 31, 16, 30, 0, DateTimeKind.Utc)
                ),
                Item(missed, new DateTime(2026, 10, 31, 15, 59, 0, DateTimeKind.Utc), null),
                Item(missed, new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), null)
            ); // 1 November 00:00 CST
            return db.SaveChangesAsync();
        });
        var editor = await app.SignInAsAdministratorOfAsync(await RootAsync());
        var table = await editor.GetDocumentAsync("/Submissions/Quota?month=202610");
        Assert.Equal("2 3 完成", Row(table, met));
        Assert.Equal("4 2 未完成", Row(table, missed));
        Assert.Equal("0 0 未完成", Row(table, idle));
        Assert.Equal("1 1 未完成", Row(await editor.GetDocumentAsync("/Submissions/Quota?month=202611"), missed));

        // Only the district changes the quota; a town administrator gets 404.
        var townAdmin = await app.SignInAsAdministratorOfAsync(met);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    townAdmin,
                    "/Submissions/Quota",
                    new Dictionary<string, string> { ["NewQuota"] = "1" }
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await TestApp.PostFormAsync(
                    editor,
                    "/Submissions/Quota",
                    new Dictionary<string, string> { ["NewQuota"] = "0" }
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await TestApp.PostFormAsync(
                    editor,
                    "/Submissions/Quota?month=202610",
                    new Dictionary<string, string> { ["NewQuota"] = "2" }
                )
            ).StatusCode
        );
        table = await editor.GetDocumentAsync("/Submissions/Quota?month=202610");
        Assert.Contains("每月选用 2 条", table.Body!.Text());
        Assert.Equal("4 2 完成", Row(table, missed));
        // A town administrator sees their own unit only.
        var own = await townAdmin.GetDocumentAsync("/Submissions/Quota?month=202610");
        Assert.Equal("2 3 完成", Row(own, met));
        Assert.Empty(own.QuerySelectorAll($"#quota tr[data-org='{missed.Id}']"));
    }

    /// <summary>Submitted, adopted and whether the quota is met, in a unit's row of the quota table.</summary>
    private static string Row(IDocument quota, Organization unit) =>
        string.Join(" ", quota.RowCells($"#quota tr[data-org='{unit.Id}']")[1..]);
}
