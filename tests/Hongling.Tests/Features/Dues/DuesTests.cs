using System.Net;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Dues;

public sealed class DuesTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData(2000, 10.00)] // 0.5%
    [InlineData(3000, 15.00)]
    [InlineData(4000, 40.00)] // 1%
    [InlineData(8000, 120.00)] // 1.5%
    [InlineData(12345, 246.90)] // 2%
    public void Rule_AppliesTheIncomeBands(decimal incomeBase, decimal expected) =>
        Assert.Equal(expected, DuesRule.MonthlyAmount(incomeBase));

    private async Task<(HttpClient Client, Organization Branch, Member[] Members)> BranchAsync(string name)
    {
        var (_, branch) = await app.AddTownAsync(name);
        var members = new[]
        {
            await app.AddMemberAsync(branch, "甲"),
            await app.AddMemberAsync(branch, "乙"),
            await app.AddMemberAsync(branch, "丙"),
        };
        await app.WithDbAsync(async db =>
        {
            (await db.Members.SingleAsync(m => m.Id == members[0].Id)).DuesAmount = 10.00m;
            (await db.Members.SingleAsync(m => m.Id == members[1].Id)).DuesAmount = 25.50m;
            return await db.SaveChangesAsync();
        });
        return (await app.SignInAsAdministratorOfAsync(branch), branch, members);
    }

    private static Task<HttpResponseMessage> PayAsync(
        HttpClient client,
        Organization org,
        int memberId,
        string amount
    ) =>
        TestApp.PostFormAsync(
            client,
            $"/Dues?org={org.Id}&month=202611",
            new Dictionary<string, string>
            {
                ["MemberId"] = memberId.ToString(),
                ["Amount"] = amount,
                ["PaidOn"] = "2026-11-05",
                ["Method"] = "WeChat",
            },
            $"/Dues?handler=Pay&org={org.Id}&month=202611"
        );

    private static string Figure(string html, string id) => Html.Parse(html).TextOf("#" + id);

    [Fact]
    public async Task Summary_AddsUpDueCollectedAndUnpaid()
    {
        var (client, branch, members) = await BranchAsync("党费镇");
        Assert.Equal(HttpStatusCode.Redirect, (await PayAsync(client, branch, members[0].Id, "10.00")).StatusCode);
        var html = await client.GetStringAsync($"/Dues?org={branch.Id}&month=202611");
        Assert.Equal("3", Figure(html, "sum-members"));
        Assert.Equal("2", Figure(html, "sum-standard"));
        Assert.Equal("1", Figure(html, "sum-paid"));
        Assert.Equal("35.50", Figure(html, "sum-due"));
        Assert.Equal("10.00", Figure(html, "sum-collected"));
        Assert.Contains("未缴党员(2)", html);
        // Another month starts empty.
        Assert.Equal("0", Figure(await client.GetStringAsync($"/Dues?org={branch.Id}&month=202610"), "sum-paid"));
    }

    [Fact]
    public async Task Pay_Twice_OrWithABadAmount_IsRefusedAndNothingSaved()
    {
        var (client, branch, members) = await BranchAsync("重复镇");
        await PayAsync(client, branch, members[1].Id, "25.50");
        Assert.Contains(
            "本月党费已登记",
            await (await PayAsync(client, branch, members[1].Id, "25.50")).Content.ReadAsStringAsync()
        );
        Assert.Contains(
            "金额应大于0",
            await (await PayAsync(client, branch, members[2].Id, "0")).Content.ReadAsStringAsync()
        );
        Assert.Equal(1, await app.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.OrganizationId == branch.Id)));
        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.EntityType == nameof(DuesPayment) && a.OrgPath == branch.Path)
        );
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task OtherSubtree_Gets404_AndMembersSeeOnlyTheirOwnDues()
    {
        var (clientA, branchA, membersA) = await BranchAsync("甲党费");
        var (clientB, branchB, _) = await BranchAsync("乙党费");
        await PayAsync(clientA, branchA, membersA[0].Id, "10.00");
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Dues?org={branchA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PayAsync(clientB, branchB, membersA[1].Id, "25.50")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == membersA[1].Id)));

        var member = await app.SignInAsMemberAsync(membersA[0]);
        var home = await member.GetStringAsync("/");
        Assert.Contains("我的党费", home);
        Assert.Contains("2026年11月", home);
        Assert.Contains("10.00 元/月", home);

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([], membersA[1].Id, branchA.Path);
        Assert.Empty(
            await scope
                .ServiceProvider.GetRequiredService<HonglingDb>()
                .DuesPayments.ToListAsync(TestContext.Current.CancellationToken)
        );
    }
}
