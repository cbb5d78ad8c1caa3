using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>Study figures of one member or one organization over a period: the sums of StudyDays.</summary>
public sealed record StudyFigures(int StudyMinutes, int Opened, int Completed, int OnlineMinutes)
{
    public static readonly StudyFigures None = new(0, 0, 0, 0);
    public int Score => StudyRules.Score(StudyMinutes, Opened, Completed, OnlineMinutes);
}

/// <summary>One organization's month: its present members, those who studied (credited minutes above
/// zero), the minutes and completed materials of its members.</summary>
public sealed record OrgStudy(
    int Id,
    string Name,
    string Path,
    OrgKind Kind,
    int Depth,
    int Members,
    int Studied,
    int Minutes,
    int Completed
)
{
    public double Share => Members == 0 ? 0 : (double)Studied / Members;
    public double Average => Members == 0 ? 0 : (double)Minutes / Members;
}

/// <summary>One member's month, as the per-member table and its export show it.</summary>
public sealed class MemberStudy
{
    public int MemberId { get; init; }
    public string Name { get; init; } = "";
    public string Branch { get; init; } = "";
    public int Minutes { get; init; }
    public int Opened { get; init; }
    public int Completed { get; init; }
    public int Online { get; init; }
    public int Score => StudyRules.Score(Minutes, Opened, Completed, Online);
}

/// <summary>The statistics of an organization subtree for one China-time month, computed in the database.
/// A member's minutes count where the member is now (present members of the subtree, from the Members
/// table), from the days recorded inside the subtree: the days are one (OrgPath, Day) index range and
/// a member moved in mid-month brings no minutes earned elsewhere.</summary>
public static class StudyStats
{
    public static (DateOnly From, DateOnly To) MonthDays(int month)
    {
        var from = new DateOnly(month / 100, month % 100, 1);
        return (from, from.AddMonths(1));
    }

    /// <summary>One member's sums over their days from <paramref name="from"/> (China-time days): 我的学习 and
    /// the member's home page.</summary>
    public static async Task<StudyFigures> OfMemberSinceAsync(
        HonglingDb db,
        int member,
        DateOnly from,
        CancellationToken ct
    ) =>
        await db
            .StudyDays.Where(d => d.MemberId == member && d.Day >= from)
            .GroupBy(d => d.MemberId)
            .Select(g => new StudyFigures(
                g.Sum(d => d.StudyMinutes),
                g.Sum(d => d.MaterialsOpened),
                g.Sum(d => d.MaterialsCompleted),
                g.Sum(d => d.OnlineMinutes)
            ))
            .FirstOrDefaultAsync(ct)
        ?? StudyFigures.None;

    private static IQueryable<StudyDay> Days(HonglingDb db, string path, int month)
    {
        var (from, to) = MonthDays(month);
        return db.StudyDays.InSubtree(path).Where(d => d.Day >= from && d.Day < to);
    }

    /// <summary>The month's sums per member who has days recorded inside the subtree.</summary>
    private static IQueryable<MemberSums> Sums(HonglingDb db, string path, int month) =>
        Days(db, path, month)
            .GroupBy(d => d.MemberId)
            .Select(g => new MemberSums
            {
                MemberId = g.Key,
                Minutes = g.Sum(d => d.StudyMinutes),
                Opened = g.Sum(d => d.MaterialsOpened),
                Completed = g.Sum(d => d.MaterialsCompleted),
                Online = g.Sum(d => d.OnlineMinutes),
            });

    private sealed class MemberSums
    {
        public int MemberId { get; init; }
        public int? Minutes { get; init; }
        public int? Opened { get; init; }
        public int? Completed { get; init; }
        public int? Online { get; init; }
    }

    /// <summary>Every present member of the subtree with their month's sums (zero when they did not study).</summary>
    public static IQueryable<MemberStudy> Members(HonglingDb db, string path, int month) =>
        from m in db.AdministeredMembers.InSubtree(path)
        join s in Sums(db, path, month) on m.Id equals s.MemberId into joined
        from s in joined.DefaultIfEmpty()
        select new MemberStudy
        {
            MemberId = m.Id,
            Name = m.Name,
            Branch = m.Organization.Name,
            // A member without days joins to nulls (EF cannot test the joined row itself for null).
            Minutes = s!.Minutes ?? 0,
            Opened = s.Opened ?? 0,
            Completed = s.Completed ?? 0,
            Online = s.Online ?? 0,
        };

    /// <summary>The subtree's present members' ids by their month's minutes (most first unless
    /// <paramref name="ascending"/>), then by id. It reads the members' path index and the month's sums only:
    /// sorting the full rows of <see cref="Members"/> read every member row of the subtree (81 ms of SQLite CPU
    /// a page at 20,000 members, against 5 ms for the ids).</summary>
    public static IQueryable<int> RankedIds(HonglingDb db, string path, int month, bool ascending)
    {
        var minutes =
            from m in db.AdministeredMembers.InSubtree(path)
            join s in Sums(db, path, month) on m.Id equals s.MemberId into joined
            from s in joined.DefaultIfEmpty()
            select new { m.Id, Minutes = s!.Minutes ?? 0 };
        var sorted = ascending
            ? minutes.OrderBy(x => x.Minutes).ThenBy(x => x.Id)
            : minutes.OrderByDescending(x => x.Minutes).ThenBy(x => x.Id);
        return sorted.Select(x => x.Id);
    }

    /// <summary>One page of the per-member table in <see cref="RankedIds"/>' order: the ids first, then the rows of
    /// that page alone.</summary>
    public static async Task<IReadOnlyList<MemberStudy>> PageAsync(
        HonglingDb db,
        string path,
        int month,
        bool ascending,
        int skip,
        int take,
        CancellationToken ct
    )
    {
        var ids = await RankedIds(db, path, month, ascending).Skip(skip).Take(take).ToListAsync(ct);
        var rows = await Members(db, path, month)
            .Where(m => ids.Contains(m.MemberId))
            .ToDictionaryAsync(m => m.MemberId, ct);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>The month per organization of the subtree, grouped by the members' organizations in three
    /// aggregate queries; <see cref="RollUp"/> adds them up for every organization of the subtree.</summary>
    public static async Task<IReadOnlyDictionary<int, OrgStudy>> PerOrganizationAsync(
        HonglingDb db,
        string path,
        int month,
        CancellationToken ct
    )
    {
        var members = db.AdministeredMembers.InSubtree(path);
        var counts = await members
            .GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var joined =
            from d in Days(db, path, month)
            join m in members on d.MemberId equals m.Id
            select new
            {
                m.OrganizationId,
                d.MemberId,
                d.StudyMinutes,
                d.MaterialsCompleted,
            };
        var sums = await joined
            .GroupBy(x => x.OrganizationId)
            .Select(g => new
            {
                g.Key,
                Minutes = g.Sum(x => x.StudyMinutes),
                Completed = g.Sum(x => x.MaterialsCompleted),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var studied = await joined
            .Where(x => x.StudyMinutes > 0)
            .Select(x => new { x.OrganizationId, x.MemberId })
            .Distinct()
            .GroupBy(x => x.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var orgs = await db
            .AdministeredOrganizations.InSubtree(path)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Path,
                o.Kind,
                o.Depth,
            })
            .ToListAsync(ct);
        return orgs.ToDictionary(
            o => o.Id,
            o => new OrgStudy(
                o.Id,
                o.Name,
                o.Path,
                o.Kind,
                o.Depth,
                counts.GetValueOrDefault(o.Id),
                studied.GetValueOrDefault(o.Id),
                sums.TryGetValue(o.Id, out var s) ? s.Minutes : 0,
                s?.Completed ?? 0
            )
        );
    }

    /// <summary>Every organization's figures with those of every organization beneath it: each row is added
    /// to itself and its ancestors in the subtree, found by the prefixes of its path.</summary>
    public static IReadOnlyDictionary<int, OrgStudy> RollUp(IReadOnlyDictionary<int, OrgStudy> perOrg)
    {
        var byPath = perOrg.Values.ToDictionary(o => o.Path, o => o.Id, StringComparer.Ordinal);
        var sums = perOrg.Keys.ToDictionary(id => id, _ => new int[4]);
        foreach (var o in perOrg.Values.Where(o => o.Members > 0 || o.Minutes > 0 || o.Completed > 0))
            for (var end = o.Path.IndexOf('/', 1); end > 0; end = o.Path.IndexOf('/', end + 1))
                if (byPath.TryGetValue(o.Path[..(end + 1)], out var ancestor))
                {
                    var s = sums[ancestor];
                    s[0] += o.Members;
                    s[1] += o.Studied;
                    s[2] += o.Minutes;
                    s[3] += o.Completed;
                }
        return perOrg.Values.ToDictionary(
            o => o.Id,
            o =>
                o with
                {
                    Members = sums[o.Id][0],
                    Studied = sums[o.Id][1],
                    Minutes = sums[o.Id][2],
                    Completed = sums[o.Id][3],
                }
        );
    }

    /// <summary>One month of a subtree's trend: the present members who studied in it and their minutes.</summary>
    public sealed record MonthStudy(int Month, int Studied, int Minutes);

    /// <summary>The twelve months up to <paramref name="lastMonth"/> for the present members of the subtree, oldest
    /// first, in one aggregate query (months without study count zero).</summary>
    public static async Task<IReadOnlyList<MonthStudy>> TrendAsync(
        HonglingDb db,
        string path,
        int lastMonth,
        CancellationToken ct
    )
    {
        var months = new int[12];
        months[11] = lastMonth;
        for (var i = 10; i >= 0; i--)
            months[i] = ChinaTime.PreviousMonth(months[i + 1]);
        var (first, _) = MonthDays(months[0]);
        var (_, end) = MonthDays(lastMonth);
        var sums = await (
            from d in db.StudyDays.InSubtree(path)
            where d.Day >= first && d.Day < end && d.StudyMinutes > 0
            join m in db.AdministeredMembers.InSubtree(path) on d.MemberId equals m.Id
            group d by new { d.Day.Year, d.Day.Month } into g
            select new
            {
                Month = g.Key.Year * 100 + g.Key.Month,
                Studied = g.Select(x => x.MemberId).Distinct().Count(),
                Minutes = g.Sum(x => x.StudyMinutes),
            }
        ).ToDictionaryAsync(x => x.Month, ct);
        return
        [
            .. months.Select(m =>
                sums.TryGetValue(m, out var s) ? new MonthStudy(m, s.Studied, s.Minutes) : new MonthStudy(m, 0, 0)
            ),
        ];
    }

    /// <summary>Best first: the higher average minutes per member, then the higher share who studied.</summary>
    public static IReadOnlyList<OrgStudy> Rank(IEnumerable<OrgStudy> orgs) =>
        [
            .. orgs.OrderByDescending(o => o.Average)
                .ThenByDescending(o => o.Share)
                .ThenBy(o => o.Name, StringComparer.Ordinal),
        ];
}

/// <summary>A previous/next pager for the statistics' lists.</summary>
public sealed record StatsPager(int Page, int Pages, Func<int, string> Link);
