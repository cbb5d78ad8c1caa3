using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;

namespace Hongling.Tests.Infrastructure;

/// <summary>The gates of the hot paths that skip the scope load: each must decide from the account id alone what
/// the scope would have decided for that caller.</summary>
public sealed class GatesTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Exam ExamFor(Organization org, bool subtree = true, params MemberStatus[] statuses) =>
        new()
        {
            OrganizationId = org.Id,
            OrgPath = org.Path,
            AudiencePath = org.Path,
            AudienceIncludesSubtree = subtree,
            AudienceStatuses = [.. statuses],
            Title = "考试",
        };

    [Fact]
    public async Task Candidacy_ResolvesMembersAndRegistrantsByAccount_AndNobodyElse()
    {
        var (town, branch) = await app.AddTownAsync("候选门");
        var member = await app.AddMemberAsync(branch, "党员");
        var memberAccount = await app.AddAccountAsync(TestApp.NewCard(), member);
        var adminAccount = await app.AddAccountAsync(TestApp.NewCard(), administers: [town]);
        var registrantAccount = await app.AddAccountAsync(TestApp.NewCard());
        var registrant = await app.WithDbAsync(async db =>
        {
            var r = new Registrant
            {
                AccountId = registrantAccount.Id,
                Name = "报名人",
                Mobile = "13900000000",
                WorkUnit = "单位",
                OrganizationId = town.Id,
            };
            db.Registrants.Add(r);
            await db.SaveChangesAsync(Ct);
            return r;
        });

        var found = await app.WithDbAsync(db =>
            Gates.CandidatesAsync(db, [memberAccount.Id, adminAccount.Id, registrantAccount.Id, "no-such-account"], Ct)
        );

        Assert.Equal(
            new Gates.Candidate(member.Id, null, branch.Id, branch.Path, MemberStatus.Full),
            found[memberAccount.Id]
        );
        Assert.Equal(new Gates.Candidate(null, registrant.Id, town.Id, town.Path, null), found[registrantAccount.Id]);
        // the administrator without a member record and an unknown account are no candidates
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public async Task MayTake_FollowsTheAudienceRule_TheStatuses_AndApprovals()
    {
        var (town, branch) = await app.AddTownAsync("考试门");
        var (otherTown, _) = await app.AddTownAsync("别的镇");
        var member = new Gates.Candidate(1, null, branch.Id, branch.Path, MemberStatus.Probationary);
        Assert.True(Gates.MayTake(member, ExamFor(town), approved: false));
        Assert.False(Gates.MayTake(member, ExamFor(town, subtree: false), approved: false)); // the town itself only
        Assert.False(Gates.MayTake(member, ExamFor(otherTown), approved: false));
        Assert.False(Gates.MayTake(member, ExamFor(town, true, MemberStatus.Full), approved: false));
        Assert.True(
            Gates.MayTake(member, ExamFor(town, true, MemberStatus.Full, MemberStatus.Probationary), approved: false)
        );
        // A registrant takes exactly the exams they are approved for, wherever they registered.
        var registrant = new Gates.Candidate(null, 7, otherTown.Id, otherTown.Path, null);
        Assert.True(Gates.MayTake(registrant, ExamFor(town), approved: true));
        Assert.False(Gates.MayTake(registrant, ExamFor(otherTown), approved: false));
    }

    [Fact]
    public async Task Heartbeat_CountsOnlyAccountsLinkedToAMember_AsTheyAreNow()
    {
        var (town, branch) = await app.AddTownAsync("心跳门");
        var member = await app.AddMemberAsync(branch, "学员");
        var memberAccount = await app.AddAccountAsync(TestApp.NewCard(), member);
        var adminAccount = await app.AddAccountAsync(TestApp.NewCard(), administers: [town]);

        var members = await app.WithDbAsync(db =>
            Gates.MembersOfAccountsAsync(db, [memberAccount.Id, adminAccount.Id], Ct)
        );
        Assert.Equal(new Dictionary<string, int> { [memberAccount.Id] = member.Id }, members);

        // Unlinking the account (a card withdrawn) takes effect on the next batch.
        await app.WithDbAsync(async db =>
        {
            var account = await db.Users.FindAsync([memberAccount.Id], Ct);
            account!.MemberId = null;
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Empty(await app.WithDbAsync(db => Gates.MembersOfAccountsAsync(db, [memberAccount.Id], Ct)));
    }
}
