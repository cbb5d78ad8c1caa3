using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Completeness;
using Hongling.Web.Features.OrgLife;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using M = Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure;

namespace Hongling.Web.Features.Bulletins;

/// <summary>Section 三 of the monthly bulletin (12371党建信息平台使用维护情况) and its 附件2, for the issuer's subtree,
/// per unit (the issuer's direct children over their subtrees; the issuer's own organization is a row of its own,
/// <see cref="PlatformCounts.IsIssuerItself"/>, named "(本级)", counted in the totals, never named in the lists).
/// <para>Definitions. Months are China time. "To date" (截止月底) is [<see cref="BulletinPeriod.RatesSince"/>, month end).
/// Organizations, administrators and members are those on record when the bulletin is generated (the platform keeps
/// no dated history of them; the automatic bulletin runs on the 1st): members are present members — a departed member
/// (<see cref="Member.LeftOn"/>) is seen by no query and counted nowhere — and a member who moved between units
/// during the month counts in the unit they belong to at month end, i.e. where they are now.</para>
/// <list type="bullet">
/// <item>profiles maintained: organizations whose profile was saved to date (<see
/// cref="Organization.ProfileUpdatedAt"/>), over organizations;</item>
/// <item>administrators: people (accounts) holding an administrator post (backups apart: accounts holding a backup
/// post);
/// the configuration rate is organizations with at least one administrator over organizations (backups not
/// counted);</item>
/// <item>member information update rate: members whose record was updated to date (<see cref="Member.UpdatedAt"/>) over
/// members;</item>
/// <item>transfers (人次): transfers accepted in the month; a transfer counts in every unit holding either side, once in
/// the total;</item>
/// <item>work updates, announcements, activities, album photos, messages (from members / from the public, by
/// <see cref="Message.MemberId"/>) and replies: rows of the month, as <see cref="MonthlyActivityCounts"/> counts them;
/// the branch rates are branches (党支部) with at least one such row over branches;</item>
/// <item>thought reporters: people who handed in a thought report in the month;</item>
/// <item>example branches: branches whose profile is complete (<see cref="OrgCompleteness.ProfileComplete"/>) with an
/// administrator, that in the month initiated an activity, published a work update and an announcement and uploaded
/// an album photo (the four uses the seed asks of every branch); the <see cref="ExampleLimit"/> with the most such rows
/// named;</item>
/// <item>administrators' sign-in rate: administrators (people, backups not counted) who signed in in the month over
/// administrators;</item>
/// <item>member sign-ins (人次): successful sign-ins of members' accounts in the month, each where the member belonged at
/// the time;</item>
/// <item>members' usage rate: members who signed in in the month over members;</item>
/// <item>dues standards and member photos: members with a dues standard (with a photo) on record, over members;</item>
/// <item>composite usage rate: <see cref="CompositeWeights"/>.</item>
/// </list></summary>
public sealed partial record PlatformSection(
    int Month,
    DateOnly RatesSince,
    int IssuerId,
    string IssuerName,
    CompositeWeights Weights,
    PlatformCounts Total,
    IReadOnlyList<PlatformCounts> Units,
    IReadOnlyList<NamedUnit> UnitsAllUpdated,
    IReadOnlyList<NamedUnit> UnitsAllBranchesPublished,
    NamedUnit? MostActiveUnit,
    int ExampleBranchCount,
    IReadOnlyList<NamedUnit> ExampleBranches,
    IReadOnlyList<NamedUnit> UnitsWithoutAlbumPhoto,
    IReadOnlyList<NamedUnit> UnitsWithoutNotice,
    IReadOnlyList<NamedUnit> UnitsWithoutActivity,
    IReadOnlyList<NamedUnit> UnitsWithoutMemberPhoto
)
{
    /// <summary>How many example branches the text names.</summary>
    public const int ExampleLimit = 3;

    /// <summary>The section for <paramref name="issuer"/> (picked through the org scope) and <paramref
    /// name="period"/>.</summary>
    public static async Task<PlatformSection> ForAsync(
        HonglingDb db,
        ScopedOrg issuer,
        BulletinPeriod period,
        CompositeWeights weights,
        CancellationToken ct
    )
    {
        if (!weights.IsValid)
            throw new ArgumentException(CompositeWeights.InvalidMessage, nameof(weights));
        var (from, to) = ChinaTime.MonthBounds(period.Month);
        var since = period.RatesSince.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        var map = await OrgUnits.ForAsync(db, issuer, ct);
        var tallies = map.List.ToDictionary(u => u.Id, u => new PlatformTally(u.Id, u.Name, false));
        tallies[issuer.Id] = new PlatformTally(issuer.Id, issuer.Name + "(本级)", true);
        var total = new PlatformTally(issuer.Id, issuer.Name, true);
        IEnumerable<PlatformTally> Of(string path) => [tallies[map.UnitOf(path)], total];

        var orgs = await CompletenessReport.PerOrganizationAsync(db, issuer.Path, since, to, ct);
        var counts = new Dictionary<M, Dictionary<int, int>>();
        foreach (
            var m in new[]
            {
                M.WorkUpdates,
                M.Notices,
                M.Activities,
                M.Photos,
                M.MessagesReceived,
                M.MessagesFromPublic,
                M.MessagesReplied,
            }
        )
            counts[m] = await MonthlyActivityCounts
                .Counters[m](db, issuer.Path, from, to)
                .ToDictionaryAsync(c => c.OrganizationId, c => c.Count, ct);
        var signedIn = await PlatformQueries.MembersSignedInAsync(db, issuer.Path, from, to, ct);
        var organs = (
            await db
                .AdministeredOrganizations.InSubtree(issuer.Path)
                .Where(o => o.Category == OrgCategory.Organ || o.Category == OrgCategory.Institution)
                .Select(o => o.Id)
                .ToListAsync(ct)
        ).ToHashSet();
        int Count(M m, int orgId) => counts[m].GetValueOrDefault(orgId);

        var examples = new List<(OrgCompleteness Org, int Uses)>();
        foreach (var o in orgs)
        {
            var (updates, notices, activities, photos) = (
                Count(M.WorkUpdates, o.Id),
                Count(M.Notices, o.Id),
                Count(M.Activities, o.Id),
                Count(M.Photos, o.Id)
            );
            var branch = o.Kind == OrgKind.Branch;
            foreach (var t in Of(o.Path))
            {
                t.Organizations++;
                if (o.ProfileMaintained)
                    t.ProfilesMaintained++;
                if (o.HasAdministrator)
                    t.OrgsWithAdministrator++;
                if (o.HasBackupAdministrator)
                    t.OrgsWithBackup++;
                (t.Members, t.MembersUpdated, t.WithDuesStandard, t.WithMemberPhoto) = (
                    t.Members + o.Members,
                    t.MembersUpdated + o.Updated,
                    t.WithDuesStandard + o.WithDuesStandard,
                    t.WithMemberPhoto + o.WithPhoto
                );
                t.MembersSignedIn += signedIn.GetValueOrDefault(o.Id);
                if (organs.Contains(o.Id))
                    (t.OrganMembers, t.OrganMembersSignedIn) = (
                        t.OrganMembers + o.Members,
                        t.OrganMembersSignedIn + signedIn.GetValueOrDefault(o.Id)
                    );
                (t.WorkUpdates, t.Notices, t.Activities, t.AlbumPhotos) = (
                    t.WorkUpdates + updates,
                    t.Notices + notices,
                    t.Activities + activities,
                    t.AlbumPhotos + photos
                );
                t.MessagesReceived += Count(M.MessagesReceived, o.Id);
                t.MessagesFromPublic += Count(M.MessagesFromPublic, o.Id);
                t.Replies += Count(M.MessagesReplied, o.Id);
                if (!branch)
                    continue;
                t.Branches++;
                if (updates > 0)
                    t.BranchesWithWorkUpdate++;
                if (activities > 0)
                    t.BranchesWithActivity++;
                if (notices > 0)
                    t.BranchesWithNotice++;
                if (photos > 0)
                    t.BranchesWithAlbumPhoto++;
            }
            if (
                branch
                && o.ProfileComplete
                && o.HasAdministrator
                && updates > 0
                && notices > 0
                && activities > 0
                && photos > 0
            )
                examples.Add((o, updates + notices + activities + photos));
        }

        var pathOf = orgs.ToDictionary(o => o.Id, o => o.Path);
        foreach (var r in await MonthlyActivityCounts.ThoughtReporters(db, issuer.Path, from, to).ToListAsync(ct))
            if (pathOf.TryGetValue(r.OrganizationId, out var p))
                foreach (var t in Of(p))
                    t.ThoughtReporters.Add(r.MemberId);
        foreach (var tr in await PlatformQueries.TransfersAsync(db, issuer.Path, from, to, ct))
        {
            var sides = new[] { tr.OrgPath, tr.SharedPath }.Where(map.Covers).Select(map.UnitOf).Distinct();
            foreach (var unit in sides)
                tallies[unit].Transfers++;
            total.Transfers++;
        }
        foreach (var a in await PlatformQueries.AdministratorsAsync(db, issuer.Path, from, to, ct))
        foreach (var t in Of(a.OrgPath))
        {
            (a.IsBackup ? t.BackupAdministrators : t.Administrators).Add(a.AccountId);
            if (!a.IsBackup && a.SignedIn)
                t.AdministratorsSignedIn.Add(a.AccountId);
        }
        foreach (var (path, n) in await PlatformQueries.MemberSignInsAsync(db, issuer.Path, from, to, ct))
        foreach (var t in Of(path))
            t.MemberSignIns += n;

        var units = Rank(map.List.Select(u => tallies[u.Id].Freeze(weights)).ToList());
        var rows = units.Append(tallies[issuer.Id].Freeze(weights)).ToList();
        List<NamedUnit> Named(Func<PlatformCounts, bool> rule) =>
            [.. units.Where(rule).Select(u => new NamedUnit(u.Id, u.Name))];
        var mostActive = units
            .Where(u => u.Activities > 0)
            .OrderBy(u => u.ActivitiesRank)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return new PlatformSection(
            period.Month,
            period.RatesSince,
            issuer.Id,
            issuer.Name,
            weights,
            total.Freeze(weights),
            rows,
            Named(u => u.Members > 0 && u.MembersUpdated == u.Members),
            Named(u => u.Branches > 0 && u.BranchesWithWorkUpdate == u.Branches),
            mostActive is null ? null : new NamedUnit(mostActive.Id, mostActive.Name),
            examples.Count,
            [
                .. examples
                    .OrderByDescending(e => e.Uses)
                    .ThenBy(e => e.Org.Name, StringComparer.Ordinal)
                    .Take(ExampleLimit)
                    .Select(e => new NamedUnit(e.Org.Id, e.Org.Name)),
            ],
            Named(u => u.AlbumPhotos == 0),
            Named(u => u.Notices == 0),
            Named(u => u.Activities == 0),
            Named(u => u.Members > 0 && u.WithMemberPhoto == 0)
        );
    }

    /// <summary>The units in their order (by code), with two rankings: by activities initiated (most first) and by
    /// composite usage rate (highest first; units without one unranked). Equal figures share a rank (1, 2, 2,
    /// 4).</summary>
    private static List<PlatformCounts> Rank(List<PlatformCounts> units)
    {
        var byActivities = Ranks(units, u => u.Activities);
        var byComposite = Ranks(units.Where(u => u.CompositeRate is not null), u => u.CompositeRate!.Value);
        return
        [
            .. units.Select(u =>
                u with
                {
                    ActivitiesRank = byActivities[u.Id],
                    CompositeRank = byComposite.TryGetValue(u.Id, out var r) ? r : null,
                }
            ),
        ];
    }

    private static Dictionary<int, int> Ranks(IEnumerable<PlatformCounts> units, Func<PlatformCounts, decimal> value)
    {
        var ordered = units.OrderByDescending(value).ToList();
        var ranks = new Dictionary<int, int>();
        for (var i = 0; i < ordered.Count; i++)
            ranks[ordered[i].Id] =
                i > 0 && value(ordered[i]) == value(ordered[i - 1]) ? ranks[ordered[i - 1].Id] : i + 1;
        return ranks;
    }
}
