using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Activities;

public sealed partial class ActivityTests
{
    /// <summary>A past activity built by hand: who was present (by code), who asked for leave.</summary>
    private Task<Activity> PastActivityAsync(
        Organization org,
        DateTime startsAt,
        (Member Member, bool Present, bool Leave)[] rows
    ) =>
        app.WithDbAsync(async db =>
        {
            var a = new Activity
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                Kind = ActivityKind.BranchMeeting,
                Topic = "支部党员大会",
                Place = "活动室",
                StartsAt = startsAt,
                EndsAt = startsAt.AddHours(1),
                CreatedAt = startsAt.AddDays(-3),
                Participants =
                [
                    .. rows.Select(r => new ActivityParticipant
                    {
                        MemberId = r.Member.Id,
                        OrganizationId = org.Id,
                        Reply = r.Leave ? ParticipantReply.Leave : ParticipantReply.Confirmed,
                        CheckedInAt = r.Present ? startsAt : null,
                        CheckInMethod = r.Present ? CheckInMethod.QrCode : null,
                    }),
                ],
            };
            db.Activities.Add(a);
            await db.SaveChangesAsync();
            return a;
        });

    [Fact]
    public async Task Attendance_ManualMarking_AndRatesPerActivityAndPerMember()
    {
        var b = await BranchAsync("出勤");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (m0, m1, m2) = (b.Members[0], b.Members[1], b.Members[2]);
        var first = await PastActivityAsync(
            b.Org,
            now.AddDays(-2),
            [(m0, true, false), (m1, false, true), (m2, false, false)]
        );
        await PastActivityAsync(b.Org, now.AddDays(-1), [(m0, true, false), (m1, false, false)]);
        // not begun: not counted
        await PastActivityAsync(b.Org, now.AddDays(400), [(m0, false, false), (m1, false, false), (m2, false, false)]);

        var m2Row = await app.WithDbAsync(db =>
            db.ActivityParticipants.Where(p => p.ActivityId == first.Id && p.MemberId == m2.Id)
                .Select(p => p.Id)
                .SingleAsync()
        );
        var mark = await TestApp.PostFormAsync(
            b.Admin,
            $"/Activities/Detail/{first.Id}",
            new Dictionary<string, string> { ["participantId"] = m2Row.ToString(), ["present"] = "true" },
            $"/Activities/Detail/{first.Id}?handler=Mark"
        );
        Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);
        var figures = await app.WithDbAsync(db => AttendanceFigures.ForActivityAsync(db, first.Id));
        Assert.Equal(new AttendanceFigures(3, 2, 1), figures);
        Assert.Equal(2.0 / 3, figures.Rate, 6);
        Assert.Equal(
            CheckInMethod.Manual,
            await app.WithDbAsync(db =>
                db.ActivityParticipants.Where(p => p.Id == m2Row).Select(p => p.CheckInMethod).SingleAsync()
            )
        );

        var rates = await app.WithDbAsync(db =>
            MemberAttendance.ForSubtreeAsync(db, b.Org.Path, now.AddDays(-30), now.AddDays(500), now)
        );
        var byMember = rates.ToDictionary(r => r.MemberId);
        Assert.Equal((2, 2, 0), (byMember[m0.Id].Expected, byMember[m0.Id].Present, byMember[m0.Id].OnLeave));
        Assert.Equal((2, 0, 1), (byMember[m1.Id].Expected, byMember[m1.Id].Present, byMember[m1.Id].OnLeave));
        Assert.Equal((1, 1), (byMember[m2.Id].Expected, byMember[m2.Id].Present));
        Assert.Equal(m1.Id, rates[0].MemberId); // lowest rate first
        if (now.AddHours(8).DayOfYear > 3) // both past activities in this China-time year
            Assert.Contains(
                "今年应参加 2 次,出席 0 次,请假 1 次,出勤率 0%",
                await (await app.SignedInClientAsync(b.Cards[1])).GetStringAsync("/Activities/Mine")
            );
        var table = await b.Admin.GetDocumentAsync(
            $"/Activities/Attendance?org={b.Org.Id}&from={now.AddDays(-30):yyyy-MM-dd}"
        );
        Assert.Equal("100%", table.TextOf($"#member-attendance tr[data-member='{m0.Id}'] td.rate"));
    }

    [Fact]
    public async Task Minutes_ScriptHandlersAndJavascriptLinks_AreStripped()
    {
        var b = await BranchAsync("记录");
        var activity = await ActivityAsync(b.Org, b.Members);
        var minutes =
            "<p onclick=\"steal()\">会议传达了精神<script>alert(1)</script></p><img src=/media/3f2504e0-4f89-41d3-9a0"
            + "c-0305e82c3301.jpg "
            + "onerror=alert(2)><a href=\"javascript:alert(3)\">链接</a><a href=\"https://www.12371.cn\">共产党员网</a>";
        var response = await TestApp.PostFormAsync(
            b.Admin,
            $"/Activities/Detail/{activity.Id}",
            new Dictionary<string, string> { ["Minutes"] = minutes },
            $"/Activities/Detail/{activity.Id}?handler=Minutes"
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db =>
            db.Activities.Where(a => a.Id == activity.Id).Select(a => a.Minutes).SingleAsync()
        );
        Assert.Contains("会议传达了精神", stored);
        Assert.Contains("https://www.12371.cn", stored);
        foreach (var bad in new[] { "<script", "onclick", "onerror", "javascript:", "alert(" })
            Assert.DoesNotContain(bad, stored, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminOfB_Gets404ForAnActivityOfA_InEveryForm_AndNothingChanges()
    {
        var a = await BranchAsync("范围甲");
        var b = await BranchAsync("范围乙");
        var activity = await ActivityAsync(a.Org, a.Members);
        var row = activity.Participants[0].Id;
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/Activities/Detail/{activity.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/Activities/Qr/{activity.Id}")).StatusCode);
        Assert.DoesNotContain(activity.Topic, await b.Admin.GetStringAsync("/Activities"));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    b.Admin,
                    "/Activities",
                    new Dictionary<string, string> { ["participantId"] = row.ToString(), ["present"] = "true" },
                    $"/Activities/Detail/{activity.Id}?handler=Mark"
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    b.Admin,
                    "/Activities",
                    new Dictionary<string, string> { ["Minutes"] = "篡改" },
                    $"/Activities/Detail/{activity.Id}?handler=Minutes"
                )
            ).StatusCode
        );
        // A member of B neither sees it nor answers for a row of A.
        var memberB = await app.SignedInClientAsync(b.Cards[0]);
        Assert.DoesNotContain(activity.Topic, await memberB.GetStringAsync("/"));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    memberB,
                    "/Activities/Mine",
                    new Dictionary<string, string> { ["participantId"] = row.ToString() },
                    "/Activities/Mine?handler=Confirm"
                )
            ).StatusCode
        );
        var after = await app.WithDbAsync(db =>
            db.Activities.Include(x => x.Participants).SingleAsync(x => x.Id == activity.Id)
        );
        Assert.Null(after.Minutes);
        Assert.All(after.Participants, p =>
            Assert.Equal((ParticipantReply.Pending, (DateTime?)null), (p.Reply, p.CheckedInAt))
        );
    }

    [Fact]
    public async Task MovingTheBranch_KeepsItsActivitiesPublishedToItsMembers()
    {
        var b = await BranchAsync("迁移前");
        var (otherTown, _) = await app.AddTownAsync("迁移后");
        var activity = await ActivityAsync(b.Org, b.Members, "迁移后仍可见的活动");
        await app.WithDbAsync(
            async (db, sp) =>
            {
                var org = await db.Organizations.SingleAsync(o => o.Id == b.Org.Id);
                await sp.GetRequiredService<Hongling.Web.Features.Organizations.OrgEditor>()
                    .MoveAsync(org, otherTown.Code);
                return 0;
            }
        );
        var moved = await app.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        Assert.StartsWith(otherTown.Path, moved.AudiencePath);
        Assert.Equal(moved.OrgPath, moved.AudiencePath);
        Assert.Contains("迁移后仍可见的活动", await (await app.SignedInClientAsync(b.Cards[0])).GetStringAsync("/"));
    }

    [Fact]
    public async Task MonthlyCounts_FollowChinaTimeMonths()
    {
        var (town, branch) = await app.AddTownAsync("月报");
        var second = await app.WithDbAsync(async db =>
        {
            var o = new Organization
            {
                Code = TestApp.UniqueCode("B"),
                Name = "月报第二党支部",
                Kind = OrgKind.Branch,
            };
            o.PlaceUnder(await db.Organizations.SingleAsync(x => x.Id == town.Id));
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var (_, elsewhere) = await app.AddTownAsync("月报外");
        DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            foreach (
                var (org, created) in new[]
                {
                    (branch, "2026-10-31T15:59:59"), // 23:59:59 on 31 October in China: October
                    (branch, "2026-10-31T16:30:00"), // 00:30 on 1 November in China: November
                    (branch, "2026-11-15T08:00:00"),
                    (second, "2026-11-30T15:59:00"), // 23:59 on 30 November in China
                    (second, "2026-11-30T16:00:00"), // 1 December in China
                    (elsewhere, "2026-11-10T08:00:00"), // another subtree
                }
            )
                db.Activities.Add(
                    new Activity
                    {
                        OrganizationId = org.Id,
                        AudiencePath = org.Path,
                        Topic = "月报",
                        Place = "-",
                        CreatedAt = Utc(created),
                        StartsAt = Utc(created).AddDays(3),
                        EndsAt = Utc(created).AddDays(3).AddHours(1),
                    }
                );
            return await db.SaveChangesAsync();
        });
        var november = await app.WithDbAsync(db =>
            Hongling.Web.Features.OrgLife.MonthlyActivityCounts.OfAsync(
                db,
                Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure.Activities,
                town.Path,
                202611
            )
        );
        Assert.Equal(new Dictionary<int, int> { [branch.Id] = 2, [second.Id] = 1 }, november);
        var october = await app.WithDbAsync(db =>
            Hongling.Web.Features.OrgLife.MonthlyActivityCounts.OfAsync(
                db,
                Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure.Activities,
                town.Path,
                202610
            )
        );
        Assert.Equal(new Dictionary<int, int> { [branch.Id] = 1 }, october);
    }
}
