using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Audit;

public sealed class AuditTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(HttpClient Client, Organization Branch, string Card)> AdminAsync(string town)
    {
        var (_, branch) = await app.AddTownAsync(town);
        var card = TestApp.NewCard();
        return (await app.SignInAsNewAccountAsync(card, administers: [branch]), branch, card);
    }

    private Task<List<AuditEntry>> EntriesAsync(int memberId) =>
        app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "Member" && a.EntityId == memberId.ToString())
                .OrderBy(a => a.Id)
                .ToListAsync()
        );

    [Fact]
    public async Task MemberCreateAndEdit_AreLoggedWithWhoAndFieldsFromTo_WithoutTheIdNumberOrFullPhone()
    {
        var (client, branch, card) = await AdminAsync("日志镇");
        var id = TestApp.NextIdNumber();
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "日志甲",
            ["Input.Gender"] = "Male",
            ["Input.Ethnicity"] = "汉族",
            ["Input.BirthDate"] = IdNumber.BirthDate(id)!.Value.ToString("yyyy-MM-dd"),
            ["Input.IdNumber"] = id,
            ["Input.Mobile"] = "13912345678",
            ["Input.Education"] = "Bachelor",
            ["Input.JoinedOn"] = "2015-07-01",
            ["Input.Status"] = "Full",
            ["Input.OrganizationId"] = branch.Id.ToString(),
        };
        var created = await TestApp.PostFormAsync(client, "/Members/Create", form);
        var memberId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        form["Input.IdNumber"] = "";
        form["Input.Mobile"] = "13700001111";
        form["Input.Status"] = "Probationary";
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await TestApp.PostFormAsync(client, $"/Members/Edit/{memberId}", form)).StatusCode
        );
        // Saving unchanged data writes nothing.
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await TestApp.PostFormAsync(client, $"/Members/Edit/{memberId}", form)).StatusCode
        );

        var entries = await EntriesAsync(memberId);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Contains(card, e.ActorName));
        Assert.All(entries, e => Assert.Equal(branch.Path, e.OrgPath));
        Assert.Contains("日志甲", entries[0].Changes);
        Assert.DoesNotContain(id, entries[0].Changes);
        Assert.Contains(IdNumber.Mask(id), entries[0].Changes);
        Assert.Contains("\"Field\":\"Mobile\",\"From\":\"139****5678\",\"To\":\"137****1111\"", entries[1].Changes);
        Assert.Contains("\"Field\":\"Status\",\"From\":\"正式党员\",\"To\":\"预备党员\"", entries[1].Changes);
        Assert.DoesNotContain("Name", entries[1].Changes);

        var page = await client.GetStringAsync($"/Audit?type=Member&id={memberId}");
        Assert.Contains("手机号码:139****5678 → 137****1111", page);
        Assert.Contains("党员类别:正式党员 → 预备党员", page);
    }

    private static readonly Dictionary<string, string> Reason = new() { ["reason"] = "核对党员信息" };

    private static string Reveal(int memberId) => $"/Members/Detail/{memberId}?handler=RevealIdNumber";

    [Fact]
    public async Task RevealingTheFullIdNumber_ShowsItOnce_AndIsLogged()
    {
        var (client, branch, _) = await AdminAsync("查看镇");
        var id = TestApp.NextIdNumber();
        var member = await app.AddMemberAsync(branch, "查看乙", id);
        var before = await client.GetDocumentAsync($"/Members/Detail/{member.Id}");
        Assert.DoesNotContain(id, before.Body!.TextContent);
        // The button says, in plain words, that the view is recorded and shown to the member; the two transfers differ.
        Assert.Contains("查看会被记录(谁、何时、为什么)", before.TextOf("#reveal-note"));
        Assert.Contains("党员本人可以看到", before.TextOf("#reveal-note"));
        Assert.Contains("转往不使用本平台的党组织", before.TextOf("#transfer-help"));
        var response = await TestApp.PostFormAsync(client, $"/Members/Detail/{member.Id}", Reason, Reveal(member.Id));
        Assert.Contains($"<span id=\"full-id\">{id}</span>", await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(await EntriesAsync(member.Id));
        Assert.Equal(AuditAction.Viewed, entry.Action);
        Assert.Contains("完整身份证号码", await client.GetStringAsync("/Audit"));
    }

    [Fact]
    public async Task AdminOfB_SeesNoneOfAsLog_AndCannotRevealAsIdNumbers()
    {
        var (clientA, branchA, _) = await AdminAsync("甲日志");
        var (clientB, _, _) = await AdminAsync("乙日志");
        var member = await app.AddMemberAsync(branchA, "甲方党员");
        await TestApp.PostFormAsync(clientA, $"/Members/Detail/{member.Id}", Reason, Reveal(member.Id));
        Assert.Contains("甲方党员", await clientA.GetStringAsync("/Audit"));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await clientB.GetAsync($"/Audit?type=Member&id={member.Id}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await clientB.GetAsync($"/Audit?type=Organization&id={branchA.Id}")).StatusCode
        );
        Assert.Contains("甲方党员", await clientA.GetStringAsync($"/Audit?type=Member&id={member.Id}"));
        // A member of A's branch with no history yet (written by the system) is still A's: an empty page, not 404.
        var quiet = await app.AddMemberAsync(branchA, "无记录党员");
        Assert.Equal(HttpStatusCode.OK, (await clientA.GetAsync($"/Audit?type=Member&id={quiet.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Audit?type=Member&id={quiet.Id}")).StatusCode);
        var reveal = await TestApp.PostFormAsync(clientB, "/Audit", Reason, Reveal(member.Id));
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
        Assert.Single(await EntriesAsync(member.Id));
    }
}
