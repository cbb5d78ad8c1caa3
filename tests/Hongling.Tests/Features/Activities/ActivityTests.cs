using System.Net;
using System.Text.RegularExpressions;
using Hongling.Web.Domain;
using Hongling.Web.Features.Activities;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Activities;

/// <summary>Activities: publishing to members, replies, QR check-in, attendance, minutes, scope, monthly
/// counts.</summary>
public sealed partial class ActivityTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Branch(Organization Org, HttpClient Admin, Member[] Members, string[] Cards);

    /// <summary>A town with a branch of three members, each with a red card, and the branch's administrator.</summary>
    private async Task<Branch> BranchAsync(string name)
    {
        var (_, org) = await app.AddTownAsync(name);
        var members = new[]
        {
            await app.AddMemberAsync(org, "甲" + name),
            await app.AddMemberAsync(org, "乙" + name),
            await app.AddMemberAsync(org, "丙" + name),
        };
        var cards = new string[members.Length];
        for (var i = 0; i < members.Length; i++)
            await app.AddAccountAsync(cards[i] = TestApp.NewCard(), members[i]);
        return new Branch(org, await app.SignInAsAdministratorOfAsync(org), members, cards);
    }

    /// <summary>An activity starting in 30 minutes, built by hand, with the given members as participants.</summary>
    private Task<Activity> ActivityAsync(
        Organization org,
        IEnumerable<Member> participants,
        string topic = "主题党日活动"
    ) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var activity = new Activity
            {
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                Kind = ActivityKind.ThemeDay,
                Topic = topic,
                Place = "村委会议室",
                StartsAt = now.AddMinutes(30),
                EndsAt = now.AddHours(2),
                CreatedAt = now,
                CreatedBy = "测试",
                Participants =
                [
                    .. participants.Select(m => new ActivityParticipant { MemberId = m.Id, OrganizationId = org.Id }),
                ],
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity;
        });

    private static Dictionary<string, string> CreateFields(Organization org, string topic, bool all = true) =>
        new()
        {
            ["Input.OrganizationId"] = org.Id.ToString(),
            ["Input.Kind"] = nameof(ActivityKind.BranchMeeting),
            ["Input.Topic"] = topic,
            ["Input.Place"] = "党员活动室",
            ["Input.StartsAt"] = "2030-06-01T09:00",
            ["Input.EndsAt"] = "2030-06-01T11:00",
            ["Input.AllMembers"] = all ? "true" : "false",
        };

    [Fact]
    public async Task Create_AllMembersByDefault_MembersSeeItOnTheirHomePage_AndConfirmOrAskLeave()
    {
        var b = await BranchAsync("发布");
        var response = await TestApp.PostFormAsync(
            b.Admin,
            "/Activities/Create",
            CreateFields(b.Org, "学习党的二十届四中全会精神")
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db =>
            db.Activities.Include(a => a.Participants).SingleAsync(a => a.OrganizationId == b.Org.Id)
        );
        Assert.Equal(3, stored.Participants.Count);
        // 09:00 in China is 01:00 UTC
        Assert.Equal(new DateTime(2030, 6, 1, 1, 0, 0, DateTimeKind.Utc), stored.StartsAt);
        Assert.Equal(b.Org.Path, stored.AudiencePath);

        var member = await app.SignedInClientAsync(b.Cards[0]);
        var home = await member.GetStringAsync("/");
        Assert.Contains("学习党的二十届四中全会精神", home);
        Assert.Contains("未回复", home);

        var leaveNoReason = await TestApp.PostFormAsync(
            member,
            "/Activities/Mine",
            new Dictionary<string, string> { ["participantId"] = Participant(stored, b.Members[0]).ToString() },
            "/Activities/Mine?handler=Leave"
        );
        Assert.Contains("请假请填写事由", await leaveNoReason.Content.ReadAsStringAsync());
        var leave = await TestApp.PostFormAsync(
            member,
            "/Activities/Mine",
            new Dictionary<string, string>
            {
                ["participantId"] = Participant(stored, b.Members[0]).ToString(),
                ["reason"] = "外出务工",
            },
            "/Activities/Mine?handler=Leave"
        );
        Assert.Equal(HttpStatusCode.Redirect, leave.StatusCode);
        var second = await app.SignedInClientAsync(b.Cards[1]);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await TestApp.PostFormAsync(
                    second,
                    "/Activities/Mine",
                    new Dictionary<string, string> { ["participantId"] = Participant(stored, b.Members[1]).ToString() },
                    "/Activities/Mine?handler=Confirm"
                )
            ).StatusCode
        );
        // Another member's answer cannot be given: their participant id is nobody's for this member.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    second,
                    "/Activities/Mine",
                    new Dictionary<string, string> { ["participantId"] = Participant(stored, b.Members[2]).ToString() },
                    "/Activities/Mine?handler=Confirm"
                )
            ).StatusCode
        );

        var rows = await app.WithDbAsync(db =>
            db.ActivityParticipants.Where(p => p.ActivityId == stored.Id).ToDictionaryAsync(p => p.MemberId)
        );
        Assert.Equal(
            (ParticipantReply.Leave, "外出务工"),
            (rows[b.Members[0].Id].Reply, rows[b.Members[0].Id].LeaveReason)
        );
        Assert.Equal(ParticipantReply.Confirmed, rows[b.Members[1].Id].Reply);
        Assert.Equal(ParticipantReply.Pending, rows[b.Members[2].Id].Reply);
        var detail = await b.Admin.GetStringAsync($"/Activities/Detail/{stored.Id}");
        Assert.Contains("请假(外出务工)", detail);

        // After confirming, the button says so and offers an undo; the undo makes the answer pending again.
        var confirmed = Html.Parse(await second.GetStringAsync("/Activities/Mine"));
        var card = confirmed.One($".upcoming-activity[data-activity='{stored.Id}']");
        Assert.Equal("已确认参加 ✓", card.TextOf("button.confirmed"));
        Assert.Null(card.QuerySelector("button.confirm"));
        Assert.Equal("撤销", card.TextOf("button.undo"));
        var undo = await TestApp.PostFormAsync(
            second,
            "/Activities/Mine",
            new Dictionary<string, string> { ["participantId"] = Participant(stored, b.Members[1]).ToString() },
            "/Activities/Mine?handler=Undo"
        );
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        var undone = await app.WithDbAsync(db =>
            db.ActivityParticipants.SingleAsync(p => p.ActivityId == stored.Id && p.MemberId == b.Members[1].Id)
        );
        Assert.Equal((ParticipantReply.Pending, null), (undone.Reply, undone.RepliedAt));
        var again = Html.Parse(await second.GetStringAsync("/Activities/Mine"))
            .One($".upcoming-activity[data-activity='{stored.Id}']");
        Assert.NotNull(again.QuerySelector("button.confirm"));
        Assert.Null(again.QuerySelector("button.undo"));
    }

    private static int Participant(Activity a, Member m) => a.Participants.Single(p => p.MemberId == m.Id).Id;

    [Fact]
    public async Task Create_BadInput_AnotherSubtree_OrAForeignMember_RefusedAndNothingStored()
    {
        var a = await BranchAsync("越权甲");
        var b = await BranchAsync("越权乙");
        var empty = await TestApp.PostFormAsync(
            a.Admin,
            "/Activities/Create",
            new Dictionary<string, string>(CreateFields(a.Org, "")) { ["Input.EndsAt"] = "2030-06-01T08:00" }
        );
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请填写活动主题", html);
        Assert.Contains("结束时间应晚于开始时间", html);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await TestApp.PostFormAsync(a.Admin, "/Activities/Create", CreateFields(b.Org, "越权活动"))).StatusCode
        );
        var foreign = new Dictionary<string, string>(CreateFields(a.Org, "越权人员", all: false))
        {
            ["Input.MemberIds"] = b.Members[0].Id.ToString(),
        };
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await TestApp.PostFormAsync(a.Admin, "/Activities/Create", foreign)).StatusCode
        );
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.Activities.CountAsync(x => x.OrganizationId == a.Org.Id || x.OrganizationId == b.Org.Id)
            )
        );
    }

    private static async Task<string> CheckInUrlAsync(HttpClient admin, int activityId)
    {
        var page = await admin.GetDocumentAsync($"/Activities/Qr/{activityId}");
        Assert.StartsWith("data:image/png;base64,", page.One("img#qr").GetAttribute("src"));
        return new Uri(page.One("a#checkin-link").GetAttribute("href")!).PathAndQuery;
    }

    private static async Task<string> CheckInAsync(HttpClient member, string url)
    {
        var code = Regex.Match(url, "code=([^&]+)").Groups[1].Value;
        var response = await TestApp.PostFormAsync(
            member,
            url,
            new Dictionary<string, string> { ["code"] = Uri.UnescapeDataString(code) },
            url.Split('?')[0]
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task QrCheckIn_Valid_Twice_Forged_OtherActivity_NotParticipant()
    {
        var b = await BranchAsync("签到");
        var activity = await ActivityAsync(b.Org, b.Members[..2]);
        var other = await ActivityAsync(b.Org, b.Members, "另一次活动");
        var url = await CheckInUrlAsync(b.Admin, activity.Id);
        var member = await app.SignedInClientAsync(b.Cards[0]);

        var page = await member.GetStringAsync(url);
        Assert.Contains("确认签到", page);
        Assert.Null(
            await app.WithDbAsync(db =>
                db.ActivityParticipants.Where(p => p.ActivityId == activity.Id && p.MemberId == b.Members[0].Id)
                    .Select(p => p.CheckedInAt)
                    .SingleAsync()
            )
        ); // a GET writes nothing
        Assert.Contains("签到成功", await CheckInAsync(member, url));
        Assert.Contains("您已签到", await CheckInAsync(member, url));

        var tampered = Regex.Replace(url, "code=(.)", m => "code=" + (m.Groups[1].Value == "A" ? "B" : "A"));
        Assert.Contains(ActivityCheckIn.Invalid, await CheckInAsync(member, tampered));
        Assert.Contains(
            ActivityCheckIn.Invalid,
            await CheckInAsync(member, $"/Activities/CheckIn/{activity.Id}?code=forged-code")
        );
        // The code of one activity at another's address: refused, though the member is a participant there.
        Assert.Contains(
            ActivityCheckIn.OtherActivity,
            await CheckInAsync(member, url.Replace($"/CheckIn/{activity.Id}?", $"/CheckIn/{other.Id}?"))
        );
        // A member of the branch who is not on this activity's list.
        var outsider = await app.SignedInClientAsync(b.Cards[2]);
        Assert.Contains(ActivityCheckIn.NotParticipant, await CheckInAsync(outsider, url));

        var rows = await app.WithDbAsync(db =>
            db.ActivityParticipants.Where(p => p.ActivityId == activity.Id || p.ActivityId == other.Id).ToListAsync()
        );
        var present = Assert.Single(rows, p => p.CheckedInAt is not null);
        Assert.Equal(
            (activity.Id, b.Members[0].Id, CheckInMethod.QrCode),
            (present.ActivityId, present.MemberId, present.CheckInMethod)
        );
        Assert.Equal(
            new AttendanceFigures(2, 1, 0),
            await app.WithDbAsync(db => AttendanceFigures.ForActivityAsync(db, activity.Id))
        );
        Assert.Contains("id=\"present\">1<", await b.Admin.GetStringAsync($"/Activities/Detail/{activity.Id}"));
    }

    [Fact]
    public async Task QrCheckIn_NotYetOpen_ThenExpiredAfterTheClockMoves()
    {
        var b = await BranchAsync("过期");
        var later = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var a = new Activity
            {
                OrganizationId = b.Org.Id,
                AudiencePath = b.Org.Path,
                Kind = ActivityKind.PartyLesson,
                Topic = "党课",
                Place = "礼堂",
                StartsAt = now.AddHours(5),
                EndsAt = now.AddHours(6),
                CreatedAt = now,
                Participants = [new ActivityParticipant { MemberId = b.Members[0].Id, OrganizationId = b.Org.Id }],
            };
            db.Activities.Add(a);
            await db.SaveChangesAsync();
            return a;
        });
        var url = await CheckInUrlAsync(b.Admin, later.Id);
        var member = await app.SignedInClientAsync(b.Cards[0]);
        Assert.Contains(ActivityCheckIn.NotOpenYet, await CheckInAsync(member, url));

        app.Clock.Advance(TimeSpan.FromHours(6) + ActivityCheckIn.ClosesAfter + TimeSpan.FromMinutes(1));
        member = await app.SignedInClientAsync(b.Cards[0]);
        Assert.Contains(ActivityCheckIn.Expired, await CheckInAsync(member, url));
        Assert.Null(
            await app.WithDbAsync(db =>
                db.ActivityParticipants.Where(p => p.ActivityId == later.Id).Select(p => p.CheckedInAt).SingleAsync()
            )
        );
    }
}
