using Hongling.Tests.Features.Sites;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Hongling.Tests.Features.Sites.UsageBuilders;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>A small district built by hand for the sections' truth tests (August 2029, the submission period
/// July–August):
/// <list type="bullet">
/// <item>甲镇 (A; branches 甲一村 a1 and 甲二村 a2): sites S1 (a1; 09:00–11:00 and 10:00–12:00 overlapping = 180 min and a
/// manual 90 = 270, met), S2 (a2; 31 Aug 22:00 to 1 Sep 02:00 China = 120 counted, a "last days" signal; a late August
/// session not counted; a July session received in July), S3 (a1; nothing: "0"), S4 (a2; stopped, 60 min); a July S1
/// session received late on 10 August. Members: a1 holds 4 (one without a card; one moved in from 乙一村 this month).
/// Submissions: 8 items, 7 submitted and 6 adopted in the period (China-midnight edges both sides).</item>
/// <item>乙镇 (B; branch 乙一村 b1): S5 (b1; five 60-minute sessions at 19:30 without attendees = 300, met, a
/// "same minute" signal); July S5 sessions received 1 Aug 00:30 China (arrived this month) and 31 Jul 23:59 China
/// (not).
/// Members: b1 holds 2 (one without a card) and a departed one. Submissions: 3 submitted, 2 adopted.</item>
/// <item>丙镇 (C): an empty unit — no branch, site, member or submission.</item>
/// <item>The district itself: one site SD at "0" minutes (its own row, 本级); no member.</item>
/// <item>Work updates: A on 1 Jul 00:00 and 31 Aug 23:59 China (in), 30 Jun 23:59 (out); a1 on 15 Aug (in); B on
/// 1 Sep 00:00 China (out).</item>
/// </list></summary>
public sealed record SectionsWorld(
    Organization District,
    Organization A,
    Organization A1,
    Organization A2,
    Organization B,
    Organization B1,
    Organization C,
    Site S1,
    Site S2,
    Site S3,
    Site S4,
    Site S5,
    Site SD
)
{
    public const int Month = 202908,
        FirstMonth = 202907;

    public static async Task<SectionsWorld> BuildAsync(TestApp app)
    {
        var d = await app.AddDistrictAsync("通报测试区委");
        var a = await app.AddOrgAsync(d, "甲镇党委");
        var a1 = await app.AddOrgAsync(a, "甲一村党支部", OrgKind.Branch);
        var a2 = await app.AddOrgAsync(a, "甲二村党支部", OrgKind.Branch);
        var b = await app.AddOrgAsync(d, "乙镇党委");
        var b1 = await app.AddOrgAsync(b, "乙一村党支部", OrgKind.Branch);
        var c = await app.AddOrgAsync(d, "丙镇党委");

        var s1 = await app.AddSiteAsync(a1, "甲一村站点");
        var s2 = await app.AddSiteAsync(a2, "甲二村站点");
        var s3 = await app.AddSiteAsync(a1, "甲一村二号站点");
        var s4 = await app.AddSiteAsync(a2, "甲二村旧站点", SiteStatus.Stopped);
        var s5 = await app.AddSiteAsync(b1, "乙一村站点");
        var sd = await app.AddSiteAsync(d, "区委站点");

        await app.AddSessionAsync(s1, China(2029, 8, 3, 9), 120, attendees: 10);
        await app.AddSessionAsync(s1, China(2029, 8, 3, 10), 120, attendees: 5);
        await app.AddSessionAsync(s1, China(2029, 8, 10, 9), 90, manual: true);
        await app.AddSessionAsync(s2, China(2029, 8, 31, 22), 240, attendees: 3);
        await Received(
            app,
            await app.AddSessionAsync(s2, China(2029, 8, 20, 9), 480, attendees: 30, late: true),
            China(2029, 9, 10, 9)
        );
        await app.AddSessionAsync(s2, China(2029, 7, 31, 20), 120);
        await app.AddSessionAsync(s4, China(2029, 8, 5, 9), 60);
        for (var day = 1; day <= 5; day++)
            await app.AddSessionAsync(s5, China(2029, 8, day, 19, 30), 60);
        // Records of July: S1's arrives late on 10 August; S5's two arrive on either side of China midnight of 1
        // August.
        await Received(
            app,
            await app.AddSessionAsync(s1, China(2029, 7, 20, 9), 100, late: true),
            China(2029, 8, 10, 9)
        );
        await Received(app, await app.AddSessionAsync(s5, China(2029, 7, 25, 9), 50), China(2029, 8, 1, 0, 30));
        await Received(app, await app.AddSessionAsync(s5, China(2029, 7, 26, 9), 50), China(2029, 7, 31, 23, 59));

        var m1 = await app.AddMemberAsync(a1, "甲一");
        var m2 = await app.AddMemberAsync(a1, "甲二");
        await app.AddMemberAsync(a1, "甲三"); // no card
        var m4 = await app.AddMemberAsync(b1, "乙一");
        await app.AddMemberAsync(b1, "乙二"); // no card
        var gone = await app.AddMemberAsync(b1, "乙三");
        var moved = await app.AddMemberAsync(b1, "调动");
        await app.WithDbAsync(async db =>
        {
            foreach (var id in new[] { m1.Id, m2.Id, m4.Id, moved.Id })
                await db
                    .Members.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.CardNumber, "C" + id.ToString("D8")));
            var g = await db.Members.SingleAsync(m => m.Id == gone.Id);
            g.CardNumber = "C" + g.Id.ToString("D8");
            g.LeftOn = new DateOnly(2029, 8, 15);
            var mv = await db.Members.SingleAsync(m => m.Id == moved.Id);
            mv.OrganizationId = a1.Id;
            return await db.SaveChangesAsync();
        });

        await app.WithDbAsync(db =>
        {
            Submission Item(Organization o, DateTime submitted, DateTime? adopted, bool declined = false) =>
                new()
                {
                    OrganizationId = o.Id,
                    Title = "稿件",
                    Body = "<p>x</p>",
                    Author = "作者",
                    SubmittedAt = submitted,
                    SubmittedBy = "管理员",
                    State =
                        adopted is not null ? SubmissionState.Adopted
                        : declined ? SubmissionState.Declined
                        : SubmissionState.Submitted,
                    DecidedAt = adopted ?? (declined ? submitted.AddDays(1) : null),
                };
            db.Submissions.AddRange(
                Item(a, China(2029, 6, 30, 23, 59), China(2029, 7, 2, 9)), // adopted in the period, submitted before it
                Item(a, China(2029, 7, 1), China(2029, 7, 3, 9)),
                Item(a, China(2029, 7, 10, 9), China(2029, 7, 11, 9)),
                Item(a, China(2029, 7, 11, 9), China(2029, 7, 12, 9)),
                Item(a, China(2029, 8, 5, 9), China(2029, 8, 6, 9)),
                Item(a, China(2029, 8, 6, 9), China(2029, 8, 7, 9)),
                Item(a, China(2029, 8, 31, 23, 59), China(2029, 9, 1)), // submitted in the period, adopted after it
                Item(a, China(2029, 8, 20, 9), null, declined: true),
                Item(b, China(2029, 8, 1, 9), China(2029, 8, 2, 9)),
                Item(b, China(2029, 8, 2, 9), China(2029, 8, 3, 9)),
                Item(b, China(2029, 8, 3, 9), null)
            );
            WorkUpdate Update(Organization o, DateTime at) =>
                new()
                {
                    OrganizationId = o.Id,
                    Kind = WorkUpdateKind.Original,
                    Title = "动态",
                    Body = "<p>y</p>",
                    PublishedAt = at,
                    PublishedBy = "管理员",
                };
            db.WorkUpdates.AddRange(
                Update(a, China(2029, 7, 1)),
                Update(a, China(2029, 8, 31, 23, 59)),
                Update(a, China(2029, 6, 30, 23, 59)),
                Update(a1, China(2029, 8, 15, 9)),
                Update(b, China(2029, 9, 1))
            );
            return db.SaveChangesAsync();
        });
        return new SectionsWorld(d, a, a1, a2, b, b1, c, s1, s2, s3, s4, s5, sd);
    }

    private static Task<int> Received(TestApp app, ViewingSession s, DateTime at) =>
        app.WithDbAsync(db =>
            db.ViewingSessions.Where(v => v.Id == s.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.ReceivedAt, at))
        );
}
