using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure;

/// <summary>The save check's own-row rule: a member who administers nothing may add their own
/// <see cref="IMemberCreated"/> rows in their own branch and change the [MemberSets] properties of their own
/// rows. Everything else a member tries to write is refused as outside the scope.</summary>
public sealed class MemberOwnWriteTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Setup(Organization Town, Organization Branch, Member Me, Member Other, int ParticipantId);

    private async Task<Setup> SetupAsync(string town)
    {
        var (t, branch) = await app.AddTownAsync(town);
        var me = await app.AddMemberAsync(branch, "本人");
        var other = await app.AddMemberAsync(branch, "同支部");
        var participant = await app.WithDbAsync(async db =>
        {
            var at = new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
            var activity = new Activity
            {
                OrganizationId = branch.Id,
                AudiencePath = branch.Path,
                Kind = ActivityKind.ThemeDay,
                Topic = "主题党日",
                Place = "会议室",
                StartsAt = at,
                EndsAt = at.AddHours(2),
                CreatedBy = "书记",
            };
            var row = new ActivityParticipant
            {
                Activity = activity,
                MemberId = me.Id,
                OrganizationId = branch.Id,
            };
            db.ActivityParticipants.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        return new Setup(t, branch, me, other, participant);
    }

    /// <summary>Runs <paramref name="write"/> as the member (no administered subtree) and saves.</summary>
    private async Task SaveAsMemberAsync(Setup s, Func<HonglingDb, Task> write)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([], s.Me.Id, s.Branch.Path, "member-account", "本人");
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        await write(db);
        await db.SaveChangesAsync();
    }

    private static ThoughtReport Report(int memberId, int orgId) =>
        new()
        {
            MemberId = memberId,
            OrganizationId = orgId,
            Title = "思想汇报",
            Text = "内容",
            SubmittedAt = DateTime.UtcNow,
        };

    [Fact]
    public async Task Member_AddsTheirOwnReport_InTheirOwnBranch()
    {
        var s = await SetupAsync("本人写入");
        await SaveAsMemberAsync(s, db =>
        {
            db.ThoughtReports.Add(Report(s.Me.Id, s.Branch.Id));
            return Task.CompletedTask;
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.ThoughtReports.CountAsync(r => r.MemberId == s.Me.Id)));
    }

    [Fact]
    public async Task Member_CannotAddARowForAnotherMember_OrInAnotherOrganization()
    {
        var s = await SetupAsync("冒名写入");
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => SaveAsMemberAsync(s, db =>
            {
                db.ThoughtReports.Add(Report(s.Other.Id, s.Branch.Id));
                return Task.CompletedTask;
            }));
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => SaveAsMemberAsync(s, db =>
            {
                db.ThoughtReports.Add(Report(s.Me.Id, s.Town.Id));
                return Task.CompletedTask;
            }));
    }

    [Fact]
    public async Task Member_CannotCreate_WhatOnlyAdministratorsRecord()
    {
        var s = await SetupAsync("代缴党费");
        // Dues are the member's own rows (IMemberOwned) but recorded by the branch: not IMemberCreated.
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => SaveAsMemberAsync(s, db =>
            {
                db.DuesPayments.Add(
                    new DuesPayment
                    {
                        MemberId = s.Me.Id,
                        OrganizationId = s.Branch.Id,
                        Month = 202606,
                        Amount = 10m,
                        PaidOn = new DateOnly(2026, 6, 1),
                        RecordedBy = "本人",
                    }
                );
                return Task.CompletedTask;
            }));
    }

    [Fact]
    public async Task Member_ChangesTheirAnswer_ButNoOtherPropertyOfTheirRow()
    {
        var s = await SetupAsync("回复活动");
        await SaveAsMemberAsync(s, async db =>
        {
            var row = await db.ActivityParticipants.SingleAsync(p => p.Id == s.ParticipantId);
            (row.Reply, row.RepliedAt) = (ParticipantReply.Confirmed, DateTime.UtcNow);
        });
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => SaveAsMemberAsync(s, async db =>
            {
                var row = await db.ActivityParticipants.SingleAsync(p => p.Id == s.ParticipantId);
                row.MemberId = s.Other.Id;
            }));
        var report = await app.WithDbAsync(async db =>
        {
            var r = Report(s.Me.Id, s.Branch.Id);
            db.ThoughtReports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        // A comment is the secretary's, on the member's own report.
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => SaveAsMemberAsync(s, async db =>
            {
                var row = await db.ThoughtReports.SingleAsync(r => r.Id == report);
                row.Comment = "自评优秀";
            }));
        // Nor may a member delete their own row.
        await Assert.ThrowsAsync<OrgScopeViolationException>(() =>
            SaveAsMemberAsync(s, async db =>
                db.ThoughtReports.Remove(await db.ThoughtReports.SingleAsync(r => r.Id == report))
            )
        );
    }

    [Fact]
    public async Task Member_DeletesTheirOwnCancellableRow_ButNotAnothersEnrolment()
    {
        var s = await SetupAsync("退课");
        var (mine, others) = await app.WithDbAsync(async db =>
        {
            var course = new LectureCourse
            {
                OrganizationId = s.Town.Id,
                AudiencePath = s.Town.Path,
                Title = "新党员培训",
                Target = LectureTarget.AllMembers,
                Seats = 5,
                CompletionSessions = 1,
                CreatedBy = "组织委员",
            };
            LectureEnrolment Seat(Member m, int n) =>
                new()
                {
                    Course = course,
                    OrganizationId = s.Branch.Id,
                    MemberId = m.Id,
                    Name = m.Name,
                    SeatNumber = n,
                };
            var (a, b) = (Seat(s.Me, 1), Seat(s.Other, 2));
            db.LectureEnrolments.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => SaveAsMemberAsync(s, async db =>
            {
                var row = await db.LectureEnrolments.IgnoreQueryFilters().SingleAsync(e => e.Id == others);
                db.LectureEnrolments.Remove(row);
            }));
        await SaveAsMemberAsync(s, async db =>
            db.LectureEnrolments.Remove(await db.LectureEnrolments.SingleAsync(e => e.Id == mine))
        );
        Assert.Equal(
            [others],
            await app.WithDbAsync(db =>
                db.LectureEnrolments.Where(e => e.Id == mine || e.Id == others).Select(e => e.Id).ToListAsync()
            )
        );
    }
}
