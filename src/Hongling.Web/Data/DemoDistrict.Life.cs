using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

public sealed partial class DemoDistrict
{
    internal static readonly (ActivityKind Kind, string Topic)[] ActivityTopics =
    [
        (ActivityKind.BranchMeeting, "学习贯彻党的二十届四中全会精神"),
        (ActivityKind.PartyLesson, "十分钟党课:学党章 守党规"),
        (ActivityKind.ThemeDay, "主题党日:重温入党誓词"),
        (ActivityKind.Volunteer, "社区环境整治志愿服务"),
        (ActivityKind.CommitteeMeeting, "研究年度发展党员工作"),
        (ActivityKind.GroupMeeting, "党小组学习交流"),
    ];

    /// <summary>Organization life in the first two branches of each town and in the organs: three past
    /// activities with about four in five present and one in ten on leave, and one in two days' time, so
    /// the attendance pages and the members' home page have something to show. Seeded per branch.</summary>
    private async Task AddActivitiesAsync(List<Organization> branches, DateTime now, CancellationToken ct)
    {
        var chosen = branches
            .Where(b => b.Code.EndsWith("B001") || b.Code.EndsWith("B002") || b.Code.StartsWith('G'))
            .Take(40)
            .ToList();
        var ids = chosen.Select(b => b.Id).ToList();
        var members = (
            await db
                .Members.Where(m => ids.Contains(m.OrganizationId))
                .Select(m => new { m.Id, m.OrganizationId })
                .ToListAsync(ct)
        ).ToLookup(m => m.OrganizationId, m => m.Id);
        var morning = now.Date.AddHours(1); // 09:00 in China
        foreach (var branch in chosen)
        {
            var rng = new Random(branch.Code.Aggregate(23, (h, c) => h * 31 + c));
            for (var i = 0; i < 4; i++)
            {
                var (kind, topic) = ActivityTopics[rng.Next(ActivityTopics.Length)];
                var startsAt = i == 3 ? morning.AddDays(2) : morning.AddDays(-(10 + 25 * i + rng.Next(0, 7)));
                var past = startsAt < now;
                var activity = new Activity
                {
                    OrganizationId = branch.Id,
                    AudiencePath = branch.Path,
                    Kind = kind,
                    Topic = topic,
                    Place = branch.Name[..Math.Min(4, branch.Name.Length)] + "党员活动室",
                    StartsAt = startsAt,
                    EndsAt = startsAt.AddHours(2),
                    CreatedAt = startsAt.AddDays(-5),
                    CreatedBy = "演示数据",
                    Minutes = past ? $"<p>{topic}。会议由支部书记主持,与会党员结合实际作了交流发言。</p>" : null,
                };
                foreach (var memberId in members[branch.Id])
                {
                    var roll = rng.Next(100);
                    var present = past && roll < 80;
                    var leave = !present && roll < 90 && (past || roll < 20);
                    activity.Participants.Add(
                        new ActivityParticipant
                        {
                            MemberId = memberId,
                            OrganizationId = branch.Id,
                            Reply =
                                leave ? ParticipantReply.Leave
                                : present ? ParticipantReply.Confirmed
                                : ParticipantReply.Pending,
                            LeaveReason = leave ? "外出务工" : null,
                            RepliedAt = leave || present ? startsAt.AddDays(-1) : null,
                            CheckedInAt = present ? startsAt.AddMinutes(rng.Next(-20, 10)) : null,
                            CheckInMethod = present ? CheckInMethod.QrCode : null,
                        }
                    );
                }
                db.Activities.Add(activity);
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
