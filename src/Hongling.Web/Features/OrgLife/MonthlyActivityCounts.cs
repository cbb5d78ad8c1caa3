using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Completeness;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.OrgLife;

/// <summary>What each organization of a subtree did in one China-time month (the bulletin's platform-use
/// figures). Every measure is one grouped COUNT in the database, composed from per-feature counters:
/// a feature adds its measure by adding its counter to <see cref="Counters"/>. A measure without a
/// counter (its feature not built yet) is reported as not counted, never as zero.</summary>
public static class MonthlyActivityCounts
{
    public enum Measure
    {
        WorkUpdates,
        Notices,
        MessagesReceived,
        MessagesReplied,
        Submissions,
        Adoptions,
        Activities,
        Photos,
        ThoughtReports,
        MessagesFromPublic,
    }

    public sealed record OrgCount(int OrganizationId, int Count);

    /// <summary>Counts per organization of the rows in the subtree at path whose time falls in [from, to).</summary>
    public delegate IQueryable<OrgCount> Counter(HonglingDb db, string path, DateTime from, DateTime to);

    public static readonly IReadOnlyDictionary<Measure, Counter> Counters = new Dictionary<Measure, Counter>
    {
        [Measure.WorkUpdates] = (db, path, from, to) =>
            ByOrg(
                db.WorkUpdates.InSubtree(path)
                    .Where(w => w.PublishedAt >= from && w.PublishedAt < to)
                    .Select(w => w.OrganizationId)
            ),
        [Measure.Notices] = (db, path, from, to) =>
            ByOrg(
                db.Notices.InSubtree(path)
                    .Where(n => n.PublishedAt >= from && n.PublishedAt < to)
                    .Select(n => n.OrganizationId)
            ),
        [Measure.MessagesReceived] = (db, path, from, to) =>
            ByOrg(
                db.Messages.InSubtree(path)
                    .Where(m => m.PostedAt >= from && m.PostedAt < to)
                    .Select(m => m.OrganizationId)
            ),
        [Measure.MessagesReplied] = (db, path, from, to) =>
            ByOrg(
                db.Messages.InSubtree(path)
                    .Where(m => m.RepliedAt >= from && m.RepliedAt < to)
                    .Select(m => m.OrganizationId)
            ),
        [Measure.Submissions] = (db, path, from, to) =>
            ByOrg(
                db.Submissions.InSubtree(path)
                    .Where(s => s.SubmittedAt >= from && s.SubmittedAt < to)
                    .Select(s => s.OrganizationId)
            ),
        [Measure.Adoptions] = (db, path, from, to) =>
            ByOrg(
                db.Submissions.InSubtree(path)
                    .Where(s => s.State == SubmissionState.Adopted && s.DecidedAt >= from && s.DecidedAt < to)
                    .Select(s => s.OrganizationId)
            ),
        [Measure.Activities] = (db, path, from, to) =>
            ByOrg(
                db.Activities.InSubtree(path)
                    .Where(a => a.CreatedAt >= from && a.CreatedAt < to)
                    .Select(a => a.OrganizationId)
            ),
        [Measure.Photos] = (db, path, from, to) =>
            ByOrg(
                db.AlbumPhotos.InSubtree(path)
                    .Where(p => p.UploadedAt >= from && p.UploadedAt < to)
                    .Select(p => p.OrganizationId)
            ),
        [Measure.ThoughtReports] = (db, path, from, to) =>
            ByOrg(
                db.ThoughtReports.InSubtree(path)
                    .Where(r => r.SubmittedAt >= from && r.SubmittedAt < to)
                    .Select(r => r.OrganizationId)
            ),
        // Of the messages received, those from the public (a website visitor without an account; 群众留言).
        [Measure.MessagesFromPublic] = (db, path, from, to) =>
            ByOrg(
                db.Messages.InSubtree(path)
                    .Where(m => m.PostedAt >= from && m.PostedAt < to && m.MemberId == null)
                    .Select(m => m.OrganizationId)
            ),
    };

    /// <summary>The members who handed in a thought report in [from, to), with the organization they handed it in to:
    /// one row per (organization, member), for counting people (思想汇报人数) rather than reports. A member who
    /// moved during the month has a row in each branch they reported from.</summary>
    public static IQueryable<OrgMember> ThoughtReporters(HonglingDb db, string path, DateTime from, DateTime to) =>
        db
            .ThoughtReports.InSubtree(path)
            .Where(r => r.SubmittedAt >= from && r.SubmittedAt < to)
            .Select(r => new OrgMember(r.OrganizationId, r.MemberId))
            .Distinct();

    public sealed record OrgMember(int OrganizationId, int MemberId);

    /// <summary>One measure for a China-time month, per organization of the subtree that has any.</summary>
    public static async Task<Dictionary<int, int>> OfAsync(
        HonglingDb db,
        Measure measure,
        string path,
        int month,
        CancellationToken ct = default
    )
    {
        var (from, to) = ChinaTime.MonthBounds(month);
        return await Counters[measure](db, path, from, to).ToDictionaryAsync(c => c.OrganizationId, c => c.Count, ct);
    }

    /// <summary>The grouped count every counter ends with.</summary>
    public static IQueryable<OrgCount> ByOrg(IQueryable<int> organizationIds) =>
        organizationIds.GroupBy(id => id).Select(g => new OrgCount(g.Key, g.Count()));

    public sealed record Row(int OrganizationId, string Name, string Path, IReadOnlyDictionary<Measure, int> Counts)
    {
        /// <summary>Null when no feature counts the measure.</summary>
        public int? this[Measure m] => Counters.ContainsKey(m) ? Counts.GetValueOrDefault(m) : null;
        public int? WorkUpdates => this[Measure.WorkUpdates];
        public int? Notices => this[Measure.Notices];
        public int? MessagesReceived => this[Measure.MessagesReceived];
        public int? MessagesReplied => this[Measure.MessagesReplied];
        public int? Submissions => this[Measure.Submissions];
        public int? Adoptions => this[Measure.Adoptions];
        public int? Activities => this[Measure.Activities];
        public int? Photos => this[Measure.Photos];
        public int? ThoughtReports => this[Measure.ThoughtReports];
        public int? MessagesFromPublic => this[Measure.MessagesFromPublic];
    }

    public static string Label(Measure m) =>
        m switch
        {
            Measure.WorkUpdates => "工作动态",
            Measure.Notices => "组织公告",
            Measure.MessagesReceived => "收到留言",
            Measure.MessagesReplied => "回复留言",
            Measure.Submissions => "报送信息",
            Measure.Adoptions => "信息选用",
            Measure.Activities => "组织活动",
            Measure.Photos => "上传照片",
            Measure.ThoughtReports => "思想汇报",
            Measure.MessagesFromPublic => "其中群众留言",
            _ => "",
        };

    /// <summary>Per organization of the administered subtree at path (its own rows, not its children's),
    /// ordered by path, at most <paramref name="limit"/> organizations.</summary>
    public static async Task<List<Row>> ForAsync(
        HonglingDb db,
        string path,
        int month,
        int limit = 2000,
        CancellationToken ct = default
    )
    {
        var (from, to) = ChinaTime.MonthBounds(month);
        var orgs = await db
            .AdministeredOrganizations.InSubtree(path)
            .OrderBy(o => o.Path)
            .Take(limit)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Path,
            })
            .ToListAsync(ct);
        var counts = orgs.ToDictionary(o => o.Id, _ => new Dictionary<Measure, int>());
        foreach (var (measure, counter) in Counters)
        foreach (var c in await counter(db, path, from, to).ToListAsync(ct))
            if (counts.TryGetValue(c.OrganizationId, out var row))
                row[measure] = c.Count;
        return [.. orgs.Select(o => new Row(o.Id, o.Name, o.Path, counts[o.Id]))];
    }
}
