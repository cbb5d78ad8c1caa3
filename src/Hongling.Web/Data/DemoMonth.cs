using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>`seed --month-rows N` (bench/bulletin.sh): one busy month — the previous China month, the one the monthly
/// bulletin reports — of about N rows over the whole district: members' sign-ins (35%; about a third of the members
/// sign in, each several times, each record tied to the member's branch), study sessions (25%), activities with every
/// member of their branch invited and most checked in (30%), viewing sessions of every site in use (10%), and a few
/// work updates, announcements and thought reports. Inserted in batches (<see cref="HonglingDb.InsertManyAsync{T}"/>).
/// Fixed seed: the same every time.</summary>
public static class DemoMonth
{
    private const int Batch = 50_000;
    private const string By = "演示数据";

    private sealed record Person(int Id, int OrganizationId, string OrgPath, MemberStatus Status, string? CardNumber);

    private sealed record Branch(int Id, string Path, string Name);

    /// <summary>Adds the month's rows; returns how many. Expects the caller's context to have no pending
    /// changes.</summary>
    public static async Task<int> AddAsync(HonglingDb db, int rows, DateTime now, CancellationToken ct = default)
    {
        var members = await db
            .Members.OrderBy(m => m.Id)
            .Select(m => new Person(m.Id, m.OrganizationId, m.OrgPath, m.Status, m.CardNumber))
            .ToListAsync(ct);
        var materials = await db.Materials.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var branches = await db
            .Organizations.Where(o => o.Kind == OrgKind.Branch)
            .OrderBy(o => o.Id)
            .Select(o => new Branch(o.Id, o.Path, o.Name))
            .ToListAsync(ct);
        if (members.Count == 0 || branches.Count == 0)
            return 0;
        var rng = new Random(20261210);
        var today = DateOnly.FromDateTime(now + ChinaTime.Offset);
        var month = ChinaTime.PreviousMonth(today.Year * 100 + today.Month);
        var (from, to) = ChinaTime.MonthBounds(month);
        var seconds = (int)(to - from).TotalSeconds;
        DateTime At() => from.AddSeconds(rng.Next(0, seconds - 4 * 3600));
        var added = 0;

        // Sign-ins: a third of the members, about ten times each in the month.
        var active = members.Where((_, i) => i % 3 != 1).Where(_ => rng.Next(2) == 0).ToList();
        added += await InBatchesAsync(
            db,
            rows * 35 / 100,
            i =>
            {
                var m = active[rng.Next(active.Count)];
                var ok = rng.Next(100) < 96;
                return new SignInRecord
                {
                    At = At(),
                    CardNumber = m.CardNumber ?? $"9{m.Id:D9}",
                    MemberId = m.Id,
                    OrgPath = m.OrgPath,
                    Succeeded = ok,
                    Failure = ok ? null : SignInFailure.WrongPassword,
                    RemoteIp = $"10.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}",
                };
            },
            ct
        );

        // Study: sessions of a few minutes to an hour, by the members who sign in.
        if (materials.Count > 0)
            added += await InBatchesAsync(
                db,
                rows / 4,
                i =>
                {
                    var m = active[rng.Next(active.Count)];
                    var opened = At();
                    var beats = rng.Next(4, 240);
                    return new StudySession
                    {
                        Id = Guid.NewGuid(),
                        MemberId = m.Id,
                        MaterialId = materials[rng.Next(materials.Count)],
                        OrganizationId = m.OrganizationId,
                        OpenedAt = opened,
                        FirstBeatAt = opened.AddSeconds(15),
                        LastBeatAt = opened.AddSeconds(15 * beats),
                        ClosedAt = opened.AddSeconds(15 * beats + 5),
                        LastSeq = beats,
                        Beats = beats,
                    };
                },
                ct
            );

        // Activities: each branch about as many as it takes to invite the budget's members (a few branches none).
        var byBranch = members.ToLookup(m => m.OrganizationId);
        var perBranch = Math.Max(1.0, rows * 0.30 / members.Count);
        var activities = new List<Activity>();
        foreach (var b in branches)
            for (var k = rng.Next(0, (int)Math.Round(2 * perBranch) + 1); k > 0; k--)
            {
                var (kind, topic) = DemoDistrict.ActivityTopics[rng.Next(DemoDistrict.ActivityTopics.Length)];
                var starts = At();
                activities.Add(
                    new Activity
                    {
                        OrganizationId = b.Id,
                        AudiencePath = b.Path,
                        Kind = kind,
                        Topic = topic,
                        Place = "党员活动室",
                        StartsAt = starts,
                        EndsAt = starts.AddHours(2),
                        CreatedAt = starts.AddDays(-3),
                        CreatedBy = By,
                        Minutes = $"<p>{topic}。</p>",
                    }
                );
            }
        foreach (var chunk in activities.Chunk(Batch))
            await db.InsertManyAsync(chunk, ct);
        added += activities.Count;
        var participants = new List<ActivityParticipant>(Batch);
        var invited = 0;
        foreach (var a in activities)
        foreach (var m in byBranch[a.OrganizationId])
        {
            var roll = rng.Next(100);
            participants.Add(
                new ActivityParticipant
                {
                    ActivityId = a.Id,
                    MemberId = m.Id,
                    OrganizationId = a.OrganizationId,
                    Reply =
                        roll < 80 ? ParticipantReply.Confirmed
                        : roll < 90 ? ParticipantReply.Leave
                        : ParticipantReply.Pending,
                    LeaveReason = roll is >= 80 and < 90 ? "外出务工" : null,
                    RepliedAt = roll < 90 ? a.StartsAt.AddDays(-1) : null,
                    CheckedInAt = roll < 80 ? a.StartsAt.AddMinutes(rng.Next(-20, 10)) : null,
                    CheckInMethod = roll < 80 ? CheckInMethod.QrCode : null,
                }
            );
            invited++;
            if (participants.Count == Batch)
                await FlushAsync(db, participants, ct);
        }
        await FlushAsync(db, participants, ct);
        added += invited;

        // Viewing sessions of every site in use, as terminals report them.
        var sites = await db
            .Sites.Where(s => s.Status == SiteStatus.InUse)
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.OrganizationId })
            .ToListAsync(ct);
        if (sites.Count > 0)
            added += await InBatchesAsync(
                db,
                rows / 10,
                i =>
                {
                    var site = sites[i % sites.Count];
                    return DemoViewing.Session(
                        site.Id,
                        site.OrganizationId,
                        At(),
                        rng.Next(20, 120),
                        DemoViewing.Courseware[rng.Next(DemoViewing.Courseware.Length)],
                        rng.Next(0, 10) == 0 ? null : rng.Next(3, 30),
                        rng.Next(7) == 3,
                        false
                    );
                },
                ct
            );

        // A little of the rest: a work update from one branch in three, an announcement from one in four, a thought
        // report from half the probationary members.
        var updates = branches
            .Where(_ => rng.Next(3) == 0)
            .Select(b => new WorkUpdate
            {
                OrganizationId = b.Id,
                Kind = WorkUpdateKind.Original,
                Title = b.Name + "开展主题党日活动",
                Body = "<p>全体党员参加。</p>",
                PublishedAt = At(),
                PublishedBy = By,
            })
            .ToList();
        var notices = branches
            .Where(_ => rng.Next(4) == 0)
            .Select(b => new Notice
            {
                OrganizationId = b.Id,
                AudiencePath = b.Path,
                AudienceIncludesSubtree = true,
                Title = "关于开展主题党日的通知",
                Body = "<p>请按时参加。</p>",
                PublishedAt = At(),
                PublishedBy = By,
            })
            .ToList();
        var reports = members
            .Where(m => m.Status == MemberStatus.Probationary && rng.Next(2) == 0)
            .Select(m => new ThoughtReport
            {
                MemberId = m.Id,
                OrganizationId = m.OrganizationId,
                Title = "思想汇报",
                Text = "近一个月来,我认真学习党章党规,积极参加组织生活。",
                SubmittedAt = At(),
            })
            .ToList();
        await db.InsertManyAsync(updates, ct);
        await db.InsertManyAsync(notices, ct);
        await db.InsertManyAsync(reports, ct);
        return added + updates.Count + notices.Count + reports.Count;
    }

    private static async Task<int> InBatchesAsync<T>(HonglingDb db, int count, Func<int, T> row, CancellationToken ct)
        where T : class
    {
        var batch = new List<T>(Math.Min(count, Batch));
        for (var i = 0; i < count; i++)
        {
            batch.Add(row(i));
            if (batch.Count == Batch)
                await FlushAsync(db, batch, ct);
        }
        await FlushAsync(db, batch, ct);
        return count;
    }

    private static async Task FlushAsync<T>(HonglingDb db, List<T> batch, CancellationToken ct)
        where T : class
    {
        if (batch.Count > 0)
            await db.InsertManyAsync(batch, ct);
        batch.Clear();
    }
}
