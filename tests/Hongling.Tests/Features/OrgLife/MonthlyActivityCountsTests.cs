using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.OrgLife;
using Hongling.Web.Infrastructure;
using static Hongling.Web.Features.OrgLife.MonthlyActivityCounts;

namespace Hongling.Tests.Features.OrgLife;

public sealed class MonthlyActivityCountsTests(TestApp app) : IClassFixture<TestApp>
{
    // Instants around the October/November boundary in China Standard Time (UTC+8).
    private static readonly DateTime LateOctober = new(2026, 10, 31, 15, 59, 0, DateTimeKind.Utc); // 31 Oct 23:59 CST
    private static readonly DateTime EarlyNovember = new(2026, 10, 31, 16, 30, 0, DateTimeKind.Utc); // 1 Nov 00:30 CST
    private static readonly DateTime EarlyOctober = new(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc); // 1 Oct 00:00 CST

    // 30 Sep 23:59:59 CST
    private static readonly DateTime LateSeptember = new(2026, 9, 30, 15, 59, 59, DateTimeKind.Utc);

    [Fact]
    public async Task CountsPerOrganization_FollowChinaMonths_AndStayInsideTheSubtree()
    {
        var (town, branch) = await app.AddTownAsync("统计镇");
        var (otherTown, _) = await app.AddTownAsync("统计他镇");
        await app.WithDbAsync(db =>
        {
            WorkUpdate U(Organization o, DateTime at) =>
                new()
                {
                    OrganizationId = o.Id,
                    Title = "动态",
                    Body = "<p>x</p>",
                    PublishedAt = at,
                };
            db.WorkUpdates.AddRange(
                U(branch, EarlyOctober),
                U(branch, LateOctober),
                U(branch, EarlyNovember),
                U(branch, LateSeptember),
                U(town, LateOctober),
                U(otherTown, LateOctober)
            );
            db.Notices.AddRange(
                new Notice
                {
                    OrganizationId = town.Id,
                    AudiencePath = town.Path,
                    AudienceIncludesSubtree = true,
                    Title = "公告",
                    Body = "<p>x</p>",
                    PublishedAt = LateOctober,
                },
                new Notice
                {
                    OrganizationId = branch.Id,
                    AudiencePath = branch.Path,
                    Title = "公告",
                    Body = "<p>x</p>",
                    PublishedAt = EarlyNovember,
                }
            );
            db.Messages.AddRange(
                // Received in October, replied in November.
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "甲",
                    Body = "问",
                    PostedAt = LateOctober,
                    RepliedAt = EarlyNovember,
                    Reply = "答",
                    State = MessageState.Answered,
                    ResponseSeconds = 1860,
                },
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "乙",
                    Body = "问",
                    PostedAt = EarlyOctober,
                    RepliedAt = EarlyOctober.AddHours(1),
                    Reply = "答",
                    State = MessageState.Answered,
                    ResponseSeconds = 3600,
                },
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "丙",
                    Body = "问",
                    PostedAt = LateSeptember,
                    State = MessageState.Unanswered,
                }
            );
            db.Submissions.AddRange(
                new Submission
                {
                    OrganizationId = town.Id,
                    Title = "稿",
                    Body = "<p>x</p>",
                    Author = "甲",
                    SubmittedAt = LateSeptember,
                    DecidedAt = EarlyOctober,
                    State = SubmissionState.Adopted,
                },
                new Submission
                {
                    OrganizationId = town.Id,
                    Title = "稿",
                    Body = "<p>x</p>",
                    Author = "甲",
                    SubmittedAt = LateOctober,
                    DecidedAt = EarlyNovember,
                    State = SubmissionState.Adopted,
                },
                new Submission
                {
                    OrganizationId = town.Id,
                    Title = "稿",
                    Body = "<p>x</p>",
                    Author = "甲",
                    SubmittedAt = EarlyOctober,
                    DecidedAt = LateOctober,
                    State = SubmissionState.Declined,
                    DeclineReason = "重复",
                }
            );
            return db.SaveChangesAsync();
        });

        var october = await app.WithDbAsync(db => ForAsync(db, town.Path, 202610));
        // the subtree, by path; no other town
        Assert.Equal([town.Id, branch.Id], october.Select(r => r.OrganizationId));
        var t = october[0];
        var b = october[1];
        Assert.Equal(
            (1, 1, 0, 0, 2, 1),
            (t.WorkUpdates, t.Notices, t.MessagesReceived, t.MessagesReplied, t.Submissions, t.Adoptions)
        );
        Assert.Equal(
            (2, 0, 2, 1, 0, 0),
            (b.WorkUpdates, b.Notices, b.MessagesReceived, b.MessagesReplied, b.Submissions, b.Adoptions)
        );

        var november = await app.WithDbAsync(db => ForAsync(db, town.Path, 202611));
        Assert.Equal(
            (0, 0, 0, 0, 0, 1),
            (
                november[0].WorkUpdates,
                november[0].Notices,
                november[0].MessagesReceived,
                november[0].MessagesReplied,
                november[0].Submissions,
                november[0].Adoptions
            )
        );
        Assert.Equal(
            (1, 1, 0, 1),
            (november[1].WorkUpdates, november[1].Notices, november[1].MessagesReceived, november[1].MessagesReplied)
        );
        var september = await app.WithDbAsync(db => ForAsync(db, branch.Path, 202609));
        Assert.Equal((1, 1), (september.Single().WorkUpdates, september.Single().MessagesReceived));

        // Measures whose features are not in this build are reported as not counted, not as zero.
        foreach (var m in Enum.GetValues<Measure>())
            Assert.Equal(Counters.ContainsKey(m), b[m] is not null);

        // The page shows the same table to an administrator of the town, and 404 for another subtree.
        var client = await app.SignInAsAdministratorOfAsync(town);
        var page = await client.GetDocumentAsync($"/OrgLife/Counts?org={town.Id}&month=202610");
        var row = page.One($"#counts tr[data-org='{branch.Id}']");
        Assert.Equal(
            ["2", "0", "2"],
            new[] { "WorkUpdates", "Notices", "MessagesReceived" }.Select(m => row.TextOf($"td[data-measure={m}]"))
        );
        // Totals over the subtree (town 1 + branch 2 work updates), drawn as a chart with its table, and a month
        // picker.
        Assert.Equal(
            "工作动态3",
            page.One("#totals [data-measure=WorkUpdates]").Text().Replace(" ", "").Replace("\n", "")
        );
        Assert.NotNull(page.QuerySelector("svg#totals-chart"));
        Assert.Contains("工作动态 3", page.TableRows("#totals-chart-table").Select(r => string.Join(" ", r)));
        Assert.Equal([$"{branch.Name} 0"], page.TableRows("#children-chart-table").Select(r => string.Join(" ", r)));
        Assert.Equal("202610", page.One("select[name=month] option[selected]").GetAttribute("value"));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/OrgLife/Counts?org={otherTown.Id}")).StatusCode
        );
    }

    [Fact]
    public void MonthBounds_AreChinaMonths_EvenAfterShortMonths()
    {
        Assert.Equal(
            (
                new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc)
            ),
            ChinaTime.MonthBounds(202603)
        );
        Assert.Equal(
            (
                new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc)
            ),
            ChinaTime.MonthBounds(202612)
        );
    }
}
