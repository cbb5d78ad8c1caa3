using System.Net;

namespace Hongling.Tests.Features.Organizations;

public sealed class AdministratorsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TownAdmin_AppointsABranchAdministrator_WhoThenSeesThatBranchOnly()
    {
        var (town, branch) = await app.AddTownAsync("任命镇");
        var townAdmin = await app.SignInAsAdministratorOfAsync(town);
        var member = await app.AddMemberAsync(branch, "新管理员");
        var memberCard = TestApp.NewCard();
        await app.AddAccountAsync(memberCard, member);

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await (await app.SignedInClientAsync(memberCard)).GetAsync("/Members")).StatusCode
        );

        var unknown = await TestApp.PostFormAsync(
            townAdmin,
            $"/Organizations/Detail/{branch.Id}",
            new Dictionary<string, string> { ["CardNumber"] = "9999999999" },
            $"/Organizations/Detail/{branch.Id}?handler=AddAdmin"
        );
        Assert.Contains("没有这张红色身份证", await unknown.Content.ReadAsStringAsync());
        var empty = await TestApp.PostFormAsync(
            townAdmin,
            $"/Organizations/Detail/{branch.Id}",
            new Dictionary<string, string> { ["CardNumber"] = " " },
            $"/Organizations/Detail/{branch.Id}?handler=AddAdmin"
        );
        Assert.Contains("请输入卡号", await empty.Content.ReadAsStringAsync());

        var added = await TestApp.PostFormAsync(
            townAdmin,
            $"/Organizations/Detail/{branch.Id}",
            new Dictionary<string, string> { ["CardNumber"] = memberCard },
            $"/Organizations/Detail/{branch.Id}?handler=AddAdmin"
        );
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains(memberCard, await townAdmin.GetStringAsync($"/Organizations/Detail/{branch.Id}"));

        var again = await TestApp.PostFormAsync(
            townAdmin,
            $"/Organizations/Detail/{branch.Id}",
            new Dictionary<string, string> { ["CardNumber"] = memberCard },
            $"/Organizations/Detail/{branch.Id}?handler=AddAdmin"
        );
        Assert.Contains("已是本组织的管理员", await again.Content.ReadAsStringAsync());

        // The scope is read per request: the new administrator's existing session gains the branch at once.
        var newAdmin = await app.SignedInClientAsync(memberCard);
        Assert.Equal(HttpStatusCode.OK, (await newAdmin.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await newAdmin.GetAsync($"/Organizations/Detail/{town.Id}")).StatusCode);
    }

    [Fact]
    public async Task AdminOfA_OpensOrAppointsInB_Gets404()
    {
        var (_, a) = await app.AddTownAsync("甲任命");
        var (_, b) = await app.AddTownAsync("乙任命");
        var card = TestApp.NewCard();
        var client = await app.SignInAsNewAccountAsync(card, administers: [a]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Organizations/Detail/{b.Id}")).StatusCode);
        var post = await TestApp.PostFormAsync(
            client,
            $"/Organizations/Detail/{a.Id}",
            new Dictionary<string, string> { ["CardNumber"] = card },
            $"/Organizations/Detail/{b.Id}?handler=AddAdmin"
        );
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.OrgAdministrators, x =>
                    x.OrganizationId == b.Id
                )
            )
        );
    }
}
