using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Features.Development;
using Hongling.Web.Features.Notices;
using Hongling.Web.Features.OrgLife;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Measure = Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure;

namespace Hongling.Web.Features.Home;

/// <summary>An administrator's to-do list (the secretary's home page): unanswered messages, thought reports to
/// review, members due for 转正, transfers waiting, the read rates of the latest notices, and for a branch this
/// month's targets (set by the issuers above it, else the seed's defaults) with how far the branch is. Each figure
/// is the query of the page it links to, over the organization those pages show by default.</summary>
public sealed record BranchDesk(
    ScopedOrg Org,
    int Unanswered,
    int ToReview,
    int DueForFull,
    int Transfers,
    IReadOnlyList<BranchDesk.NoticeRate> Notices,
    IReadOnlyList<BranchDesk.Progress> Targets
)
{
    public sealed record NoticeRate(int Id, string Title, NoticeReceipts.Share Share);

    /// <summary>One target of the month: what was done so far against what is wanted.</summary>
    public sealed record Progress(string Label, int Done, int Wanted, string Link)
    {
        public bool Met => Done >= Wanted;
    }

    public static async Task<BranchDesk?> LoadAsync(HonglingDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await ScopedOrg.PickAsync(db, null) is not { } org)
            return null;
        var notices = await db
            .Notices.InSubtree(org.Path)
            .OrderByDescending(n => n.PublishedAt)
            .Take(3)
            .ToListAsync(ct);
        var rates = new List<NoticeRate>();
        foreach (var n in notices)
            rates.Add(new NoticeRate(n.Id, n.Title, await NoticeReceipts.ShareAsync(db, n)));
        return new BranchDesk(
            org,
            await db.Messages.InSubtree(org.Path).CountAsync(m => m.State == MessageState.Unanswered, ct),
            await ThoughtReports.IndexModel.Unreviewed(db).CountAsync(ct),
            await TodoList.Due(db, clock.TodayInChina()).CountAsync(ct),
            await db.Transfers.CountAsync(t => t.State == TransferState.Pending, ct),
            rates,
            org.Kind == OrgKind.Branch ? await TargetsAsync(db, org, clock.MonthInChina(), ct) : []
        );
    }

    /// <summary>The nearest issuer's targets for the month (a town's over the district's), counted as the bulletin
    /// counts them (<see cref="MonthlyActivityCounts"/>).</summary>
    private static async Task<IReadOnlyList<Progress>> TargetsAsync(
        HonglingDb db,
        ScopedOrg branch,
        int month,
        CancellationToken ct
    )
    {
        var set = await db.BulletinTargetsSetAbove(branch.Path)
            .Where(t => t.Month == month)
            .OrderByDescending(t => t.OrgPath.Length)
            .FirstOrDefaultAsync(ct);
        var targets = TargetList.Of(set);
        async Task<int> Done(Measure m) =>
            (await MonthlyActivityCounts.OfAsync(db, m, branch.Path, month, ct)).GetValueOrDefault(branch.Id);
        var (from, to) = ChinaTime.MonthBounds(month);
        // A branch's reporters of one month are few: counted once read.
        var reporters = (await MonthlyActivityCounts.ThoughtReporters(db, branch.Path, from, to).ToListAsync(ct))
            .Select(r => r.MemberId)
            .Distinct()
            .Count();
        var probationary = await db
            .Members.InSubtree(branch.Path)
            .CountAsync(m => m.Status == MemberStatus.Probationary, ct);
        var org = $"?org={branch.Id}";
        return
        [
            new(
                TargetsSection.Label(TargetsSection.Activities),
                await Done(Measure.Activities),
                targets.ActivitiesPerBranch,
                "/Activities" + org
            ),
            new(
                TargetsSection.Label(TargetsSection.Photos),
                await Done(Measure.Photos),
                targets.AlbumPhotosPerBranch,
                "/Albums"
            ),
            new(
                TargetsSection.Label(TargetsSection.WorkUpdates),
                await Done(Measure.WorkUpdates),
                targets.WorkUpdatesPerBranch,
                "/WorkUpdates" + org
            ),
            new(
                TargetsSection.Label(TargetsSection.Notices),
                await Done(Measure.Notices),
                targets.NoticesPerBranch,
                "/Notices" + org
            ),
            new("交了思想汇报的预备党员(人)", reporters, probationary, "/ThoughtReports"),
        ];
    }
}
