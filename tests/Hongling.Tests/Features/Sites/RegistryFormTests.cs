using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Sites;

public sealed class RegistryFormTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Error(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"#Input_{field}")!.ParentElement!.QuerySelector(".field-error")!.Text();

    [Fact]
    public async Task Create_ValidSite_IsSavedWithItsStaff_ListedAndAudited()
    {
        var (town, branch) = await app.AddTownAsync("登记镇");
        var secretary = await app.AddMemberAsync(branch, "李书记");
        var young = await app.AddMemberAsync(branch, "王小明");
        await app.AddAccountAsync("8100000001", young); // the operator holds a red card
        var client = await app.SignInAsAdministratorOfAsync(town);
        var code = TestApp.UniqueCode("dj-");

        var response = await TestApp.PostFormAsync(client, "/Sites/Create", RegistryTestData.SiteForm(branch, code, f =>
            {
                f["Input.Administrator"] = "李书记";
                f["Input.Operator"] = "8100000001";
            }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var site = await app.WithDbAsync(db => db.Sites.SingleAsync(s => s.OrganizationId == branch.Id));
        Assert.Equal(
            (
                code.ToUpperInvariant(),
                SiteKind.Village,
                Broadband.Fibre,
                2,
                new DateOnly(2009, 6, 30),
                secretary.Id,
                young.Id,
                branch.Path
            ),
            (
                site.Code,
                site.Kind,
                site.Broadband,
                site.Batch,
                site.BuiltOn,
                site.AdministratorId,
                site.OperatorId,
                site.OrgPath
            )
        );
        Assert.Equal($"/Sites/{site.Id}", response.Headers.Location?.OriginalString);
        var detail = await client.GetDocumentAsync($"/Sites/{site.Id}");
        Assert.Contains("李书记", detail.TextOf("#site-fields"));
        Assert.Contains("王小明", detail.TextOf("#site-fields"));
        Assert.Equal(
            ["/Sites/" + site.Id + "/Terminals", "/Sites/" + site.Id + "/Sessions"],
            detail.QuerySelectorAll("#site-links a").Select(a => a.GetAttribute("href")!).Take(2)
        );
        var list = await client.GetDocumentAsync("/Sites?q=" + Uri.EscapeDataString("石桥"));
        var row = Assert.Single(list.TableRows("#sites"));
        Assert.Equal(
            ["石桥村远教站点", code.ToUpperInvariant(), branch.Name, "行政村", "在用", "光纤", "李书记", "王小明", "0"],
            row
        );

        // The audit log holds the creation, under the site's organization, with the fields entered.
        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.SingleAsync(a => a.EntityType == "Site" && a.EntityId == site.Id.ToString())
        );
        Assert.Equal((AuditAction.Created, branch.Path), (audit.Action, audit.OrgPath));
        Assert.Contains("石桥村远教站点", audit.Changes);
    }

    [Fact]
    public async Task Create_BadInput_ShowsEachChineseError_AndSavesNothing()
    {
        var (town, branch) = await app.AddTownAsync("校验镇");
        var (_, otherBranch) = await app.AddTownAsync("邻镇");
        await app.AddMemberAsync(otherBranch, "外人甲");
        var client = await app.SignInAsAdministratorOfAsync(town);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd");

        var response = await TestApp.PostFormAsync(
            client,
            "/Sites/Create",
            RegistryTestData.SiteForm(branch, "坏 编码", f =>
            {
                f["Input.Name"] = "";
                f["Input.BuiltOn"] = tomorrow;
                f["Input.Administrator"] = "外人甲";
                f["Input.Batch"] = "0";
            })
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("请填写站点名称", Error(page, "Name"));
        Assert.Equal("站点编码只能由字母、数字和“-”组成,不超过32位", Error(page, "Code"));
        Assert.Equal("建成日期不能晚于今天", Error(page, "BuiltOn"));
        Assert.Equal("建设批次应为1到99的整数", Error(page, "Batch"));
        Assert.Equal("站点管理员须是该站点所属组织的党员:该组织中没有名为“外人甲”的党员", Error(page, "Administrator"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Sites.CountAsync(s => s.OrganizationId == branch.Id)));
    }

    [Fact]
    public async Task Create_CodeUsedInAnotherTown_IsRefused_AndDuplicateNamesAskForTheCard()
    {
        var (townA, branchA) = await app.AddTownAsync("编码甲镇");
        var (_, branchB) = await app.AddTownAsync("编码乙镇");
        var taken = await app.AddSiteAsync(branchB, "乙镇站点");
        await app.AddMemberAsync(branchA, "张三");
        await app.AddMemberAsync(branchA, "张三");
        var client = await app.SignInAsAdministratorOfAsync(townA);

        // The other town's site is invisible to this administrator, yet its code is not free.
        var response = await TestApp.PostFormAsync(
            client,
            "/Sites/Create",
            RegistryTestData.SiteForm(branchA, taken.Code.ToLowerInvariant(), f => f["Input.Operator"] = "张三")
        );

        var page = await Html.ParseAsync(response);
        Assert.Equal($"站点编码“{taken.Code}”已被使用", Error(page, "Code"));
        Assert.Equal("该组织中有多名党员名为“张三”,请填写操作员的红色身份证卡号", Error(page, "Operator"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Sites.CountAsync(s => s.OrganizationId == branchA.Id)));
    }

    [Fact]
    public async Task Edit_MovingTheSiteToAnotherOrganization_TakesItsEquipmentHistoryAndMaintenanceAlong()
    {
        var (town, branch) = await app.AddTownAsync("迁移镇");
        var second = await app.WithDbAsync(async db =>
        {
            var b = new Organization
            {
                Code = TestApp.UniqueCode("B"),
                Name = "迁移镇第二党支部",
                Kind = OrgKind.Branch,
                Category = OrgCategory.Village,
            };
            b.PlaceUnder(await db.Organizations.SingleAsync(o => o.Id == town.Id));
            db.Organizations.Add(b);
            await db.SaveChangesAsync();
            return b;
        });
        var site = await app.AddSiteAsync(branch, "迁移站点", EquipmentKind.SetTopBox, EquipmentKind.Television);
        await app.WithDbAsync(async db =>
        {
            db.SiteMaintenance.Add(
                new SiteMaintenance
                {
                    SiteId = site.Id,
                    OrganizationId = branch.Id,
                    Date = new DateOnly(2025, 3, 1),
                    Work = "更换电源",
                    Cost = 35.5m,
                    RecordedBy = "测试",
                }
            );
            return await db.SaveChangesAsync();
        });
        var client = await app.SignInAsAdministratorOfAsync(town);

        var response = await TestApp.PostFormAsync(
            client,
            $"/Sites/{site.Id}/Edit",
            RegistryTestData.SiteForm(second, site.Code, f => f["Input.Name"] = "迁移后站点")
        );

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var paths = await app.WithDbAsync(async db =>
            (
                await db.Sites.Where(s => s.Id == site.Id).Select(s => s.OrgPath).SingleAsync(),
                await db.Equipment.Where(e => e.SiteId == site.Id).Select(e => e.OrgPath).Distinct().ToListAsync(),
                await db
                    .EquipmentStateChanges.Where(h => h.Equipment.SiteId == site.Id)
                    .Select(h => h.OrgPath)
                    .Distinct()
                    .ToListAsync(),
                await db.SiteMaintenance.Where(m => m.SiteId == site.Id).Select(m => m.OrgPath).Distinct().ToListAsync()
            )
        );
        Assert.Equal(second.Path, paths.Item1);
        Assert.Equal([second.Path], paths.Item2);
        Assert.Equal([second.Path], paths.Item3);
        Assert.Equal([second.Path], paths.Item4);
        var edit = await client.GetDocumentAsync($"/Sites/{site.Id}/Edit");
        Assert.Equal("迁移后站点", edit.QuerySelector("#Input_Name")!.GetAttribute("value"));
    }
}
