using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Sites;

public sealed class RegistryScopeTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AnotherTownsSite_IsNotFound_OnEveryGetAndPost_AndNeverListedOrChanged()
    {
        var (townA, branchA) = await app.AddTownAsync("范围甲镇");
        var (_, branchB) = await app.AddTownAsync("范围乙镇");
        var own = await app.AddSiteAsync(branchA, "本镇站点");
        var other = await app.AddSiteAsync(branchB, "他镇站点", EquipmentKind.Television);
        var eid = await app.WithDbAsync(db =>
            db.Equipment.Where(e => e.SiteId == other.Id).Select(e => e.Id).SingleAsync()
        );
        var client = await app.SignInAsAdministratorOfAsync(townA);

        foreach (
            var url in new[]
            {
                $"/Sites/{other.Id}",
                $"/Sites/{other.Id}/Edit",
                $"/Sites/{other.Id}/Equipment",
                $"/Sites/{other.Id}/Equipment/{eid}",
                $"/Sites/{own.Id}/Equipment/{eid}",
            }
        )
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

        var posts = new (string Url, Dictionary<string, string> Form)[]
        {
            ($"/Sites/{other.Id}/Edit", RegistryTestData.SiteForm(branchA, other.Code)),
            ($"/Sites/{other.Id}/Equipment", new() { ["Input.Kind"] = "Computer", ["Input.State"] = "Normal" }),
            ($"/Sites/{other.Id}/Equipment/{eid}", new() { ["Input.Kind"] = "Computer" }),
            (
                $"/Sites/{other.Id}?handler=State&equipmentId={eid}",
                new() { ["StateChange.State"] = "Faulty", ["StateChange.Note"] = "越权" }
            ),
            (
                $"/Sites/{own.Id}?handler=State&equipmentId={eid}",
                new() { ["StateChange.State"] = "Faulty", ["StateChange.Note"] = "越权" }
            ),
            (
                $"/Sites/{other.Id}?handler=Maintenance",
                new()
                {
                    ["Record.Date"] = "2025-01-01",
                    ["Record.Work"] = "越权",
                    ["Record.Cost"] = "1",
                }
            ),
        };
        foreach (var (url, form) in posts)
            Assert.Equal(
                HttpStatusCode.NotFound,
                (await TestApp.PostFormAsync(client, $"/Sites/{own.Id}", form, url)).StatusCode
            );

        var list = await client.GetStringAsync("/Sites");
        Assert.Contains("本镇站点", list);
        Assert.DoesNotContain("他镇站点", list);
        var unchanged = await app.WithDbAsync(async db =>
            (
                await db.Sites.Where(s => s.Id == other.Id).Select(s => s.OrganizationId).SingleAsync(),
                await db.Equipment.CountAsync(e => e.SiteId == other.Id),
                await db.EquipmentStateChanges.CountAsync(h => h.EquipmentId == eid),
                await db.SiteMaintenance.CountAsync(m => m.SiteId == other.Id)
            )
        );
        Assert.Equal((branchB.Id, 1, 1, 0), unchanged);
    }
}
