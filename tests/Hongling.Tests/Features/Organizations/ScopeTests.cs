using System.Net;
using System.Net.Http.Json;
using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Organizations;

/// <summary>The proof DESIGN.md asks for: an administrator of branch A asks for branch B's objects by id
/// and gets nothing; a member asks for admin pages and is refused.</summary>
public sealed class ScopeTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(HttpClient AdminA, Organization A, Organization B, Member InA, Member InB)> TwoBranchesAsync()
    {
        var (_, a) = await app.AddTownAsync("甲镇");
        var (_, b) = await app.AddTownAsync("乙镇");
        var inA = await app.AddMemberAsync(a, "甲党员");
        var inB = await app.AddMemberAsync(b, "乙党员");
        return (await app.SignInAsAdministratorOfAsync(a), a, b, inA, inB);
    }

    [Fact]
    public async Task AdminOfA_AsksForMemberOfB_InTheUi_Gets404()
    {
        var (client, _, _, inA, inB) = await TwoBranchesAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/Detail/{inA.Id}")).StatusCode);
        var response = await client.GetAsync($"/Members/Detail/{inB.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.DoesNotContain("乙党员", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/Edit/{inB.Id}")).StatusCode);
    }

    private static Dictionary<string, string> EditForm(Member member, string name, Organization branch) =>
        new()
        {
            ["Input.Name"] = name,
            ["Input.Gender"] = "Male",
            ["Input.Ethnicity"] = "汉族",
            ["Input.BirthDate"] = member.BirthDate.ToString("yyyy-MM-dd"),
            ["Input.Mobile"] = "13912345678",
            ["Input.Education"] = "Bachelor",
            ["Input.JoinedOn"] = "2015-07-01",
            ["Input.Status"] = "Full",
            ["Input.OrganizationId"] = branch.Id.ToString(),
        };

    [Fact]
    public async Task AdminOfA_WritesToMemberOfB_Gets404_AndNothingChanges()
    {
        var (client, a, _, inA, inB) = await TwoBranchesAsync();
        var form = EditForm(inB, "篡改", a);
        var edit = await TestApp.PostFormAsync(client, $"/Members/Detail/{inA.Id}", form, $"/Members/Edit/{inB.Id}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var card = await TestApp.PostFormAsync(
            client,
            $"/Members/Detail/{inA.Id}",
            new Dictionary<string, string>(),
            $"/Members/Detail/{inB.Id}?handler=IssueCard"
        );
        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
        var stored = await app.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Members, m =>
                m.Id == inB.Id
            )
        );
        Assert.Equal("乙党员", stored.Name);
        Assert.Null(stored.CardNumber);
    }

    [Fact]
    public async Task AdminOfA_MovesOwnMemberIntoB_IsRefused()
    {
        var (client, _, b, inA, _) = await TwoBranchesAsync();
        var form = EditForm(inA, "甲党员", b);
        var html = await (
            await TestApp.PostFormAsync(client, $"/Members/Edit/{inA.Id}", form)
        ).Content.ReadAsStringAsync();
        Assert.Contains("请选择您管辖范围内的党支部", html);
        Assert.Equal(
            inA.OrganizationId,
            (
                await app.WithDbAsync(db =>
                    Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Members, m =>
                        m.Id == inA.Id
                    )
                )
            ).OrganizationId
        );
    }

    [Fact]
    public async Task AdminOfA_AsksForBThroughTheApi_Gets404ProblemBodies()
    {
        var (client, a, b, inA, inB) = await TwoBranchesAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/members/{inA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/orgs/{a.Id}/members")).StatusCode);
        foreach (
            var url in new[]
            {
                $"/api/members/{inB.Id}",
                $"/api/orgs/{b.Id}",
                $"/api/orgs/{b.Id}/members",
                $"/api/orgs/{b.Id}/children",
                "/api/orgs/999999/members",
            }
        )
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("未找到", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AdminOfA_Lists_SeeOnlyA()
    {
        var (client, a, _, _, _) = await TwoBranchesAsync();
        var html = await client.GetStringAsync("/Members");
        Assert.Contains("甲党员", html);
        Assert.DoesNotContain("乙党员", html);
        var tree = await client.GetStringAsync("/Organizations");
        Assert.Contains("甲镇", tree);
        Assert.DoesNotContain("乙镇", tree);
        var api = await client.GetFromJsonAsync<MemberPage>("/api/members", TestContext.Current.CancellationToken);
        Assert.All(api!.Rows, r => Assert.Equal(a.Name, r.Organization));
    }

    private sealed record MemberPage(List<MemberRow> Rows, int Total);

    private sealed record MemberRow(int Id, string Name, string Organization, string IdNumber, string Mobile);

    [Fact]
    public async Task Member_AsksForAdminPages_IsRefused()
    {
        var (_, a, _, inA, _) = await TwoBranchesAsync();
        var client = await app.SignInAsMemberAsync(inA);
        foreach (var url in new[] { "/Members", $"/Members/Detail/{inA.Id}", "/Organizations", "/Members/Create" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/orgs/{a.Id}/members")).StatusCode);
        Assert.Contains("甲党员", await client.GetStringAsync("/")); // their own record, on their home page
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndTheApiAnswers401()
    {
        var client = app.NewClient();
        var page = await client.GetAsync("/Members");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/members")).StatusCode);
    }

    [Fact]
    public async Task SystemAdmin_SeesEveryBranch()
    {
        var (_, _, _, inA, inB) = await TwoBranchesAsync();
        var client = await app.SignInAsDistrictAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/Detail/{inA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/members/{inB.Id}")).StatusCode);
    }
}
