using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>Section 四 against hand counts: the targets set for October, checked per unit over its subtree, rows at
/// the China-midnight edges of the month counted in the right one.</summary>
public sealed class TargetsSectionTests(TestApp app) : IClassFixture<TestApp>
{
    // 1 Oct 00:00 CST
    private static readonly DateTime FirstInstantOfOctober = new(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc);

    // 31 Oct 23:59 CST
    private static readonly DateTime LastMinuteOfOctober = new(2026, 10, 31, 15, 59, 0, DateTimeKind.Utc);
    private static readonly DateTime EarlyNovember = new(2026, 10, 31, 16, 30, 0, DateTimeKind.Utc); // 1 Nov 00:30 CST

    [Fact]
    public async Task EachUnit_MeetsATarget_WhenEveryBranchOrProbationaryMemberOfItsSubtreeDid()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var probationaryEast = await app.AddMemberAsync(d.East1, "东预备");
        var probationaryWest = await app.AddMemberAsync(d.West1, "西预备");
        await app.WithDbAsync(db =>
        {
            foreach (var id in new[] { probationaryEast.Id, probationaryWest.Id })
                db.Members.Single(m => m.Id == id).Status = MemberStatus.Probationary;
            Activity A(Organization o, DateTime at) =>
                new()
                {
                    OrganizationId = o.Id,
                    AudiencePath = o.Path,
                    Topic = "党课",
                    Place = "室",
                    StartsAt = at,
                    EndsAt = at.AddHours(1),
                    CreatedAt = at,
                };
            WorkUpdate U(Organization o, DateTime at) =>
                new()
                {
                    OrganizationId = o.Id,
                    Title = "动态",
                    Body = "<p>x</p>",
                    PublishedAt = at,
                };
            // 东镇: branch 1 on the last minute of October, branch 2 only in November -> half its branches.
            // 西镇: its one branch on the first instant of October -> met.
            db.Activities.AddRange(
                A(d.East1, LastMinuteOfOctober),
                A(d.East2, EarlyNovember),
                A(d.West1, FirstInstantOfOctober)
            );
            // Work updates: two wanted per branch; 西镇一支部 has two, 东镇 branches one each.
            db.WorkUpdates.AddRange(
                U(d.East1, FirstInstantOfOctober),
                U(d.East2, LastMinuteOfOctober),
                U(d.West1, FirstInstantOfOctober),
                U(d.West1, LastMinuteOfOctober)
            );
            db.ThoughtReports.Add(
                new ThoughtReport
                {
                    MemberId = probationaryEast.Id,
                    OrganizationId = d.East1.Id,
                    Title = "思想汇报",
                    Text = "汇报",
                    SubmittedAt = LastMinuteOfOctober,
                }
            );
            db.ThoughtReports.Add(
                new ThoughtReport
                {
                    MemberId = probationaryWest.Id,
                    OrganizationId = d.West1.Id,
                    Title = "思想汇报",
                    Text = "汇报",
                    SubmittedAt = EarlyNovember,
                }
            );
            db.BulletinTargets.Add(
                new BulletinTargets
                {
                    OrganizationId = d.Root.Id,
                    Month = 202610,
                    WorkUpdatesPerBranch = 2,
                }
            );
            db.BulletinTargets.Add(
                new BulletinTargets
                {
                    OrganizationId = d.Root.Id,
                    Month = 202611,
                    ActivitiesPerBranch = 3,
                    CatchUpBy = new DateOnly(2026, 12, 10),
                }
            );
            return db.SaveChangesAsync();
        });

        var section = await app.WithDbAsync(
            async (db, sp) =>
            {
                var issuer = (await ScopedOrg.PickAsync(db, d.Root.Id))!;
                return (
                    await sp.GetRequiredService<BulletinGenerator>()
                        .ComputeAsync(issuer, BulletinPeriod.OfMonth(202610), default)
                ).Targets;
            }
        );

        (bool? Met, decimal? Value) Of(Organization unit, string target)
        {
            var r = section.Units.Single(u => u.UnitId == unit.Id).Results.Single(x => x.Target == target);
            return (r.Met, r.Value);
        }
        Assert.Equal((false, 0.5m), Of(d.East, TargetsSection.Activities));
        Assert.Equal((true, 1m), Of(d.West, TargetsSection.Activities));
        Assert.Equal((null, null), Of(d.Empty, TargetsSection.Activities)); // no branch: does not apply
        Assert.Equal((false, 0m), Of(d.East, TargetsSection.WorkUpdates)); // one each, two wanted
        Assert.Equal((true, 1m), Of(d.West, TargetsSection.WorkUpdates));
        Assert.Equal((true, 1m), Of(d.East, TargetsSection.ThoughtReports)); // handed in on 31 Oct 23:59
        Assert.Equal((false, 0m), Of(d.West, TargetsSection.ThoughtReports)); // handed in on 1 Nov: not October's
        Assert.Equal((null, null), Of(d.Empty, TargetsSection.ThoughtReports));
        Assert.Equal((false, 0m), Of(d.West, TargetsSection.Photos));
        Assert.True(section.Targets.SetByIssuer);
        Assert.Equal(2, section.Targets.WorkUpdatesPerBranch);
        Assert.Equal(
            (202611, 3, new DateOnly(2026, 12, 10)),
            (section.NextMonth, section.Next.ActivitiesPerBranch, section.Next.CatchUpBy)
        );

        var figures = section.Figures().ToList();
        Assert.Equal(1, figures.Single(f => f.Key == "targets.units_met.activities").Value);
        Assert.Equal(0, figures.Single(f => f.Key == "targets.met.work_updates" && f.UnitId == d.East.Id).Value);
        Assert.DoesNotContain(figures, f => f.UnitId == d.Empty.Id);
    }

    [Fact]
    public async Task WithoutTargetsSet_TheSeedsDefaultsApply_AndSaySo()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var section = await app.WithDbAsync(
            async (db, sp) =>
                (
                    await sp.GetRequiredService<BulletinGenerator>()
                        .ComputeAsync(
                            (await ScopedOrg.PickAsync(db, d.Root.Id))!,
                            BulletinPeriod.OfMonth(202610),
                            default
                        )
                ).Targets
        );
        Assert.False(section.Targets.SetByIssuer);
        Assert.Equal(
            (1, 1, 1, 1, 1, 0.4m),
            (
                section.Next.ActivitiesPerBranch,
                section.Next.AlbumPhotosPerBranch,
                section.Next.WorkUpdatesPerBranch,
                section.Next.NoticesPerBranch,
                section.Next.ThoughtReportsPerProbationary,
                section.Next.OverallSignInRate
            )
        );
    }

    [Fact]
    public async Task TheOrganSignInTarget_CountsMembersOfOrgansAndInstitutionsWhoSignedInThatMonth()
    {
        var d = await BulletinDistrict.BuildAsync(app);
        var organ = await app.WithDbAsync(async db =>
        {
            var o = new Organization
            {
                Code = TestApp.UniqueCode("B"),
                Name = "东镇机关支部",
                Kind = OrgKind.Branch,
                Category = OrgCategory.Organ,
            };
            o.PlaceUnder(await db.Organizations.FindAsync(d.East.Id));
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var signedIn = await app.AddMemberAsync(organ, "机关甲");
        await app.AddMemberAsync(organ, "机关乙");
        var villager = await app.AddMemberAsync(d.East1, "村民党员");
        await app.WithDbAsync(db =>
        {
            // One of the two organ members signed in in October (and again in November); the village member's sign-in
            // counts for the overall rate only; a failed sign-in counts for nothing.
            SignInRecord R(Member m, DateTime at, bool ok = true) =>
                new()
                {
                    At = at,
                    CardNumber = "x",
                    MemberId = m.Id,
                    OrgPath = m.OrgPath,
                    Succeeded = ok,
                };
            db.SignInRecords.AddRange(
                R(signedIn, LastMinuteOfOctober),
                R(signedIn, EarlyNovember),
                R(villager, FirstInstantOfOctober)
            );
            db.SignInRecords.Add(
                new SignInRecord
                {
                    At = FirstInstantOfOctober,
                    CardNumber = "y",
                    Succeeded = false,
                }
            );
            db.BulletinTargets.Add(
                new BulletinTargets
                {
                    OrganizationId = d.Root.Id,
                    Month = 202610,
                    OrganSignInRate = 0.5m,
                }
            );
            return db.SaveChangesAsync();
        });

        var section = await app.WithDbAsync(
            async (db, sp) =>
            {
                var issuer = (await ScopedOrg.PickAsync(db, d.Root.Id))!;
                return (
                    await sp.GetRequiredService<BulletinGenerator>()
                        .ComputeAsync(issuer, BulletinPeriod.OfMonth(202610), default)
                ).Targets;
            }
        );
        (bool? Met, decimal? Value) Of(Organization unit) =>
            section.Units.Single(u => u.UnitId == unit.Id).Results.Single(x => x.Target == TargetsSection.OrganSignIn)
                is var r
                ? (r.Met, r.Value)
                : default;
        Assert.Equal((true, 0.5m), Of(d.East));
        Assert.Equal((null, null), Of(d.West)); // no member of an organ: the target does not apply
    }
}
