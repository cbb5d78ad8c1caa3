using System.Net;
using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Sites;

/// <summary>在线监测 on the fake clock: a terminal pinged two minutes ago is online, ten minutes ago offline; a site whose
/// terminal neither pinged nor reported for eight days is silent (SilentDays is 7); sites in use without a terminal
/// (or with a revoked one only) are 无终端; stopped sites are not listed; equipment in 故障 is listed with its
/// date.</summary>
public sealed class MonitoringTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Monitoring_ShowsOnlineSilentNoTerminalAndFaulty()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var district = await app.AddDistrictAsync("监测测试区委");
        var town = await app.AddOrgAsync(district, "监测甲镇");
        var other = await app.AddOrgAsync(district, "监测乙镇");
        var m1 = await app.AddSiteAsync(town, "监测一号站点");
        var m2 = await app.AddSiteAsync(town, "监测二号站点");
        var m3 = await app.AddSiteAsync(town, "监测三号站点");
        var m4 = await app.AddSiteAsync(town, "监测四号站点");
        await app.AddSiteAsync(town, "监测停用站点", SiteStatus.Stopped);
        var m6 = await app.AddSiteAsync(town, "监测吊销站点");
        var b1 = await app.AddSiteAsync(other, "乙镇监测站点");
        var t1 = await app.AddTerminalAsync(m1, "一号终端", lastPing: now.AddMinutes(-2), lastReport: now.AddHours(-1));
        var t2 = await app.AddTerminalAsync(m2, "二号终端", lastPing: now.AddMinutes(-10), lastReport: now.AddDays(-1));
        var t3 = await app.AddTerminalAsync(m3, "三号终端", lastPing: now.AddDays(-8), lastReport: now.AddDays(-9));
        await app.AddTerminalAsync(m6, "吊销终端", lastPing: now.AddMinutes(-1), revoked: now.AddDays(-1));
        await app.AddTerminalAsync(b1, "乙镇终端", lastPing: now.AddDays(-30));
        var faulty = await app.WithDbAsync(async db =>
        {
            var e = new Equipment
            {
                SiteId = m1.Id,
                OrganizationId = m1.OrganizationId,
                Kind = EquipmentKind.SetTopBox,
                Model = "DVB-100",
                State = EquipmentState.Faulty,
            };
            e.History.Add(
                new EquipmentStateChange
                {
                    OrganizationId = m1.OrganizationId,
                    From = EquipmentState.Normal,
                    To = EquipmentState.Faulty,
                    ChangedAt = new DateTime(2029, 8, 3, 2, 0, 0, DateTimeKind.Utc),
                    ChangedBy = "操作员",
                }
            );
            db.Equipment.Add(e);
            db.Equipment.Add(
                new Equipment
                {
                    SiteId = m2.Id,
                    OrganizationId = m2.OrganizationId,
                    Kind = EquipmentKind.Television,
                    State = EquipmentState.Normal,
                }
            );
            await db.SaveChangesAsync();
            return e;
        });

        var client = await app.SignInAsAdministratorOfAsync(town);
        var response = await client.GetAsync("/Sites/Monitoring", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("60", response.Headers.GetValues("Refresh").Single());
        var page = Html.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(
            ("3", "1", "2", "1", "2", "1"),
            (
                page.TextOf("#count-terminals"),
                page.TextOf("#count-online"),
                page.TextOf("#count-offline"),
                page.TextOf("#count-silent"),
                page.TextOf("#count-no-terminal"),
                page.TextOf("#count-faulty")
            )
        );
        Assert.Equal("在线", page.TextOf($"#terminals tr[data-terminal='{t1.Id}'] td:first-child"));
        Assert.Equal("离线", page.TextOf($"#terminals tr[data-terminal='{t2.Id}'] td:first-child"));
        Assert.Equal([m3.Id.ToString()], page.DataOf("#silent tr[data-site]", "site"));
        Assert.Equal([m4.Id.ToString(), m6.Id.ToString()], page.DataOf("#no-terminal li", "site"));
        Assert.Equal(
            ["监测一号站点", "机顶盒", "DVB-100", "", "8月3日 10:00"],
            page.RowCells($"#faulty tr[data-equipment='{faulty.Id}']")
        );
        Assert.DoesNotContain("乙镇", page.Body!.TextContent);
        Assert.Null(page.QuerySelector($"#terminals tr[data-terminal='{t3.Id}'] .text-bg-success"));
    }

    [Fact]
    public async Task Monitoring_AnotherTown_IsNotFound()
    {
        var district = await app.AddDistrictAsync("监测范围区委");
        var town = await app.AddOrgAsync(district, "范围甲镇");
        var other = await app.AddOrgAsync(district, "范围乙镇");
        var client = await app.SignInAsAdministratorOfAsync(town);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/Sites/Monitoring?orgId={other.Id}", Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/Sites/Monitoring?orgId={district.Id}", Ct)).StatusCode
        );
        var (_, member) = await app.SignInAsMemberAsync(
            await app.AddOrgAsync(town, "范围甲镇一村党支部", OrgKind.Branch)
        );
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/Sites/Monitoring", Ct)).StatusCode);
    }
}
