using System.Net;
using Hongling.Tests.Features.Exams;
using Hongling.Web.Domain;
using Hongling.Web.Features.Development;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Notifications;

/// <summary>The categories that features and jobs send through the outbox: an activity's invitees, 转正 reminders to
/// branch administrators, study reminders, exam results. The right members get exactly one inbox row, nobody else
/// gets one, and a job's passes (two instances at once included) send each message once.</summary>
public sealed class NotificationCategoriesTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<int> InboxAsync(Member m, NotificationCategory category) =>
        app.WithDbAsync(db =>
            db.OutboxItems.CountAsync(o =>
                o.MemberId == m.Id
                && o.Channel == NotificationChannel.Inbox
                && o.State == OutboxState.Sent
                && o.Notification!.Category == category
            )
        );

    /// <summary>One pass of the reminder job on this instance and one on a second instance, at the same time.</summary>
    private async Task<int> RunTwoInstancesAsync()
    {
        await using var second = app.SecondInstance();
        var jobs = new[]
        {
            app.Services.GetRequiredService<ReminderJob>(),
            second.Services.GetRequiredService<ReminderJob>(),
        };
        var sent = await Task.WhenAll(jobs.Select(j => Task.Run(() => j.RunOnceAsync())));
        return sent.Sum();
    }

    [Fact]
    public async Task ActivityCreated_InviteesGetOneInboxMessage_OthersNone()
    {
        var (_, branch) = await app.AddTownAsync("活动通知");
        var (_, other) = await app.AddTownAsync("活动旁镇");
        var invited = new[] { await app.AddMemberAsync(branch, "受邀甲"), await app.AddMemberAsync(branch, "受邀乙") };
        var left = await app.AddMemberAsync(branch, "未邀");
        var outside = await app.AddMemberAsync(other, "外镇");
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var r = await TestApp.PostFormAsync(
            admin,
            "/Activities/Create",
            new Dictionary<string, string>
            {
                ["Input.OrganizationId"] = branch.Id.ToString(),
                ["Input.Kind"] = nameof(ActivityKind.BranchMeeting),
                ["Input.Topic"] = "专题组织生活会",
                ["Input.Place"] = "党员活动室",
                ["Input.StartsAt"] = "2030-06-01T09:00",
                ["Input.EndsAt"] = "2030-06-01T11:00",
                ["Input.AllMembers"] = "false",
                ["Input.MemberIds[0]"] = invited[0].Id.ToString(),
                ["Input.MemberIds[1]"] = invited[1].Id.ToString(),
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(1, await InboxAsync(invited[0], NotificationCategory.Activity));
        Assert.Equal(1, await InboxAsync(invited[1], NotificationCategory.Activity));
        Assert.Equal(0, await InboxAsync(left, NotificationCategory.Activity));
        Assert.Equal(0, await InboxAsync(outside, NotificationCategory.Activity));
        var n = await app.WithDbAsync(db => db.Notifications.SingleAsync(x => x.OrganizationId == branch.Id));
        Assert.Equal("活动通知:专题组织生活会", n.Title);
        Assert.Contains("2030年6月1日 09:00", n.Text);
        Assert.Equal(2, n.RecipientCount);
    }

    [Fact]
    public async Task ProbationDue_BranchAdministratorsGetOneReminder_PerMemberAndDueDate_EvenWithTwoInstances()
    {
        var (town, branch) = await app.AddTownAsync("转正提醒");
        var (_, other) = await app.AddTownAsync("转正旁镇");
        var today = app.Clock.TodayInChina();
        var due = await ProbationaryAsync(branch, "预备甲", today.AddYears(-1).AddDays(10)); // due in 10 days
        var later = await ProbationaryAsync(branch, "预备乙", today.AddYears(-1).AddDays(90)); // not yet
        var secretary = await AdministratorAsync(branch, "支部书记");
        var townAdmin = await AdministratorAsync(town, "镇管理员"); // administers the town, not the branch
        var otherAdmin = await AdministratorAsync(other, "旁支书记");
        var plain = await app.AddMemberAsync(branch, "普通党员");

        Assert.True(await RunTwoInstancesAsync() >= 1);
        Assert.Equal(0, await RunTwoInstancesAsync());
        Assert.Equal(1, await InboxAsync(secretary, NotificationCategory.Development));
        foreach (var nobody in new[] { townAdmin, otherAdmin, plain, due, later })
            Assert.Equal(0, await InboxAsync(nobody, NotificationCategory.Development));
        var keys = await app.WithDbAsync(db =>
            db.Notifications.Where(n => n.OrganizationId == branch.Id).Select(n => n.OnceKey).ToListAsync()
        );
        var on = DevelopmentRules.FullMembershipDue(today.AddYears(-1).AddDays(10));
        Assert.Equal([ProbationReminders.Key(due.Id, on)], keys);
        Assert.Contains(
            "预备甲",
            await app.WithDbAsync(db =>
                db.Notifications.Where(n => n.OrganizationId == branch.Id).Select(n => n.Text).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task ExamResults_GoOnceToItsTakers_OnlyWhenClosedAndAllGraded()
    {
        var (branch, bank) = await app.AddBranchWithBankAsync("成绩通知");
        var exam = await app.AddExamAsync(branch, bank, closesIn: TimeSpan.FromHours(2));
        var takers = new[] { await app.AddMemberAsync(branch, "考生甲"), await app.AddMemberAsync(branch, "考生乙") };
        var absent = await app.AddMemberAsync(branch, "未考");
        var attempts = new List<Guid>();
        foreach (var m in takers)
            attempts.Add(await AttemptAsync(exam, branch, m));
        await app.WithDbAsync(db =>
            db.Attempts.Where(a => a.Id == attempts[0])
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AttemptState.Graded))
        );

        await RunTwoInstancesAsync(); // still open
        Assert.Equal(0, await InboxAsync(takers[0], NotificationCategory.Exam));
        app.Clock.Advance(TimeSpan.FromHours(3));
        await RunTwoInstancesAsync(); // closed, but one attempt still awaits review
        Assert.Equal(0, await InboxAsync(takers[0], NotificationCategory.Exam));
        await app.WithDbAsync(db =>
            db.Attempts.Where(a => a.Id == attempts[1])
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AttemptState.Graded))
        );
        await RunTwoInstancesAsync();
        await RunTwoInstancesAsync();
        foreach (var m in takers)
            Assert.Equal(1, await InboxAsync(m, NotificationCategory.Exam));
        Assert.Equal(0, await InboxAsync(absent, NotificationCategory.Exam));
    }

    [Fact]
    public async Task StudyReminder_FromThe20th_OncePerMonth_ToWhoHasNotStudied()
    {
        var (_, branch) = await app.AddTownAsync("学习提醒");
        var idle = await app.AddMemberAsync(branch, "未学");
        var busy = await app.AddMemberAsync(branch, "已学");
        // The 10th of next month (China time): too early.
        var china = app.Clock.GetUtcNow().UtcDateTime.ToChina();
        var next = new DateTime(china.Year, china.Month, 1).AddMonths(1);
        app.Clock.Advance(next.AddDays(9).AddHours(10) - china);
        var today = app.Clock.TodayInChina();
        await app.WithDbAsync(async db =>
        {
            db.StudyDays.Add(
                new StudyDay
                {
                    MemberId = busy.Id,
                    Day = today,
                    OrganizationId = branch.Id,
                    StudyMinutes = 20,
                }
            );
            return await db.SaveChangesAsync();
        });
        await RunTwoInstancesAsync();
        Assert.Equal(0, await InboxAsync(idle, NotificationCategory.Study));

        app.Clock.Advance(TimeSpan.FromDays(10)); // the 20th
        await RunTwoInstancesAsync();
        await RunTwoInstancesAsync();
        Assert.Equal(1, await InboxAsync(idle, NotificationCategory.Study));
        Assert.Equal(0, await InboxAsync(busy, NotificationCategory.Study));
        var month = app.Clock.MonthInChina();
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.Notifications.CountAsync(n => n.OnceKey!.StartsWith("study:") && n.OnceKey.EndsWith(":" + month))
            )
        );
    }

    private async Task<Member> ProbationaryAsync(Organization branch, string name, DateOnly joinedOn)
    {
        var m = await app.AddMemberAsync(branch, name);
        await app.WithDbAsync(db =>
            db.Members.Where(x => x.Id == m.Id)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(x => x.Status, MemberStatus.Probationary).SetProperty(x => x.JoinedOn, joinedOn)
                )
        );
        return m;
    }

    /// <summary>A member of <paramref name="org"/> whose account administers it.</summary>
    private async Task<Member> AdministratorAsync(Organization org, string name)
    {
        var m = await app.AddMemberAsync(org, name);
        await app.AddAccountAsync(TestApp.NewCard(), m, administers: [org]);
        return m;
    }

    private async Task<Guid> AttemptAsync(Exam exam, Organization branch, Member m)
    {
        var account = await app.AddAccountAsync(TestApp.NewCard(), m);
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var a = new Attempt
            {
                Id = Guid.NewGuid(),
                ExamId = exam.Id,
                MemberId = m.Id,
                AccountId = account.Id,
                OrganizationId = branch.Id,
                Number = 1,
                StartedAt = now,
                Deadline = now.AddMinutes(30),
                SubmittedAt = now,
                State = AttemptState.AwaitingReview,
                MaxScore = exam.TotalPoints,
            };
            db.Attempts.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
    }
}
