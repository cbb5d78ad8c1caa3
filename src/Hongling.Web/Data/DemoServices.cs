using Hongling.Web.Domain;
using Hongling.Web.Features.Aid;
using Hongling.Web.Features.Bookings;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>Member services for the demo district, so that every 党员服务 page shows something on first start: 东城街道
/// offers a study room, legal consultations and a course with bookings in the coming days; two funds with a ledger
/// and applications in review, paid and returned, and a visit; the red lecture hall with a course under way and one
/// still open for enrolment; volunteer projects, one done with confirmed hours. About a hundred rows.</summary>
public static class DemoServices
{
    private const string By = "演示数据";

    public static async Task AddAsync(HonglingDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var district = await db.Organizations.FirstAsync(o => o.Depth == 0, ct);
        var town = await db.Organizations.FirstAsync(o => o.Code == "T001", ct);
        var branch = await db.Organizations.FirstAsync(o => o.Code == "T001B001", ct);
        // The demo member (card 1000000004) is the branch's third member: they appear in every list below.
        var members = await db
            .Members.Where(m => m.OrganizationId == branch.Id)
            .OrderBy(m => m.Id)
            .Take(8)
            .Select(m => new { m.Id, m.Name })
            .ToListAsync(ct);
        AddBookings(db, clock, town, branch, [.. members.Select(m => m.Id)], now);
        await db.SaveChangesAsync(ct);
        await AddAidAsync(db, clock, district, town, branch, [.. members.Select(m => (m.Id, m.Name))], now, ct);
        await AddLecturesAsync(db, town, branch, [.. members.Select(m => (m.Id, m.Name))], now, ct);
        AddVolunteering(db, town, branch, [.. members.Select(m => m.Id)], now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static BookableResource Resource(
        Organization town,
        BookableKind kind,
        string name,
        string? expert,
        int capacity,
        int weekdays,
        int opens,
        int closes,
        int minutes,
        DateTime now
    ) =>
        new()
        {
            OrganizationId = town.Id,
            AudiencePath = town.Path,
            Kind = kind,
            Name = name,
            Place = "东城街道党群服务中心",
            Expert = expert,
            Field = kind == BookableKind.Consultation ? ConsultationField.Legal : null,
            Capacity = capacity,
            Weekdays = weekdays,
            OpensAt = new TimeOnly(opens, 0),
            ClosesAt = new TimeOnly(closes, 0),
            SlotMinutes = minutes,
            CancelHoursBefore = 12,
            CreatedAt = now,
        };

    /// <summary>A room, legal consultations and a course; each taken in a few of its slots of the next days.</summary>
    private static void AddBookings(
        HonglingDb db,
        TimeProvider clock,
        Organization town,
        Organization branch,
        List<int> members,
        DateTime now
    )
    {
        BookableResource[] resources =
        [
            Resource(town, BookableKind.Room, "党员学习室", null, 20, 31, 9, 17, 60, now),
            Resource(town, BookableKind.Consultation, "法律咨询", "王律师", 1, 127, 14, 17, 30, now),
            Resource(town, BookableKind.Course, "党务知识培训班", "区委党校李老师", 15, 127, 9, 11, 120, now),
        ];
        db.BookableResources.AddRange(resources);
        var today = clock.TodayInChina();
        foreach (var (r, i) in resources.Select((r, i) => (r, i)))
        {
            var slots = Enumerable.Range(1, 14).SelectMany(d => BookingSlots.StartsOn(r, today.AddDays(d))).Take(3);
            foreach (var (slot, j) in slots.Select((s, j) => (s, j)))
                for (var seat = 1; seat <= (r.Kind == BookableKind.Course ? 4 : 1); seat++)
                    db.Bookings.Add(
                        new Booking
                        {
                            Resource = r,
                            StartsAt = slot,
                            EndsAt = slot.AddMinutes(r.SlotMinutes),
                            Seat = seat,
                            People = r.Kind == BookableKind.Room ? 6 : 1,
                            MemberId = members[(i + j + seat) % members.Count],
                            OrganizationId = branch.Id,
                            BookedAt = now.AddDays(-1),
                            BookedBy = By,
                        }
                    );
        }
    }

    private static async Task AddAidAsync(
        HonglingDb db,
        TimeProvider clock,
        Organization district,
        Organization town,
        Organization branch,
        List<(int Id, string Name)> members,
        DateTime now,
        CancellationToken ct
    )
    {
        var mutual = new Fund
        {
            OrganizationId = district.Id,
            AudiencePath = district.Path,
            Name = "党员互助金",
            Kind = FundKind.MutualAid,
            ReviewLevels = "Branch,Unit,Fund",
            CreatedAt = now.AddMonths(-6),
        };
        var tuition = new Fund
        {
            OrganizationId = town.Id,
            AudiencePath = town.Path,
            Name = "东城街道学历教育补助",
            Kind = FundKind.Tuition,
            TuitionPercent = 10m,
            ReviewLevels = "Branch,Fund",
            CreatedAt = now.AddMonths(-6),
        };
        db.Funds.AddRange(mutual, tuition);
        await db.SaveChangesAsync(ct);
        var ledger = new FundLedger(db, clock);
        ledger.Add(mutual, new(FundEntryKind.Deposit, 200_000m, "区财政拨付党员互助金"));
        ledger.Add(mutual, new(FundEntryKind.Deposit, 36_850m, "全区党员自愿捐款"));
        ledger.Add(tuition, new(FundEntryKind.Deposit, 50_000m, "街道党工委划拨"));
        await db.SaveChangesAsync(ct);

        var pdf = "%PDF-1.4\n%%EOF"u8.ToArray();
        (int Id, string Name) M(int i) => members[i % members.Count];
        AidApplication Application(
            Fund fund,
            (int Id, string Name) m,
            AidKind kind,
            decimal asked,
            string reason,
            int days
        ) =>
            new()
            {
                Fund = fund,
                MemberId = m.Id,
                OrganizationId = branch.Id,
                Kind = kind,
                AmountAsked = asked,
                Reason = reason,
                FeeAmount = kind == AidKind.Tuition ? asked * 10 : null,
                CreatedAt = now.AddDays(-days),
                CreatedBy = m.Name,
                Attachments =
                [
                    new AidAttachment
                    {
                        FileName = "证明材料.pdf",
                        ContentType = "application/pdf",
                        Content = pdf,
                    },
                ],
            };
        AidReview Review(int order, ReviewLevel level, Organization org, ReviewDecision d, decimal? amount, int days) =>
            new()
            {
                Order = order,
                Level = level,
                ReviewerOrgId = org.Id,
                ReviewerPath = org.Path,
                Decision = d,
                Amount = amount,
                DecidedBy = d == ReviewDecision.Pending ? null : By,
                DecidedAt = d == ReviewDecision.Pending ? null : now.AddDays(-days),
                Comment = d == ReviewDecision.Returned ? "请补充医院出具的费用清单" : null,
            };

        var waiting = Application(mutual, M(2), AidKind.Emergency, 3000m, "家人突发重病住院,医疗费用负担较重", 2);
        // It waits for the district (1000000001), so the branch's and the town's queues start empty.
        waiting.Reviews =
        [
            Review(1, ReviewLevel.Branch, branch, ReviewDecision.Approved, 3000m, 1),
            Review(2, ReviewLevel.Unit, town, ReviewDecision.Approved, 2500m, 1),
            Review(3, ReviewLevel.Fund, district, ReviewDecision.Pending, null, 0),
        ];
        (waiting.Status, waiting.Step, waiting.ReviewerPath) = (AidStatus.InReview, 3, district.Path);
        var paid = Application(mutual, M(4), AidKind.Emergency, 2000m, "房屋遭受暴雨损毁,急需修缮", 20);
        paid.Reviews =
        [
            Review(1, ReviewLevel.Branch, branch, ReviewDecision.Approved, 2000m, 18),
            Review(2, ReviewLevel.Unit, town, ReviewDecision.Approved, 1500m, 16),
            Review(3, ReviewLevel.Fund, district, ReviewDecision.Approved, 1500m, 15),
        ];
        (paid.Status, paid.Step, paid.ApprovedAmount) = (AidStatus.Paid, 4, 1500m);
        var returned = Application(tuition, M(5), AidKind.Tuition, 680m, "在职攻读本科学历,申请学费资助", 10);
        returned.Reviews =
        [
            Review(1, ReviewLevel.Branch, branch, ReviewDecision.Returned, null, 8),
            Review(2, ReviewLevel.Fund, town, ReviewDecision.Pending, null, 0),
        ];
        (returned.Status, returned.Step, returned.ReturnReason) = (AidStatus.Returned, 1, "请补充学校出具的学费收据");
        db.AidApplications.AddRange(waiting, paid, returned);
        await db.SaveChangesAsync(ct);
        ledger.Add(
            mutual,
            new(FundEntryKind.Payment, -1500m, AidDesk.PaymentNote(paid, null), paid.Id, clock.MonthInChina())
        );

        var visit = new Visit
        {
            MemberId = M(6).Id,
            OrganizationId = branch.Id,
            On = clock.TodayInChina().AddDays(-5),
            Visitors = "街道党工委书记、支部书记",
            Given = "米、油和慰问金",
            Cash = 500m,
            FundId = mutual.Id,
            RecordedAt = now.AddDays(-5),
            RecordedBy = By,
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        ledger.Add(mutual, new(FundEntryKind.Payment, -500m, $"走访慰问 {M(6).Name}", VisitId: visit.Id));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A course for new members under way (its first session past, attended by most) and a lecture
    /// series still open, which the demo member can enrol in and cancel.</summary>
    private static async Task AddLecturesAsync(
        HonglingDb db,
        Organization town,
        Organization branch,
        List<(int Id, string Name)> members,
        DateTime now,
        CancellationToken ct
    )
    {
        var morning = now.Date.AddHours(1); // 09:00 in China
        LectureCourse Course(string title, int seats, int sessions, int firstDay) =>
            new()
            {
                OrganizationId = town.Id,
                AudiencePath = town.Path,
                Title = title,
                Target = LectureTarget.AllMembers,
                Seats = seats,
                CompletionSessions = 2,
                CreatedAt = now.AddDays(-20),
                CreatedBy = By,
                Sessions =
                [
                    .. Enumerable
                        .Range(1, sessions)
                        .Select(n => new LectureSession
                        {
                            Number = n,
                            Topic = $"第{n}讲",
                            Place = "东城街道党群服务中心报告厅",
                            StartsAt = morning.AddDays(firstDay + 7 * (n - 1)),
                            EndsAt = morning.AddDays(firstDay + 7 * (n - 1)).AddHours(2),
                        }),
                ],
            };
        var running = Course("党员教育培训班:学党章 守党规", 30, 3, -3);
        var open = Course("红色讲坛:党史学习教育专题讲座", 50, 2, 5);
        db.LectureCourses.AddRange(running, open);
        var enrolments = members
            .Take(6)
            .Select(
                (m, i) =>
                    new LectureEnrolment
                    {
                        Course = running,
                        OrganizationId = branch.Id,
                        MemberId = m.Id,
                        Name = m.Name,
                        SeatNumber = i + 1,
                        EnrolledAt = now.AddDays(-10),
                    }
            )
            .ToList();
        db.LectureEnrolments.AddRange(enrolments);
        await db.SaveChangesAsync(ct);
        db.LectureAttendance.AddRange(
            enrolments
                .Take(5)
                .Select(e => new LectureAttendance
                {
                    EnrolmentId = e.Id,
                    SessionId = running.Sessions[0].Id,
                    At = morning.AddDays(-3).AddMinutes(-10),
                    Method = CheckInMethod.QrCode,
                })
        );
    }

    private static void AddVolunteering(
        HonglingDb db,
        Organization town,
        Organization branch,
        List<int> members,
        DateTime now
    )
    {
        var morning = now.Date.AddHours(1);
        VolunteerProject Project(string title, string place, int days, int? capacity) =>
            new()
            {
                OrganizationId = town.Id,
                AudiencePath = town.Path,
                Title = title,
                Place = place,
                StartsAt = morning.AddDays(days),
                EndsAt = morning.AddDays(days).AddHours(3),
                Capacity = capacity,
                CreatedAt = now.AddDays(-30),
                CreatedBy = By,
            };
        var done = Project("社区环境整治志愿服务", "东城街道各社区", -12, null);
        var coming = Project("敬老院义务劳动", "东城街道敬老院", 6, 10);
        db.VolunteerProjects.AddRange(done, coming);
        foreach (var (m, i) in members.Select((m, i) => (m, i)))
        {
            db.VolunteerSignUps.Add(
                new VolunteerSignUp
                {
                    Project = done,
                    MemberId = m,
                    OrganizationId = branch.Id,
                    SignedUpAt = now.AddDays(-20),
                    Hours = i % 3 == 0 ? 2.5m : 3m,
                    ConfirmedAt = now.AddDays(-11),
                    ConfirmedBy = By,
                }
            );
            if (i < 3)
                db.VolunteerSignUps.Add(
                    new VolunteerSignUp
                    {
                        Project = coming,
                        MemberId = m,
                        OrganizationId = branch.Id,
                        SignedUpAt = now.AddDays(-2),
                        Place = i + 1,
                    }
                );
        }
    }
}
