using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Organizations;

public sealed class OrgEditorTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(HttpClient Client, Organization Town, Organization Branch)> TownAdminAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        return (await app.SignInAsAdministratorOfAsync(town), town, branch);
    }

    private static Task<HttpResponseMessage> PostAsync(
        HttpClient client,
        int id,
        string handler,
        Dictionary<string, string> fields
    ) => TestApp.PostFormAsync(client, "/Organizations", fields, $"/Organizations/Detail/{id}?handler={handler}");

    private Task<Organization> OrgAsync(int id) =>
        app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));

    [Fact]
    public async Task CreateRenameAndDissolve_AChildBranch()
    {
        var (client, town, _) = await TownAdminAsync("设立镇");
        var code = TestApp.UniqueCode("C");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await PostAsync(
                    client,
                    town.Id,
                    "CreateChild",
                    new()
                    {
                        ["name"] = "新设支部",
                        ["kind"] = "Branch",
                        ["category"] = "Community",
                        ["code"] = code,
                    }
                )
            ).StatusCode
        );
        var created = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == code));
        Assert.Equal(town.Path + code + "/", created.Path);
        var duplicate = await (
            await PostAsync(
                client,
                town.Id,
                "CreateChild",
                new()
                {
                    ["name"] = "重号",
                    ["kind"] = "Branch",
                    ["category"] = "Community",
                    ["code"] = code,
                }
            )
        ).Content.ReadAsStringAsync();
        Assert.Contains("该组织编码已被使用", duplicate);
        Assert.DoesNotContain("请输入卡号", duplicate); // the appoint form's field is not validated by other forms
        Assert.Contains(
            "党支部下不能设立党支部",
            await (
                await PostAsync(
                    client,
                    created.Id,
                    "CreateChild",
                    new()
                    {
                        ["name"] = "错级",
                        ["kind"] = "Branch",
                        ["category"] = "Community",
                    }
                )
            ).Content.ReadAsStringAsync()
        );

        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await PostAsync(client, created.Id, "Rename", new() { ["name"] = "改名支部", ["category"] = "Village" })
            ).StatusCode
        );
        Assert.Equal("改名支部", (await OrgAsync(created.Id)).Name);

        await app.AddMemberAsync(created, "留守");
        Assert.Contains(
            "该组织还有党员",
            await (await PostAsync(client, created.Id, "Dissolve", [])).Content.ReadAsStringAsync()
        );
        var empty = await app.WithDbAsync(async db =>
        {
            var o = new Organization
            {
                Code = TestApp.UniqueCode("E"),
                Name = "空支部",
                Kind = OrgKind.Branch,
            };
            o.PlaceUnder(await db.Organizations.SingleAsync(x => x.Id == town.Id));
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, empty.Id, "Dissolve", [])).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Id == empty.Id)));
    }

    [Fact]
    public async Task Move_TakesTheWholeSubtreeWithItsMembersAndRecords()
    {
        var (_, townA) = (0, (await app.AddTownAsync("迁移甲")).Town);
        var (townB, _) = await app.AddTownAsync("迁移乙");
        var group = await app.WithDbAsync(async db =>
        {
            var gb = new Organization
            {
                Code = TestApp.UniqueCode("G"),
                Name = "总支",
                Kind = OrgKind.GeneralBranch,
            };
            gb.PlaceUnder(await db.Organizations.SingleAsync(o => o.Id == townA.Id));
            db.Organizations.Add(gb);
            await db.SaveChangesAsync();
            var b = new Organization
            {
                Code = TestApp.UniqueCode("B"),
                Name = "总支一支部",
                Kind = OrgKind.Branch,
            };
            b.PlaceUnder(gb);
            db.Organizations.Add(b);
            await db.SaveChangesAsync();
            return (gb, b);
        });
        var member = await app.AddMemberAsync(group.b, "随迁");
        var root = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "ROOT"));
        var client = await app.SignInAsAdministratorOfAsync(townA, townB);

        Assert.Contains(
            "不能移到本组织或其下级组织之下",
            await (
                await PostAsync(client, group.gb.Id, "Move", new() { ["parentCode"] = group.b.Code })
            ).Content.ReadAsStringAsync()
        );
        Assert.Contains(
            "没有这个组织编码,或不在您的管理范围内",
            await (
                await PostAsync(client, group.gb.Id, "Move", new() { ["parentCode"] = root.Code })
            ).Content.ReadAsStringAsync()
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await PostAsync(client, group.gb.Id, "Move", new() { ["parentCode"] = townB.Code })).StatusCode
        );

        var movedBranch = await OrgAsync(group.b.Id);
        Assert.Equal(townB.Path + group.gb.Code + "/" + group.b.Code + "/", movedBranch.Path);
        Assert.Equal(townB.Depth + 2, movedBranch.Depth);
        var movedMember = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == member.Id));
        Assert.Equal(movedBranch.Path, movedMember.OrgPath);

        // Town B's own administrator now sees the member; town A's no longer does.
        Assert.Equal(
            HttpStatusCode.OK,
            (await (await app.SignInAsAdministratorOfAsync(townB)).GetAsync($"/Members/Detail/{member.Id}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await (await app.SignInAsAdministratorOfAsync(townA)).GetAsync($"/Members/Detail/{member.Id}")).StatusCode
        );
    }

    [Fact]
    public async Task OutsideTheScope_Every_OrgAction_Is404()
    {
        var (client, _, _) = await TownAdminAsync("管理甲");
        var (otherTown, otherBranch) = await app.AddTownAsync("管理乙");
        foreach (
            var (handler, fields) in new (string, Dictionary<string, string>)[]
            {
                (
                    "CreateChild",
                    new()
                    {
                        ["name"] = "越权",
                        ["kind"] = "Branch",
                        ["category"] = "Village",
                    }
                ),
                ("Rename", new() { ["name"] = "越权", ["category"] = "Village" }),
                ("Move", new() { ["parentCode"] = otherTown.Code }),
                ("Dissolve", []),
            }
        )
            Assert.Equal(
                HttpStatusCode.NotFound,
                (await PostAsync(client, otherBranch.Id, handler, fields)).StatusCode
            );
        Assert.Equal("管理乙第一党支部", (await OrgAsync(otherBranch.Id)).Name);
    }
}
