using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Sites;

public sealed class RegistryEquipmentTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AddEquipment_ThenChangeItsState_KeepsEveryChangeInTheHistory_AndTheListCountsTheFault()
    {
        var (town, branch) = await app.AddTownAsync("设备镇");
        var site = await app.AddSiteAsync(branch, "设备站点");
        var client = await app.SignInAsAdministratorOfAsync(town);

        var added = await TestApp.PostFormAsync(
            client,
            $"/Sites/{site.Id}/Equipment",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Television",
                ["Input.Model"] = "29英寸彩电",
                ["Input.Serial"] = "TV-001",
                ["Input.PurchasedOn"] = "2009-05-01",
                ["Input.State"] = "Normal",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var tv = await app.WithDbAsync(db => db.Equipment.SingleAsync(e => e.SiteId == site.Id));
        Assert.Equal((EquipmentKind.Television, "29英寸彩电", branch.Path), (tv.Kind, tv.Model, tv.OrgPath));

        async Task<HttpResponseMessage> ChangeAsync(string state, string note) =>
            await TestApp.PostFormAsync(
                client,
                $"/Sites/{site.Id}",
                new Dictionary<string, string> { ["StateChange.State"] = state, ["StateChange.Note"] = note },
                $"/Sites/{site.Id}?handler=State&equipmentId={tv.Id}"
            );

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync("Faulty", "无图像")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync("Normal", "更换高压包后恢复")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync("Faulty", "再次无图像")).StatusCode);

        // Refused: the state it already has, and a change without a note; neither leaves a row.
        var same = await Html.ParseAsync(await ChangeAsync("Faulty", "重复"));
        Assert.Contains("该设备已是“故障”状态,请选择新的状态", same.TextOf($"#equipment-{tv.Id} .field-error"));
        var noNote = await Html.ParseAsync(await ChangeAsync("Scrapped", ""));
        Assert.Contains("请填写变更说明", noNote.TextOf($"#equipment-{tv.Id} .field-error"));

        var history = await app.WithDbAsync(db =>
            db.EquipmentStateChanges.Where(h => h.EquipmentId == tv.Id)
                .OrderBy(h => h.Id)
                .Select(h => new
                {
                    h.From,
                    h.To,
                    h.Note,
                    h.OrgPath,
                })
                .ToListAsync()
        );
        Assert.Equal(
            [
                (null, EquipmentState.Normal),
                (EquipmentState.Normal, EquipmentState.Faulty),
                (EquipmentState.Faulty, EquipmentState.Normal),
                (EquipmentState.Normal, EquipmentState.Faulty),
            ],
            history.Select(h => (h.From, h.To))
        );
        Assert.Equal(["登记设备", "无图像", "更换高压包后恢复", "再次无图像"], history.Select(h => h.Note));
        Assert.All(history, h => Assert.Equal(branch.Path, h.OrgPath));
        Assert.Equal(
            EquipmentState.Faulty,
            await app.WithDbAsync(db => db.Equipment.Where(e => e.Id == tv.Id).Select(e => e.State).SingleAsync())
        );

        var page = await client.GetDocumentAsync($"/Sites/{site.Id}");
        var shown = page.QuerySelectorAll($"#equipment-{tv.Id} .state-history li").Select(li => li.Text()).ToList();
        Assert.Equal(4, shown.Count);
        Assert.Contains("正常 → 故障", shown[0]);
        Assert.Contains("再次无图像", shown[0]);
        Assert.Equal("故障", page.TextOf($"#equipment-{tv.Id} .equipment-state"));
        var row = Assert.Single(
            (await client.GetDocumentAsync("/Sites?q=" + Uri.EscapeDataString("设备站点"))).TableRows("#sites")
        );
        Assert.Equal("1 故障 1", row[^1]);

        // Editing the equipment's details leaves its state and history alone.
        var edited = await TestApp.PostFormAsync(
            client,
            $"/Sites/{site.Id}/Equipment/{tv.Id}",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Television",
                ["Input.Model"] = "29英寸彩电(长虹)",
                ["Input.Serial"] = "TV-001",
                ["Input.PurchasedOn"] = "2009-05-01",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await app.WithDbAsync(db => db.Equipment.SingleAsync(e => e.Id == tv.Id));
        Assert.Equal(("29英寸彩电(长虹)", EquipmentState.Faulty), (after.Model, after.State));
        Assert.Equal(4, await app.WithDbAsync(db => db.EquipmentStateChanges.CountAsync(h => h.EquipmentId == tv.Id)));
    }

    [Fact]
    public async Task AddEquipment_PurchasedInTheFuture_IsRefused()
    {
        var (town, branch) = await app.AddTownAsync("未来镇");
        var site = await app.AddSiteAsync(branch, "未来站点");
        var client = await app.SignInAsAdministratorOfAsync(town);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd");

        var response = await TestApp.PostFormAsync(
            client,
            $"/Sites/{site.Id}/Equipment",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Computer",
                ["Input.PurchasedOn"] = tomorrow,
                ["Input.State"] = "Normal",
            }
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            "购置日期不能晚于今天",
            (await Html.ParseAsync(response)).TextOf("#Input_PurchasedOn + .field-error")
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.Equipment.CountAsync(e => e.SiteId == site.Id)));
    }
}
