using System.Net;
using System.Net.Http.Json;
using Hongling.Web.Domain;
using Hongling.Web.Features.Organizations;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure;

/// <summary>Each instance caches an account's administered subtrees under the scope version; a change made on
/// another instance (on the same database) must reach the very next request here. Every test warms the first
/// instance's cache with a request before the second instance changes anything.</summary>
public sealed class OrgScopeCacheTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task AppointmentRemovedOnAnotherInstance_TheNextRequestHereAnswers404()
    {
        var (town, branch) = await app.AddTownAsync("撤任镇");
        var (_, kept) = await app.AddTownAsync("留任镇");
        var member = await app.AddMemberAsync(branch, "撤任者");
        var card = TestApp.NewCard();
        var onFirst = await app.SignInAsNewAccountAsync(card, administers: [branch, kept]);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/api/members/{member.Id}")).StatusCode);

        await using var second = app.SecondInstance();
        var townAdmin = await second.SignInAsAdministratorOfAsync(town);
        var post = await app.WithDbAsync(db =>
            db.OrgAdministrators.Where(a => a.OrganizationId == branch.Id && a.Account!.UserName == card)
                .Select(a => a.Id)
                .SingleAsync()
        );
        var removed = await TestApp.PostFormAsync(
            townAdmin,
            $"/Organizations/Detail/{branch.Id}",
            Form(("adminId", post.ToString())),
            $"/Organizations/Detail/{branch.Id}?handler=RemoveAdmin&adminId={post}"
        );
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        // Still the administrator of another branch: this one's member is now outside the scope.
        Assert.Equal(HttpStatusCode.NotFound, (await onFirst.GetAsync($"/api/members/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onFirst.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);

        // The last post removed: no administrator any more.
        var last = await app.WithDbAsync(db =>
            db.OrgAdministrators.Where(a => a.OrganizationId == kept.Id && a.Account!.UserName == card)
                .Select(a => a.Id)
                .SingleAsync()
        );
        await second.WithDbAsync(async db =>
        {
            db.OrgAdministrators.Remove(await db.OrgAdministrators.SingleAsync(a => a.Id == last));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await onFirst.GetAsync("/api/members")).StatusCode);
    }

    [Fact]
    public async Task AppointmentOnAnotherInstance_TheNextRequestHereSeesTheBranch()
    {
        var (town, branch) = await app.AddTownAsync("新任镇");
        var member = await app.AddMemberAsync(branch, "新任者");
        var card = TestApp.NewCard();
        var onFirst = await app.SignInAsNewAccountAsync(card, member);
        Assert.Equal(HttpStatusCode.Forbidden, (await onFirst.GetAsync("/api/members")).StatusCode);

        await using var second = app.SecondInstance();
        var townAdmin = await second.SignInAsAdministratorOfAsync(town);
        var added = await TestApp.PostFormAsync(
            townAdmin,
            $"/Organizations/Detail/{branch.Id}",
            Form(("CardNumber", card)),
            $"/Organizations/Detail/{branch.Id}?handler=AddAdmin"
        );
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/api/members/{member.Id}")).StatusCode);
    }

    [Fact]
    public async Task AdministeredOrganizationMovedOnAnotherInstance_ItsAdministratorHereFollowsIt()
    {
        var (town, branch) = await app.AddTownAsync("迁出镇");
        var (other, _) = await app.AddTownAsync("迁入镇");
        var member = await app.AddMemberAsync(branch, "随迁者");
        var onFirst = await app.SignInAsAdministratorOfAsync(branch);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/api/members/{member.Id}")).StatusCode);

        await using var second = app.SecondInstance();
        var district = await second.SignInAsDistrictAsync();
        var moved = await TestApp.PostFormAsync(
            district,
            $"/Organizations/Detail/{branch.Id}",
            Form(("parentCode", other.Code)),
            $"/Organizations/Detail/{branch.Id}?handler=Move"
        );
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.StartsWith(
            other.Path,
            await app.WithDbAsync(db =>
                db.Organizations.Where(o => o.Id == branch.Id).Select(o => o.Path).SingleAsync()
            )
        );

        // The cached subtree (the branch's old path) would find nothing now.
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/api/members/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onFirst.GetAsync($"/Organizations/Detail/{town.Id}")).StatusCode);
    }

    [Fact]
    public async Task MemberMovedOnAnotherInstance_TheirNextRequestHereReadsTheNewBranch()
    {
        var (_, branch) = await app.AddTownAsync("原支部镇");
        var (_, newBranch) = await app.AddTownAsync("新支部镇");
        var member = await app.AddMemberAsync(branch, "调动者");
        var onFirst = await app.SignInAsMemberAsync(member);
        Assert.Contains(branch.Name, await onFirst.GetStringAsync("/"));

        await using var second = app.SecondInstance();
        await second.WithDbAsync(async db =>
        {
            var row = await db.Members.SingleAsync(m => m.Id == member.Id);
            row.OrganizationId = newBranch.Id;
            return await db.SaveChangesAsync();
        });

        // The home page shows the member's branch through the organization filter, which reads the member's branch
        // path.
        var home = await onFirst.GetStringAsync("/");
        Assert.Contains(newBranch.Name, home);
        Assert.DoesNotContain(branch.Name, home);
    }

    [Fact]
    public async Task AccountLinkedToAMemberOnAnotherInstance_TheNextRequestHereIsThatMember()
    {
        var (_, branch) = await app.AddTownAsync("关联镇");
        var member = await app.AddMemberAsync(branch, "关联者");
        var card = TestApp.NewCard();
        var onFirst = await app.SignInAsNewAccountAsync(card, administers: [branch]);
        Assert.Null((await onFirst.GetFromJsonAsync<Me>("/api/me"))!.MemberId);

        await using var second = app.SecondInstance();
        await second.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(a => a.UserName == card);
            account.MemberId = member.Id;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(member.Id, (await onFirst.GetFromJsonAsync<Me>("/api/me"))!.MemberId);
        Assert.Contains(branch.Name, await onFirst.GetStringAsync("/"));
    }

    [Fact]
    public async Task EverySaveThatChangesAdministeredSubtrees_RaisesTheVersion_OthersDoNot()
    {
        var (town, branch) = await app.AddTownAsync("版本镇");
        var (other, _) = await app.AddTownAsync("版本二镇");
        var card = TestApp.NewCard();
        var account = await app.AddAccountAsync(card);
        Task<long> Version() => app.WithDbAsync(db => db.ScopeVersions.Select(v => v.Value).SingleAsync());

        var before = await Version();
        await app.WithDbAsync(async db =>
        {
            // a name is no part of anyone's scope
            (await db.Organizations.SingleAsync(o => o.Id == branch.Id)).Name = "版本镇改名支部";
            return await db.SaveChangesAsync();
        });
        await app.AddMemberAsync(branch, "不相干");
        Assert.Equal(before, await Version());

        var appointed = await app.WithDbAsync(async db =>
        {
            var post = new OrgAdministrator { AccountId = account.Id, OrganizationId = branch.Id };
            db.OrgAdministrators.Add(post);
            await db.SaveChangesAsync();
            return post;
        });
        Assert.Equal(before + 1, await Version());

        await app.WithDbAsync(
            async (db, sp) =>
            {
                await sp.GetRequiredService<OrgEditor>()
                    .MoveAsync(await db.Organizations.SingleAsync(o => o.Id == branch.Id), other.Code);
                return 0;
            }
        );
        var afterMove = await Version();
        Assert.Equal(before + 2, afterMove);

        await app.WithDbAsync(async db =>
        {
            db.OrgAdministrators.Remove(await db.OrgAdministrators.SingleAsync(a => a.Id == appointed.Id));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(afterMove + 1, await Version());
        Assert.NotEqual(
            town.Path,
            await app.WithDbAsync(db =>
                db.Organizations.Where(o => o.Id == branch.Id).Select(o => o.Path).SingleAsync()
            )
        );
    }

    [Fact]
    public void Cache_AnswersOnlyForTheVersionItWasFilledAt_AndANewerVersionDropsIt()
    {
        var cache = new OrgScopeCache();
        cache.Keep("a", 5, ["/R/T1/"]);
        Assert.Equal(["/R/T1/"], cache.Find("a", 5));
        Assert.Null(cache.Find("a", 4));
        Assert.Null(cache.Find("a", 6));

        cache.Keep("b", 6, ["/R/T2/"]); // a request that read a newer version
        Assert.Null(cache.Find("a", 5));
        cache.Keep("a", 5, ["/R/T1/"]); // a request that read the older one, late: kept nowhere
        Assert.Null(cache.Find("a", 5));
        Assert.Null(cache.Find("a", 6));
        Assert.Equal(["/R/T2/"], cache.Find("b", 6));
    }

    private sealed record Me(string Name, int? MemberId);
}
