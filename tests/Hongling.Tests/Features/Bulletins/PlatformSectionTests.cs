using Hongling.Tests.Features.Sites;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hongling.Tests.Features.Sites.UsageBuilders;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>Section 三 and 附件2 on a district built by hand, August 2026, rates to date since 1 January: every
/// figure below was counted by hand from the rows the test writes (see the comments).</summary>
public sealed class PlatformSectionTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly BulletinPeriod August = BulletinPeriod.OfMonth(202608);
    private static readonly DateTime MonthStart = China(2026, 8, 1),
        MonthEnd = China(2026, 9, 1);
    private static readonly DateTime JustBefore = MonthStart.AddSeconds(-1),
        Mid = China(2026, 8, 15, 10);

    private sealed record District(
        Organization Root,
        Organization A,
        Organization A1,
        Organization A2,
        Organization B,
        Organization B1,
        Organization C,
        Organization R1,
        Member[] M
    );

    /// <summary>Root R (issuer) with units A (branches A1, A2), B (branch B1), C (empty) and R1 (a branch right beneath
    /// R).
    /// Members: m1, m2 in A1; m3 in A2; m4, m5 in B1 (m5 moved from A1 in mid-August); m6 in B1, departed 20 August;
    /// m7 in R1.</summary>
    private async Task<District> BuildAsync()
    {
        var root = await app.AddDistrictAsync("测试区委");
        var a = await app.AddOrgAsync(root, "甲镇党委");
        var a1 = await app.AddOrgAsync(a, "甲一支部", OrgKind.Branch);
        var a2 = await app.AddOrgAsync(a, "甲二支部", OrgKind.Branch);
        var b = await app.AddOrgAsync(root, "乙局党委");
        var b1 = await app.AddOrgAsync(b, "乙一支部", OrgKind.Branch);
        var c = await app.AddOrgAsync(root, "丙委");
        var r1 = await app.AddOrgAsync(root, "区直机关支部", OrgKind.Branch);
        Member[] m =
        [
            await app.AddMemberAsync(a1, "m1"),
            await app.AddMemberAsync(a1, "m2"),
            await app.AddMemberAsync(a2, "m3"),
            await app.AddMemberAsync(b1, "m4"),
            await app.AddMemberAsync(b1, "m5"),
            await app.AddMemberAsync(b1, "m6"),
            await app.AddMemberAsync(r1, "m7"),
        ];

        // Administrators: acc1 of A and A1 (one person, two posts); acc2 of B1 and backup of A2; acc3 of R; acc4 backup
        // of B1.
        var acc1 = await app.AddAccountAsync(TestApp.NewCard(), administers: [a, a1]);
        var acc2 = await app.AddAccountAsync(TestApp.NewCard(), administers: [b1]);
        var acc3 = await app.AddAccountAsync(TestApp.NewCard(), administers: [root]);
        var acc4 = await app.AddAccountAsync(TestApp.NewCard());

        await app.WithDbAsync(async db =>
        {
            db.OrgAdministrators.AddRange(
                new OrgAdministrator
                {
                    AccountId = acc2.Id,
                    OrganizationId = a2.Id,
                    IsBackup = true,
                },
                new OrgAdministrator
                {
                    AccountId = acc4.Id,
                    OrganizationId = b1.Id,
                    IsBackup = true,
                }
            );

            var orgs = await db.Organizations.Where(o => o.Path.StartsWith(root.Path)).ToDictionaryAsync(o => o.Id);
            // Profiles to date [1 Jan 00:00, 1 Sep 00:00) China time: A, A1, C (exactly 1 Jan 00:00), R yes; B (exactly
            // 1 Sep) and B1 (31 Dec 23:59:59) no.
            orgs[a.Id].ProfileUpdatedAt = China(2026, 3, 5);
            orgs[a1.Id].ProfileUpdatedAt = Mid;
            orgs[b.Id].ProfileUpdatedAt = MonthEnd;
            orgs[b1.Id].ProfileUpdatedAt = China(2026, 1, 1).AddSeconds(-1);
            orgs[c.Id].ProfileUpdatedAt = China(2026, 1, 1);
            orgs[root.Id].ProfileUpdatedAt = Mid;
            // A complete profile: A1 (an example branch) and B1 (complete, but no album photo this month).
            foreach (var o in new[] { orgs[a1.Id], orgs[b1.Id] })
                (o.Introduction, o.Address, o.Phone, o.SecretaryId, o.FoundedOn) = (
                    "<p>简介</p>",
                    "几江街道",
                    "023-1234567",
                    m[0].Id,
                    new DateOnly(2001, 7, 1)
                );

            var ms = await db.Members.Where(x => x.OrgPath.StartsWith(root.Path)).ToDictionaryAsync(x => x.Id);
            // Updated to date: m1, m2 (A: 3 of 3 with m3 at exactly 1 Jan 00:00), m5 (B: 1 of 2; m4 at exactly 1 Sep),
            // m7.
            (ms[m[0].Id].UpdatedAt, ms[m[0].Id].DuesAmount, ms[m[0].Id].PhotoUpdatedAt) = (
                China(2026, 2, 1),
                10m,
                China(2026, 2, 1)
            );
            ms[m[1].Id].UpdatedAt = Mid;
            (ms[m[2].Id].UpdatedAt, ms[m[2].Id].DuesAmount) = (China(2026, 1, 1), 5m);
            (ms[m[3].Id].UpdatedAt, ms[m[3].Id].DuesAmount) = (MonthEnd, 8m);
            ms[m[4].Id].UpdatedAt = Mid;
            (ms[m[5].Id].UpdatedAt, ms[m[5].Id].DuesAmount, ms[m[5].Id].PhotoUpdatedAt, ms[m[5].Id].LeftOn) = (
                Mid,
                9m,
                Mid,
                new DateOnly(2026, 8, 20)
            );
            (ms[m[6].Id].UpdatedAt, ms[m[6].Id].DuesAmount) = (Mid, 3m);
            // m5 is in B1 at month end; it was in A1 until 15 August, so its earlier rows below name A1.

            // Transfers accepted in August: m5 A1 → B1 (A and B, once in the total); one into A2 from elsewhere at
            // 23:59 on 31 August.
            // Not counted: a rejected one, one accepted at exactly 1 September.
            Transfer T(
                Organization? from,
                Organization to,
                TransferKind kind,
                TransferState state,
                DateTime decided,
                int member
            ) =>
                new()
                {
                    Kind = kind,
                    MemberId = member,
                    MemberName = "转接",
                    FromOrganizationId = from?.Id,
                    ToOrganizationId = to.Id,
                    FromName = from?.Name ?? "外地",
                    ToName = to.Name,
                    OrgPath = (from ?? to).Path,
                    SharedPath = to.Path,
                    LetterNumber = TestApp.UniqueCode("L"),
                    State = state,
                    StartedAt = decided.AddDays(-1),
                    DecidedAt = decided,
                };
            db.Transfers.AddRange(
                T(a1, b1, TransferKind.Within, TransferState.Accepted, Mid, m[4].Id),
                T(null, a2, TransferKind.In, TransferState.Accepted, MonthEnd.AddMinutes(-1), m[2].Id),
                T(a1, b1, TransferKind.Within, TransferState.Rejected, Mid, m[1].Id),
                T(b1, a2, TransferKind.Within, TransferState.Accepted, MonthEnd, m[3].Id)
            );

            // Work updates: A1 ×2 (one at exactly 1 Aug 00:00), A2, A, R1 in August; B1 only at 1 Sep.
            WorkUpdate U(Organization o, DateTime at) =>
                new()
                {
                    OrganizationId = o.Id,
                    Title = "动态",
                    Body = "<p>x</p>",
                    PublishedAt = at,
                };
            db.WorkUpdates.AddRange(U(a1, MonthStart), U(a1, Mid), U(a2, Mid), U(a, Mid), U(r1, Mid), U(b1, MonthEnd));
            // Announcements: A1 and R in August.
            Notice N(Organization o, DateTime at) =>
                new()
                {
                    OrganizationId = o.Id,
                    AudiencePath = o.Path,
                    Title = "公告",
                    Body = "<p>x</p>",
                    PublishedAt = at,
                };
            db.Notices.AddRange(N(a1, Mid), N(root, Mid), N(b1, JustBefore));
            // Activities: A1 ×2, A2, B1 in August; B1 once more at 23:59:59 on 31 July.
            Activity Act(Organization o, DateTime at) =>
                new()
                {
                    OrganizationId = o.Id,
                    AudiencePath = o.Path,
                    Topic = "主题党日",
                    Place = "会议室",
                    StartsAt = at,
                    EndsAt = at.AddHours(2),
                    CreatedAt = at,
                };
            db.Activities.AddRange(Act(a1, Mid), Act(a1, Mid), Act(a2, Mid), Act(b1, Mid), Act(b1, JustBefore));
            // Album photos: A1 one in August.
            var album = new Album
            {
                OrganizationId = a1.Id,
                AudiencePath = a1.Path,
                Title = "相册",
                CreatedAt = Mid,
            };
            db.Albums.Add(album);
            db.AlbumPhotos.Add(
                new AlbumPhoto
                {
                    Album = album,
                    OrganizationId = a1.Id,
                    AudiencePath = a1.Path,
                    Image = [1],
                    Thumbnail = [1],
                    UploadedAt = Mid,
                }
            );
            // Messages: A1 from m1 (replied in August) and from the public (replied at 1 Sep); B1 from the public on 31
            // July, replied at 1 Aug 00:00.
            db.Messages.AddRange(
                new Message
                {
                    OrganizationId = a1.Id,
                    MemberId = m[0].Id,
                    AuthorName = "m1",
                    Body = "问",
                    PostedAt = Mid,
                    RepliedAt = Mid.AddHours(1),
                    Reply = "答",
                    State = MessageState.Answered,
                },
                new Message
                {
                    OrganizationId = a1.Id,
                    AuthorName = "群众",
                    Body = "问",
                    PostedAt = Mid,
                    RepliedAt = MonthEnd,
                    Reply = "答",
                    State = MessageState.Answered,
                },
                new Message
                {
                    OrganizationId = b1.Id,
                    AuthorName = "群众",
                    Body = "问",
                    PostedAt = JustBefore,
                    RepliedAt = MonthStart,
                    Reply = "答",
                    State = MessageState.Answered,
                }
            );
            // Thought reports: m1 twice in A1; m5 in A1 (before the move) and in B1 (after); m4 at exactly 1 Sep.
            ThoughtReport R(Member who, Organization o, DateTime at) =>
                new()
                {
                    MemberId = who.Id,
                    OrganizationId = o.Id,
                    Title = "思想汇报",
                    Text = "x",
                    SubmittedAt = at,
                };
            db.ThoughtReports.AddRange(
                R(m[0], a1, China(2026, 8, 3)),
                R(m[0], a1, Mid),
                R(m[4], a1, China(2026, 8, 3)),
                R(m[4], b1, China(2026, 8, 20)),
                R(m[3], b1, MonthEnd)
            );

            // Sign-ins. Administrators: acc1 in August; acc2 failed in August and succeeded at 1 Sep; acc3 in August.
            SignInRecord S(string? account, Member? member, Organization? at, DateTime when, bool ok = true) =>
                new()
                {
                    At = when,
                    CardNumber = "x",
                    AccountId = account,
                    MemberId = member?.Id,
                    OrgPath = at?.Path,
                    Succeeded = ok,
                    Failure = ok ? null : SignInFailure.WrongPassword,
                };
            db.SignInRecords.AddRange(
                S(acc1.Id, null, null, Mid),
                S(acc2.Id, null, null, Mid, ok: false),
                S(acc2.Id, null, null, MonthEnd),
                S(acc3.Id, null, null, Mid),
                // Members: m1 twice in A1 and one failure; m5 once in A1 and once in B1; departed m6 once in B1 (before
                // leaving);
                // m3 at 23:59:59 on 31 July and at 1 Sep (neither counts); m7 at exactly 1 Aug 00:00 in R1.
                S(null, m[0], a1, Mid),
                S(null, m[0], a1, Mid.AddDays(1)),
                S(null, m[0], a1, Mid, ok: false),
                S(null, m[4], a1, China(2026, 8, 3)),
                S(null, m[4], b1, China(2026, 8, 20)),
                S(null, m[5], b1, China(2026, 8, 10)),
                S(null, m[2], a2, JustBefore),
                S(null, m[2], a2, MonthEnd),
                S(null, m[6], r1, MonthStart)
            );
            await db.SaveChangesAsync();
            return 0;
        });
        return new District(root, a, a1, a2, b, b1, c, r1, m);
    }

    private Task<PlatformSection> SectionAsync(
        Organization issuer,
        CompositeWeights? weights = null,
        string? adminPath = null
    ) =>
        app.WithDbAsync(async db =>
        {
            if (adminPath is not null)
                db.Scope.Load([adminPath], memberId: null, memberOrgPath: null);
            var org = await ScopedOrg.PickAsync(db, issuer.Id)
                ?? throw new InvalidOperationException("issuer not in scope");
            return await PlatformSection.ForAsync(
                db,
                org,
                August,
                weights ?? CompositeWeights.Default,
                CancellationToken.None
            );
        });

    [Fact]
    public async Task EveryFigure_OnAHandBuiltDistrict_IsTheOneCountedByHand()
    {
        var d = await BuildAsync();
        var s = await SectionAsync(d.Root);
        var u = s.Units.ToDictionary(x => x.Id);
        var (a, b, c, r1, own, t) = (u[d.A.Id], u[d.B.Id], u[d.C.Id], u[d.R1.Id], u[d.Root.Id], s.Total);
        // units by code, then the issuer's own row
        Assert.Equal([d.R1.Id, d.A.Id, d.B.Id, d.C.Id, d.Root.Id], s.Units.Select(x => x.Id));
        Assert.True(own.IsIssuerItself);
        Assert.Equal("测试区委(本级)", own.Name);

        // (一) organizations and profiles, administrators (people) and configuration.
        Assert.Equal(
            (3, 2, 1, 1, 2),
            (a.Organizations, a.ProfilesMaintained, a.Administrators, a.BackupAdministrators, a.OrgsWithAdministrator)
        );
        Assert.Equal(
            (2, 0, 1, 1, 1),
            (b.Organizations, b.ProfilesMaintained, b.Administrators, b.BackupAdministrators, b.OrgsWithAdministrator)
        );
        Assert.Equal(
            (1, 1, 0, 0, 0),
            (c.Organizations, c.ProfilesMaintained, c.Administrators, c.BackupAdministrators, c.OrgsWithAdministrator)
        );
        Assert.Equal(
            (1, 0, 0, 0, 0),
            (
                r1.Organizations,
                r1.ProfilesMaintained,
                r1.Administrators,
                r1.BackupAdministrators,
                r1.OrgsWithAdministrator
            )
        );
        Assert.Equal(
            (1, 1, 1, 0, 1),
            (
                own.Organizations,
                own.ProfilesMaintained,
                own.Administrators,
                own.BackupAdministrators,
                own.OrgsWithAdministrator
            )
        );
        Assert.Equal(
            (8, 4, 3, 2, 4, 2),
            (
                t.Organizations,
                t.ProfilesMaintained,
                t.Administrators,
                t.BackupAdministrators,
                t.OrgsWithAdministrator,
                t.OrgsWithBackup
            )
        );
        Assert.Equal((0.5m, 0.5m, 0.6667m), (t.ProfileRate, t.AdministratorRate, a.ProfileRate));

        // Members at month end (m6 departed; m5 in B), information updated to date, the units at 100%.
        Assert.Equal((3, 3, 2, 0), (a.Members, a.MembersUpdated, b.Members, c.Members));
        Assert.Equal((1, 1, 1, 0), (b.MembersUpdated, r1.Members, r1.MembersUpdated, own.Members));
        Assert.Equal((6, 5, 0.8333m), (t.Members, t.MembersUpdated, t.MemberInfoRate));
        Assert.Null(c.MemberInfoRate);
        Assert.Equal([new NamedUnit(d.R1.Id, "区直机关支部"), new NamedUnit(d.A.Id, "甲镇党委")], s.UnitsAllUpdated);

        // Transfers (人次), work updates and the units whose branches all published.
        Assert.Equal((2, 1, 0, 0, 2), (a.Transfers, b.Transfers, c.Transfers, own.Transfers, t.Transfers));
        Assert.Equal(
            (4, 0, 0, 1, 0, 5),
            (a.WorkUpdates, b.WorkUpdates, c.WorkUpdates, r1.WorkUpdates, own.WorkUpdates, t.WorkUpdates)
        );
        Assert.Equal(
            (2, 2, 1, 0, 0, 4, 3),
            (
                a.Branches,
                a.BranchesWithWorkUpdate,
                b.Branches,
                b.BranchesWithWorkUpdate,
                c.Branches,
                t.Branches,
                t.BranchesWithWorkUpdate
            )
        );
        Assert.Equal((1m, 0m, 0.75m), (a.WorkUpdateRate, b.WorkUpdateRate, t.WorkUpdateRate));
        Assert.Null(c.WorkUpdateRate);
        Assert.Equal([d.R1.Id, d.A.Id], s.UnitsAllBranchesPublished.Select(x => x.Id)); // B did not; C has no branch

        // Messages, replies, thought reporters (people), activities and the most active unit.
        Assert.Equal((1, 1, 1), (a.MessagesFromMembers, a.MessagesFromPublic, a.Replies));
        Assert.Equal((0, 0, 1), (b.MessagesFromMembers, b.MessagesFromPublic, b.Replies));
        Assert.Equal((1, 1, 2), (t.MessagesFromMembers, t.MessagesFromPublic, t.Replies));
        Assert.Equal((2, 1, 0, 2), (a.ThoughtReporters, b.ThoughtReporters, c.ThoughtReporters, t.ThoughtReporters));
        Assert.Equal((3, 1, 0, 4), (a.Activities, b.Activities, c.Activities, t.Activities));
        Assert.Equal((1, 2, 3, 3), (a.ActivitiesRank, b.ActivitiesRank, c.ActivitiesRank, r1.ActivitiesRank));
        Assert.Equal(new NamedUnit(d.A.Id, "甲镇党委"), s.MostActiveUnit);
        Assert.Equal(1, s.ExampleBranchCount);
        Assert.Equal([new NamedUnit(d.A1.Id, "甲一支部")], s.ExampleBranches);

        // (二) units without album photo, announcement, activity; branch rates.
        Assert.Equal((1, 0, 0, 1, 2), (a.Notices, b.Notices, c.Notices, own.Notices, t.Notices));
        Assert.Equal((1, 1), (a.AlbumPhotos, t.AlbumPhotos));
        Assert.Equal([d.R1.Id, d.B.Id, d.C.Id], s.UnitsWithoutAlbumPhoto.Select(x => x.Id));
        // R's own notice counts for no unit
        Assert.Equal([d.R1.Id, d.B.Id, d.C.Id], s.UnitsWithoutNotice.Select(x => x.Id));
        Assert.Equal([d.R1.Id, d.C.Id], s.UnitsWithoutActivity.Select(x => x.Id));
        Assert.Equal((3, 1, 1), (t.BranchesWithActivity, t.BranchesWithNotice, t.BranchesWithAlbumPhoto));
        Assert.Equal((0.75m, 0.25m, 0.25m), (t.ActivityRate, t.NoticeRate, t.AlbumPhotoRate));

        // Administrators' sign-ins (acc1, acc3; acc2 only failed in August), members' sign-ins where they were, usage.
        Assert.Equal(
            (1, 0, 1, 2),
            (a.AdministratorsSignedIn, b.AdministratorsSignedIn, own.AdministratorsSignedIn, t.AdministratorsSignedIn)
        );
        Assert.Equal(
            (1m, 0m, 0.6667m),
            (a.AdministratorSignInRate, b.AdministratorSignInRate, t.AdministratorSignInRate)
        );
        Assert.Null(c.AdministratorSignInRate);
        Assert.Equal(
            (3, 2, 0, 1, 0, 6),
            (a.MemberSignIns, b.MemberSignIns, c.MemberSignIns, r1.MemberSignIns, own.MemberSignIns, t.MemberSignIns)
        );
        Assert.Equal(
            (1, 1, 1, 0, 3),
            (a.MembersSignedIn, b.MembersSignedIn, r1.MembersSignedIn, own.MembersSignedIn, t.MembersSignedIn)
        );
        Assert.Equal((0.3333m, 0.5m, 0.5m), (a.MemberUsageRate, b.MemberUsageRate, t.MemberUsageRate));

        // Dues standards and member photos; the unit with members and no photo.
        Assert.Equal(
            (2, 1, 1, 0, 4),
            (a.WithDuesStandard, b.WithDuesStandard, r1.WithDuesStandard, own.WithDuesStandard, t.WithDuesStandard)
        );
        Assert.Equal((1, 0, 1), (a.WithMemberPhoto, b.WithMemberPhoto, t.WithMemberPhoto));
        Assert.Equal((0.6667m, 0.1667m), (t.DuesStandardRate, t.MemberPhotoRate));
        Assert.Equal([d.R1.Id, d.B.Id], s.UnitsWithoutMemberPhoto.Select(x => x.Id)); // C has no members: not named

        // The composite: the mean of the eleven rates that apply. A: 2/3, 2/3, 1, 1, 1, ½, ½, 1, 1/3, 2/3, 1/3;
        // B: 0, ½, ½, 1, 0, 0, 0, 0, ½, ½, 0; C: profiles 1 and administrators 0 only; R1 (no administrator, so
        // no sign-in rate): 0, 0, 1, 0, 1, 0, 0, 1, 1, 0; R's own row: profiles, administrators, sign-ins, all 1.
        Assert.Equal(Math.Round((8m / 3 + 5) / 11, 4), a.CompositeRate);
        Assert.Equal(Math.Round(3m / 11, 4), b.CompositeRate);
        Assert.Equal(0.5m, c.CompositeRate);
        Assert.Equal((0.4m, 1m), (r1.CompositeRate, own.CompositeRate));
        Assert.Equal((1, 4, 2, 3), (a.CompositeRank, b.CompositeRank, c.CompositeRank, r1.CompositeRank));
        Assert.Null(own.CompositeRank);

        // Figures carry the same numbers under their keys; absent where a rate does not apply.
        var f = s.Figures().ToDictionary(x => (x.Key, x.UnitId), x => x.Value);
        Assert.Equal(s.Figures().Count(), f.Count); // (Key, UnitId) is unique
        Assert.Equal(0.8333m, f[("platform.member_info_rate", null)]);
        Assert.Equal(6m, f[("platform.member_signins", null)]);
        Assert.Equal(3m, f[("platform.administrators", null)]);
        Assert.Equal(2m, f[("platform.thought_reporters", null)]);
        Assert.Equal(a.CompositeRate, f[("platform.composite_rate", d.A.Id)]);
        Assert.Equal(3m, f[("platform.units_without_notice", null)]);
        Assert.Equal(0m, f[("platform.activities", d.Root.Id)]); // the issuer's own row: R initiated none
        Assert.False(f.ContainsKey(("platform.member_usage_rate", d.C.Id)));
        Assert.False(f.ContainsKey(("platform.activities_rank", d.Root.Id)));
        Assert.Equal(1m, f[("platform.activities_rank", d.A.Id)]);
    }

    [Fact]
    public async Task Weights_SetTheComposite_AndAUnitWhereNoWeightedRateAppliesHasNone()
    {
        var d = await BuildAsync();
        var s = await SectionAsync(d.Root, new CompositeWeights(0, 0, 0, 0, 0, 0, 0, 0, MemberUsage: 1, 0, 0));
        var u = s.Units.ToDictionary(x => x.Id);
        Assert.Equal((0.5m, 0.3333m), (s.Total.CompositeRate, u[d.A.Id].CompositeRate));
        Assert.Null(u[d.C.Id].CompositeRate);
        Assert.DoesNotContain(s.Figures(), x => x.Key == "platform.composite_rate" && x.UnitId == d.C.Id);
        await Assert.ThrowsAsync<ArgumentException>(() => SectionAsync(d.Root, new CompositeWeights(Profiles: -1)));
    }

    [Fact]
    public async Task AUnitsAdministrator_AsIssuer_GetsTheUnitsFigures_AndNothingOfTheRest()
    {
        var d = await BuildAsync();
        var district = await SectionAsync(d.Root);
        var unit = await SectionAsync(d.A, adminPath: d.A.Path);
        Assert.Equal([d.A1.Id, d.A2.Id, d.A.Id], unit.Units.Select(x => x.Id));
        var a = district.Units.Single(x => x.Id == d.A.Id);
        Assert.Equal(
            a with
            {
                Name = "",
                IsIssuerItself = true,
                ActivitiesRank = null,
                CompositeRank = null,
            },
            unit.Total with
            {
                Name = "",
            }
        );
    }

    [Fact]
    public async Task SigningIn_RecordsTheMembersBranchAtTheTime()
    {
        var root = await app.AddDistrictAsync("登录区委");
        var branch = await app.AddOrgAsync(root, "登录支部", OrgKind.Branch);
        var member = await app.AddMemberAsync(branch, "登录者");
        var card = TestApp.NewCard();
        await app.SignInAsNewAccountAsync(card, member);
        var record = await app.WithDbAsync(db => db.SignInRecords.SingleAsync(r => r.CardNumber == card));
        Assert.Equal((true, member.Id, branch.Path), (record.Succeeded, record.MemberId, record.OrgPath));
    }

    [Fact]
    public async Task ThePartial_WordsTheSectionAsTheSeedDoes_WithNamesAndAbsentRates()
    {
        var d = await BuildAsync();
        var html = await RenderAsync(await SectionAsync(d.Root));
        Assert.Contains("截止8月底,测试区委对4个网上党组织简介进行了维护,维护率达50.0%", html);
        Assert.Contains("各级党组织配备管理员3名、后备管理员2名,配备率达50.0%", html);
        Assert.Contains("党员信息更新率达83.3%,其中区直机关支部、甲镇党委等2个单位,党员信息更新率达到100%", html);
        Assert.Contains("有2人通过网络向党组织汇报思想;党组织发起组织活动4次,其中甲镇党委发起组织活动3次", html);
        Assert.Contains("甲一支部等,支部基本信息完整", html);
        Assert.Contains("3个单位(区直机关支部、乙局党委、丙委)未利用平台发布组织公告", html);
        Assert.Contains("本月党员登录为6人次,3名党员登录,党员使用平台率为50.0%", html);
        Assert.Contains("录入党费缴纳标准的党员为4人,录入比例为66.7%", html);
        // 附件2: the empty unit's member rates do not apply.
        var row = html[html.IndexOf($"data-unit=\"{d.C.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("暂无数据", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
    }

    private async Task<string> RenderAsync(PlatformSection section)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = sp };
        var view = sp.GetRequiredService<IRazorViewEngine>()
            .GetView(null, "/Features/Bulletins/_PlatformSection.cshtml", isMainPage: false)
            .View
            ?? throw new InvalidOperationException("partial not found");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary<PlatformSection>(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = section,
        };
        var context = new ViewContext(
            new ActionContext(http, new RouteData(), new ActionDescriptor()),
            view,
            data,
            new TempDataDictionary(http, sp.GetRequiredService<ITempDataProvider>()),
            writer,
            new HtmlHelperOptions()
        );
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
