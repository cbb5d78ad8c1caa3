using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>A year of history for the demo district, so that every statistic, ranking and chart shows something on
/// first start: per member, days of credited study and sign-ins; per branch, activities with attendance, notices and
/// work updates; per unit, submissions (some adopted); thought reports from probationary members. Each unit (the
/// district's direct children) has its own vigour, from good to poor, and its branches and members vary around it,
/// so rankings differ. Study days carry sums only (no minute keys): 学习明细 shows them as history without detail.
/// Fixed seed, inserted in bulk (<see cref="HonglingDb.InsertManyAsync{T}"/>).</summary>
public static class DemoHistory
{
    private const string By = "演示数据";
    private const int Batch = 50_000;

    private sealed record Person(int Id, int OrganizationId, MemberStatus Status, double Diligence);

    public static async Task<int> AddAsync(
        HonglingDb db,
        IReadOnlyList<Organization> orgs,
        DateTime now,
        CancellationToken ct
    )
    {
        var rng = new Random(20261206);
        var root = orgs.Single(o => o.ParentId == null);
        // Units ordered by code get vigour spread evenly from good to poor, in a shuffled (seeded) order.
        var units = orgs.Where(o => o.ParentId == root.Id).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var levels = Enumerable
            .Range(0, units.Count)
            .Select(i => 0.95 - 0.8 * i / Math.Max(1, units.Count - 1))
            .OrderBy(_ => rng.Next())
            .ToList();
        var unitVigour = units.Select((u, i) => (u.Path, levels[i])).ToList();
        double UnitOf(Organization o) =>
            unitVigour.FirstOrDefault(u => o.Path.StartsWith(u.Path, StringComparison.Ordinal)).Item2;
        double VigourOf(Organization o) => Math.Clamp(UnitOf(o) * (0.7 + 0.6 * rng.NextDouble()), 0.05, 1);
        var branches = orgs.Where(o => o.KeepsMembers).ToDictionary(o => o.Id, VigourOf);
        double PersonVigour(int branch) =>
            Math.Clamp(branches.GetValueOrDefault(branch, 0.5) * (0.4 + 1.2 * rng.NextDouble()), 0, 1);
        var people = (
            await db
                .Members.OrderBy(m => m.Id)
                .Select(m => new
                {
                    m.Id,
                    m.OrganizationId,
                    m.Status,
                })
                .ToListAsync(ct)
        ).Select(m => new Person(m.Id, m.OrganizationId, m.Status, PersonVigour(m.OrganizationId))).ToList();

        var today = DateOnly.FromDateTime(now + ChinaTime.Offset);
        var months = Enumerable
            .Range(0, 12)
            .Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(i - 11))
            .ToList();
        DateTime At(DateOnly day) =>
            DateTime.SpecifyKind(
                day.ToDateTime(new TimeOnly(rng.Next(7, 22), rng.Next(60))) - ChinaTime.Offset,
                DateTimeKind.Utc
            );
        // A day of the month, not after today.
        DateOnly DayIn(DateOnly month) =>
            month.AddDays(
                rng.Next(
                    Math.Max(
                        1,
                        Math.Min(DateTime.DaysInMonth(month.Year, month.Month), today.DayNumber - month.DayNumber + 1)
                    )
                )
            );

        var added = 0;
        var days = new List<StudyDay>();
        var signIns = new List<SignInRecord>();
        var reports = new List<ThoughtReport>();
        foreach (var p in people)
        foreach (var month in months)
        {
            if (rng.NextDouble() > p.Diligence)
                continue;
            var studied = new HashSet<DateOnly>();
            for (var k = 1 + rng.Next(1 + (int)(p.Diligence * 6)); k > 0; k--)
                studied.Add(DayIn(month));
            foreach (var day in studied)
            {
                var minutes = 3 + rng.Next(5 + (int)(35 * p.Diligence));
                days.Add(
                    new StudyDay
                    {
                        MemberId = p.Id,
                        Day = day,
                        OrganizationId = p.OrganizationId,
                        StudyMinutes = minutes,
                        OnlineMinutes = minutes + rng.Next(2, 25),
                        MaterialsOpened = 1 + rng.Next(2),
                        MaterialsCompleted = rng.NextDouble() < p.Diligence / 2 ? 1 : 0,
                        HiddenSeconds = rng.Next(0, 400),
                        IdleSeconds = rng.Next(0, 600),
                    }
                );
                signIns.Add(
                    new SignInRecord
                    {
                        At = At(day),
                        CardNumber = $"9{p.Id:D9}",
                        MemberId = p.Id,
                        Succeeded = true,
                        RemoteIp = "10.0.0.1",
                    }
                );
            }
            if (p.Status == MemberStatus.Probationary && rng.NextDouble() < p.Diligence)
                reports.Add(
                    new ThoughtReport
                    {
                        MemberId = p.Id,
                        OrganizationId = p.OrganizationId,
                        Title = $"{month.Month}月思想汇报",
                        SubmittedAt = At(DayIn(month)),
                        Text = "本月认真学习党章党规,积极参加组织生活,努力发挥党员作用。",
                    }
                );
            if (days.Count >= Batch)
                added += await FlushAsync(db, days, ct);
        }
        added += await FlushAsync(db, days, ct);
        // A sign-in record keeps the branch path of its member at the time (not a stamped row).
        var paths = orgs.ToDictionary(o => o.Id, o => o.Path);
        var memberBranch = people.ToDictionary(p => p.Id, p => p.OrganizationId);
        foreach (var s in signIns)
            s.OrgPath = paths[memberBranch[s.MemberId!.Value]];
        foreach (var chunk in signIns.Chunk(Batch))
            added += await db.InsertManyAsync(chunk, ct);
        added += await db.InsertManyAsync(reports, ct);
        added += await AddOrgLifeAsync(db, rng, orgs, branches, people, months, today, At, DayIn, ct);
        var submissions = Submissions(rng, [.. units.Select((u, i) => (u, levels[i]))], months, At, DayIn, At(today));
        return added + await db.InsertManyAsync(submissions, ct);
    }

    private static async Task<int> AddOrgLifeAsync(
        HonglingDb db,
        Random rng,
        IReadOnlyList<Organization> orgs,
        Dictionary<int, double> branches,
        List<Person> people,
        List<DateOnly> months,
        DateOnly today,
        Func<DateOnly, DateTime> at,
        Func<DateOnly, DateOnly> dayIn,
        CancellationToken ct
    )
    {
        var byBranch = people.ToLookup(p => p.OrganizationId);
        var activities = new List<Activity>();
        var notices = new List<Notice>();
        var updates = new List<WorkUpdate>();
        var now = at(today);
        foreach (var b in orgs.Where(o => o.KeepsMembers))
        {
            var vigour = branches[b.Id];
            foreach (var month in months)
            {
                for (var k = rng.NextDouble() < vigour ? 1 + (rng.NextDouble() < vigour / 2 ? 1 : 0) : 0; k > 0; k--)
                {
                    var (kind, topic) = DemoDistrict.ActivityTopics[rng.Next(DemoDistrict.ActivityTopics.Length)];
                    var starts = at(dayIn(month));
                    if (starts > now)
                        continue;
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
                if (rng.NextDouble() < vigour * 0.7)
                    notices.Add(
                        new Notice
                        {
                            OrganizationId = b.Id,
                            AudiencePath = b.Path,
                            AudienceIncludesSubtree = true,
                            Title = $"关于{month.Month}月主题党日安排的通知",
                            Body = "<p>请全体党员按时参加,做好签到。</p>",
                            PublishedAt = at(dayIn(month)),
                            PublishedBy = By,
                        }
                    );
                if (rng.NextDouble() < vigour * 0.5)
                    updates.Add(
                        new WorkUpdate
                        {
                            OrganizationId = b.Id,
                            Kind = WorkUpdateKind.Original,
                            Title = DemoOrgLife.UpdateTitles[rng.Next(DemoOrgLife.UpdateTitles.Length)],
                            Body = $"<p>{b.Name}组织党员集中学习、交流体会。</p>",
                            PublishedAt = at(dayIn(month)),
                            PublishedBy = By,
                        }
                    );
            }
        }
        var added = await db.InsertManyAsync(activities, ct);
        var participants = new List<ActivityParticipant>();
        foreach (var a in activities)
        {
            var present = 0.45 + 0.5 * branches[a.OrganizationId];
            foreach (var p in byBranch[a.OrganizationId])
            {
                var roll = rng.NextDouble();
                var here = roll < present;
                var leave = !here && roll < present + 0.1;
                participants.Add(
                    new ActivityParticipant
                    {
                        ActivityId = a.Id,
                        MemberId = p.Id,
                        OrganizationId = a.OrganizationId,
                        Reply =
                            here ? ParticipantReply.Confirmed
                            : leave ? ParticipantReply.Leave
                            : ParticipantReply.Pending,
                        LeaveReason = leave ? "外出务工" : null,
                        RepliedAt = here || leave ? a.StartsAt.AddDays(-1) : null,
                        CheckedInAt = here ? a.StartsAt.AddMinutes(rng.Next(-20, 10)) : null,
                        CheckInMethod = here ? CheckInMethod.QrCode : null,
                    }
                );
            }
        }
        foreach (var chunk in participants.Chunk(Batch))
            added += await db.InsertManyAsync(chunk, ct);
        return added + await db.InsertManyAsync(notices, ct) + await db.InsertManyAsync(updates, ct);
    }

    /// <summary>Each unit submits around the monthly quota of three, the good ones more; the district adopts
    /// some.</summary>
    private static List<Submission> Submissions(
        Random rng,
        List<(Organization Unit, double Vigour)> units,
        List<DateOnly> months,
        Func<DateOnly, DateTime> at,
        Func<DateOnly, DateOnly> dayIn,
        DateTime now
    )
    {
        var list = new List<Submission>();
        foreach (var (unit, vigour) in units)
        {
            foreach (var month in months.SkipLast(1))
                for (var k = (int)Math.Round(vigour * 4.5 + rng.NextDouble() - 0.5); k > 0; k--)
                {
                    var submitted = at(dayIn(month));
                    var adopted = rng.NextDouble() < 0.4 + 0.4 * vigour && submitted.AddDays(1) < now;
                    var place = unit.Name.Replace("党委", "").Replace("党工委", "");
                    list.Add(
                        new Submission
                        {
                            OrganizationId = unit.Id,
                            Title = string.Format(
                                DemoOrgLife.NewsTitles[rng.Next(DemoOrgLife.NewsTitles.Length)],
                                place
                            ),
                            Body = "<p>该单位坚持把党的建设贯穿工作全过程,党员先锋模范作用得到充分发挥。</p>",
                            Author = "通讯员",
                            SubmittedAt = submitted,
                            SubmittedBy = By,
                            State = adopted ? SubmissionState.Adopted : SubmissionState.Submitted,
                            DecidedAt = adopted ? submitted.AddDays(1) : null,
                            DecidedBy = adopted ? "区委组织部" : null,
                        }
                    );
                }
        }
        return list;
    }

    private static async Task<int> FlushAsync<T>(HonglingDb db, List<T> rows, CancellationToken ct)
        where T : class
    {
        var n = rows.Count == 0 ? 0 : await db.InsertManyAsync(rows, ct);
        rows.Clear();
        return n;
    }
}
