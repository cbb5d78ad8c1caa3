using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>Viewing sessions for the demo district's sites (whatever sites exist), for last month and the eleven
/// before it, so that 站点使用统计 and its trend are not empty: most sites in use meet the 240-minute rule, some fall
/// short, a few record nothing last month, about one in seven enters its sessions by hand (手工录入), a few of last
/// month's records arrived late, and one site shows a chased pattern (the same minute every evening, nobody
/// attending, one courseware, one session of ten hours, most of it in the month's last days). The sessions carry no
/// terminal or hash chain: they stand for what terminals and operators reported.</summary>
public static class DemoViewing
{
    internal static readonly string[] Courseware =
    [
        "党的二十大精神解读",
        "新时代农村基层党建",
        "乡村振兴实用技术:柑橘种植",
        "生猪健康养殖技术",
        "党章学习辅导",
        "廉洁从政警示教育",
        "农村电商入门",
        "基层党组织书记履职能力",
        "安全生产知识讲座",
        "法律进乡村",
        "家庭农场经营管理",
        "红色故事汇",
    ];

    /// <summary>Adds the sessions; returns how many. Expects the caller's context to have no pending changes.</summary>
    public static async Task<int> AddAsync(HonglingDb db, DateTime now, CancellationToken ct = default)
    {
        var sites = await db
            .Sites.Where(s => s.Status == SiteStatus.InUse)
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.OrganizationId })
            .ToListAsync(ct);
        if (sites.Count == 0)
            return 0;
        var rng = new Random(20261204);
        var today = DateOnly.FromDateTime(now + ChinaTime.Offset);
        var lastMonth = today.AddDays(1 - today.Day).AddMonths(-1);
        var chased = sites[sites.Count / 2].Id;
        var rows = new List<ViewingSession>();
        foreach (var (site, i) in sites.Select((s, i) => (s, i)))
        {
            var manual = i % 7 == 3;
            var lateOne = i % 40 == 5;
            // 1 in 25 short of the rule, 1 in 30 records nothing last month (but did before).
            var profile =
                i % 30 == 7 ? 0
                : i % 25 == 11 ? 1
                : 2;
            for (var back = 0; back < 12; back++)
            {
                var month = lastMonth.AddMonths(-back);
                if (site.Id == chased && back == 0)
                {
                    rows.AddRange(Chased(site.Id, site.OrganizationId, month));
                    continue;
                }
                var sessions =
                    back == 0 && profile == 0 ? 0
                    : profile == 1 ? rng.Next(1, 4)
                    : rng.Next(4, 9);
                var days = Enumerable
                    .Range(1, DateTime.DaysInMonth(month.Year, month.Month))
                    .OrderBy(_ => rng.Next())
                    .Take(sessions)
                    .Order();
                foreach (var day in days)
                {
                    var start =
                        new DateTime(
                            month.Year,
                            month.Month,
                            day,
                            rng.Next(8, 21),
                            rng.Next(0, 4) * 15,
                            0,
                            DateTimeKind.Utc
                        ) - ChinaTime.Offset;
                    var late = back == 0 && lateOne;
                    lateOne &= !late;
                    rows.Add(
                        Session(
                            site.Id,
                            site.OrganizationId,
                            start,
                            rng.Next(40, 100),
                            Courseware[rng.Next(Courseware.Length)],
                            rng.Next(0, 10) == 0 ? null : rng.Next(3, 30),
                            manual,
                            late
                        )
                    );
                }
            }
        }
        await db.InsertManyAsync(rows, ct);
        return rows.Count;
    }

    private static IEnumerable<ViewingSession> Chased(int siteId, int orgId, DateOnly month)
    {
        var last = DateTime.DaysInMonth(month.Year, month.Month);
        for (var day = last - 9; day <= last; day++)
            yield return Session(
                siteId,
                orgId,
                new DateTime(month.Year, month.Month, day, 20, 0, 0, DateTimeKind.Utc) - ChinaTime.Offset,
                60,
                Courseware[0],
                null,
                false,
                false
            );
        yield return Session(
            siteId,
            orgId,
            new DateTime(month.Year, month.Month, last - 1, 8, 0, 0, DateTimeKind.Utc) - ChinaTime.Offset,
            600,
            Courseware[0],
            0,
            false,
            false
        );
    }

    internal static ViewingSession Session(
        int siteId,
        int orgId,
        DateTime start,
        int minutes,
        string courseware,
        int? attendees,
        bool manual,
        bool late
    )
    {
        var china = start + ChinaTime.Offset;
        return new ViewingSession
        {
            SiteId = siteId,
            OrganizationId = orgId,
            ClientId = Guid.NewGuid().ToString("N"),
            StartedAt = start,
            EndedAt = start.AddMinutes(minutes),
            Month = china.Year * 100 + china.Month,
            Courseware = courseware,
            AttendeeCount = attendees,
            Manual = manual,
            EnteredBy = manual ? "站点操作员" : null,
            Late = late,
            ReceivedAt = late ? start.AddDays(40) : start.AddMinutes(minutes + 1),
        };
    }
}
