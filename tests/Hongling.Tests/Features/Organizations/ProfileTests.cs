using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Organizations;

public sealed class ProfileTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> Form(
        string intro = "",
        string address = "",
        string phone = "",
        string secretary = "",
        string founded = ""
    ) =>
        new()
        {
            ["Input.Introduction"] = intro,
            ["Input.Address"] = address,
            ["Input.Phone"] = phone,
            ["Input.SecretaryId"] = secretary,
            ["Input.FoundedOn"] = founded,
        };

    private async Task<(Organization Town, Organization Branch, HttpClient Admin)> TownAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        return (town, branch, await app.SignInAsAdministratorOfAsync(town));
    }

    [Fact]
    public async Task Admin_MaintainsTheProfile_ItIsShownSanitizedAndTheMaintenanceIsRecorded()
    {
        var (_, branch, admin) = await TownAsync("简介镇");
        var secretary = await app.AddMemberAsync(branch, "王书记");
        var url = $"/Organizations/Profile/{branch.Id}";
        var saved = await TestApp.PostFormAsync(
            admin,
            url,
            Form(
                intro: "<p>支部成立于<strong>1998年</strong></p><script>alert(1)</script><img src=/media/"
                    + "3f2504e0-4f89-41d3-9a0c-0305e82c3301.jpg onerror=alert(2)><a href=\"javascript:alert(3)"
                    + "\">链接</a>",
                address: "中山路1号",
                phone: "023-12345678",
                secretary: secretary.Id.ToString(),
                founded: "1998-07-01"
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var org = await app.WithDbAsync(db =>
            db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == branch.Id)
        );
        Assert.Equal(
            "<p>支部成立于<strong>1998年</strong></p><img src=\"/media/3f2504e0-4f89-41d3-9a0c-0305e82c3301.jpg\"><a>链接</a>",
            org.Introduction
        );
        Assert.Equal(
            ("中山路1号", "023-12345678", secretary.Id, new DateOnly(1998, 7, 1)),
            (org.Address, org.Phone, org.SecretaryId!.Value, org.FoundedOn!.Value)
        );
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, org.ProfileUpdatedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.False(string.IsNullOrEmpty(org.ProfileUpdatedBy));

        var page = await admin.GetStringAsync($"/Organizations/Detail/{branch.Id}");
        Assert.Contains("<strong>1998年</strong>", page);
        Assert.DoesNotContain("alert(", page);
        Assert.Contains("王书记", page);
        Assert.Contains("023-12345678", page);

        // Plain text keeps its paragraphs and is encoded, not interpreted.
        await TestApp.PostFormAsync(admin, url, Form(intro: "第一段 a<b\n第二行\n\n第二段"));
        Assert.Equal(
            "<p>第一段 a&lt;b<br>第二行</p><p>第二段</p>",
            await app.WithDbAsync(db =>
                db.Organizations.IgnoreQueryFilters()
                    .Where(o => o.Id == branch.Id)
                    .Select(o => o.Introduction)
                    .SingleAsync()
            )
        );
    }

    [Fact]
    public async Task BadInput_GetsChineseMessages_AndNothingIsSaved()
    {
        var (town, branch, admin) = await TownAsync("错简介镇");
        var (_, sibling) = await app.AddTownAsync("邻镇");
        var url = $"/Organizations/Profile/{branch.Id}";
        var future = app.Clock.GetUtcNow().UtcDateTime.AddDays(3).ToString("yyyy-MM-dd");
        var bad = await TestApp.PostFormAsync(admin, url, Form(intro: "有效", phone: "12345", founded: future));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("联系电话应为11位手机号码或带区号的固定电话", html);
        Assert.Contains("成立日期不能晚于今天", html);

        // A member of the town's other branch is in scope but not the branch's own: a form error.
        var otherBranch = await app.WithDbAsync(async db =>
        {
            var b = new Organization
            {
                Code = TestApp.UniqueCode("PB"),
                Name = "镇机关支部",
                Kind = OrgKind.Branch,
            };
            b.PlaceUnder(await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == town.Id));
            db.Organizations.Add(b);
            await db.SaveChangesAsync();
            return b;
        });
        var stranger = await app.AddMemberAsync(otherBranch, "外支部");
        var wrongSecretary = await TestApp.PostFormAsync(admin, url, Form(secretary: stranger.Id.ToString()));
        Assert.Contains("书记应为本组织(含下级组织)的党员", await wrongSecretary.Content.ReadAsStringAsync());

        var org = await app.WithDbAsync(db =>
            db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == branch.Id)
        );
        Assert.Null(org.Introduction);
        Assert.Null(org.ProfileUpdatedAt);
        Assert.Null(org.SecretaryId);
        _ = sibling;
    }

    [Fact]
    public async Task AdminOfA_CannotOpenOrSaveBsProfile_NorNameBsMemberSecretary()
    {
        var (_, a, adminA) = await TownAsync("甲简介");
        var (_, b) = await app.AddTownAsync("乙简介");
        var bMember = await app.AddMemberAsync(b, "乙党员");
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.GetAsync($"/Organizations/Profile/{b.Id}")).StatusCode);
        var post = await TestApp.PostFormAsync(
            adminA,
            $"/Organizations/Profile/{a.Id}",
            Form(intro: "篡改"),
            $"/Organizations/Profile/{b.Id}"
        );
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var tampered = await TestApp.PostFormAsync(
            adminA,
            $"/Organizations/Profile/{a.Id}",
            Form(intro: "篡改", secretary: bMember.Id.ToString())
        );
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        var both = await app.WithDbAsync(db =>
            db.Organizations.IgnoreQueryFilters()
                .Where(o => o.Id == a.Id || o.Id == b.Id)
                .Select(o => o.Introduction)
                .ToListAsync()
        );
        Assert.All(both, Assert.Null);
    }

    [Fact]
    public async Task BackupAdministrator_IsListedApart_AndAdministersTheBranch()
    {
        var (_, branch, admin) = await TownAsync("后备镇");
        var member = await app.AddMemberAsync(branch, "后备人");
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, member);
        var added = await TestApp.PostFormAsync(
            admin,
            $"/Organizations/Detail/{branch.Id}",
            new Dictionary<string, string> { ["CardNumber"] = card, ["backup"] = "true" },
            $"/Organizations/Detail/{branch.Id}?handler=AddAdmin"
        );
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(
            await app.WithDbAsync(db =>
                db.OrgAdministrators.IgnoreQueryFilters().AnyAsync(x => x.OrganizationId == branch.Id && x.IsBackup)
            )
        );
        Assert.Contains("后备管理员</span>后备人", await admin.GetStringAsync($"/Organizations/Detail/{branch.Id}"));
        var backup = await app.SignedInClientAsync(card);
        Assert.Equal(HttpStatusCode.OK, (await backup.GetAsync($"/Organizations/Profile/{branch.Id}")).StatusCode);
    }
}
