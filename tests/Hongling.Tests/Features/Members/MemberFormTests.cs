using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Members;

public sealed class MemberFormTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(HttpClient Client, Organization Branch)> BranchAdminAsync()
    {
        var (_, branch) = await app.AddTownAsync("表单镇");
        return (await app.SignInAsAdministratorOfAsync(branch), branch);
    }

    private static Dictionary<string, string> Form(
        Organization branch,
        string id,
        string name = "王五",
        string mobile = "13912345678",
        string? birth = null
    ) =>
        new()
        {
            ["Input.Name"] = name,
            ["Input.Gender"] = "Male",
            ["Input.Ethnicity"] = "汉族",
            ["Input.BirthDate"] = birth ?? IdNumber.BirthDate(id)!.Value.ToString("yyyy-MM-dd"),
            ["Input.IdNumber"] = id,
            ["Input.Mobile"] = mobile,
            ["Input.Education"] = "Bachelor",
            ["Input.JoinedOn"] = "2015-07-01",
            ["Input.Status"] = "Full",
            ["Input.OrganizationId"] = branch.Id.ToString(),
        };

    private Task<int> CountAsync(Organization branch) =>
        app.WithDbAsync(db => db.Members.CountAsync(m => m.OrganizationId == branch.Id));

    [Fact]
    public async Task Create_ValidMember_IsSavedWithTheIdNumberEncryptedHashedAndMasked()
    {
        var (client, branch) = await BranchAdminAsync();
        var id = TestApp.NextIdNumber();
        var response = await TestApp.PostFormAsync(client, "/Members/Create", Form(branch, id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("王五", detail);
        Assert.Contains(IdNumber.Mask(id), detail);
        Assert.DoesNotContain(id, detail);

        await app.WithDbAsync(
            async (db, sp) =>
            {
                var m = await db.Members.SingleAsync(x => x.OrganizationId == branch.Id);
                Assert.Equal(id, sp.GetRequiredService<PiiProtector>().Decrypt(m.IdNumberCipher));
                Assert.DoesNotContain(id, System.Text.Encoding.UTF8.GetString(m.IdNumberCipher));
                Assert.Equal(IdNumber.Mask(id), m.IdNumberMasked);
                Assert.Equal(sp.GetRequiredService<PiiProtector>().Hash(id), m.IdNumberHash);
                return 0;
            }
        );
    }

    [Fact]
    public async Task FloatingMember_NeedsDirectionPlaceAndDate_AndIsListedAsFloating()
    {
        var (client, branch) = await BranchAdminAsync();
        var form = Form(branch, TestApp.NextIdNumber(), name: "流动者");
        form["Input.IsFloating"] = "true";
        var html = await (await TestApp.PostFormAsync(client, "/Members/Create", form)).Content.ReadAsStringAsync();
        foreach (var message in new[] { "请选择流出或流入", "请填写流向何处", "请填写流动开始日期" })
            Assert.Contains(message, html);
        Assert.Equal(0, await CountAsync(branch));

        form["Input.FloatingDirection"] = "Out";
        form["Input.FloatingPlace"] = "广东省深圳市";
        form["Input.FloatingSince"] = "2025-03-01";
        form["Input.FloatingContact"] = "13700000000";
        var created = await TestApp.PostFormAsync(client, "/Members/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(
            "流出,流向广东省深圳市,2025-03-01 起",
            await client.GetStringAsync(created.Headers.Location!.OriginalString)
        );
        await app.AddMemberAsync(branch, "不流动");
        var floating = await client.GetStringAsync("/Members?floating=true");
        Assert.Contains("流动者", floating);
        Assert.DoesNotContain("不流动", floating);
    }

    [Fact]
    public async Task Create_WithADuesBaseOnly_ComputesTheStandard_AndRefusesNegativeAmounts()
    {
        var (client, branch) = await BranchAdminAsync();
        var form = Form(branch, TestApp.NextIdNumber());
        form["Input.DuesAmount"] = "-1";
        Assert.Contains(
            "党费标准应在0到1000000元之间",
            await (await TestApp.PostFormAsync(client, "/Members/Create", form)).Content.ReadAsStringAsync()
        );
        form["Input.DuesAmount"] = "";
        form["Input.DuesBase"] = "4000";
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await TestApp.PostFormAsync(client, "/Members/Create", form)).StatusCode
        );
        var saved = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.OrganizationId == branch.Id));
        Assert.Equal(40.00m, saved.DuesAmount);
    }

    [Theory]
    [InlineData("110105194912310021", null, "身份证号码校验位不正确", "Input.IdNumber")]
    [InlineData("11010519491231002", null, "身份证号码应为18位", "Input.IdNumber")]
    [InlineData("11010519491231002X", "1950-01-01", "出生日期与身份证号码不一致", "Input.BirthDate")]
    public async Task Create_BadIdNumber_ShowsFieldErrorAndSavesNothing(
        string id,
        string? birth,
        string message,
        string field
    )
    {
        var (client, branch) = await BranchAdminAsync();
        var form = Form(branch, "11010519491231002X", birth: birth ?? "1949-12-31");
        form["Input.IdNumber"] = id;
        var response = await TestApp.PostFormAsync(client, "/Members/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains($"name=\"{field}\"", html);
        Assert.Equal(0, await CountAsync(branch));
    }

    [Fact]
    public async Task Create_DuplicateIdNumber_IsRefused_EvenWhenTheOtherMemberIsOutsideTheScope()
    {
        var (client, branch) = await BranchAdminAsync();
        var (_, elsewhere) = await app.AddTownAsync("别处镇");
        var id = TestApp.NextIdNumber();
        await app.AddMemberAsync(elsewhere, "赵六", id);
        var html = await (
            await TestApp.PostFormAsync(client, "/Members/Create", Form(branch, id))
        ).Content.ReadAsStringAsync();
        Assert.Contains("该身份证号码已登记", html);
        Assert.Equal(0, await CountAsync(branch));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("23812345678")]
    [InlineData("")]
    public async Task Create_BadMobile_ShowsFieldErrorAndSavesNothing(string mobile)
    {
        var (client, branch) = await BranchAdminAsync();
        var html = await (
            await TestApp.PostFormAsync(client, "/Members/Create", Form(branch, TestApp.NextIdNumber(), mobile: mobile))
        ).Content.ReadAsStringAsync();
        Assert.Contains(mobile == "" ? "请填写手机号码" : "手机号码应为以1开头的11位数字", html);
        Assert.Equal(0, await CountAsync(branch));
    }

    [Fact]
    public async Task Create_EmptyForm_AsksForEveryRequiredFieldInChinese()
    {
        var (client, branch) = await BranchAdminAsync();
        // What a browser sends for an untouched form: every field, empty.
        var empty = Form(branch, "11010519491231002X").ToDictionary(kv => kv.Key, _ => "");
        var html = await (await TestApp.PostFormAsync(client, "/Members/Create", empty)).Content.ReadAsStringAsync();
        foreach (
            var message in new[]
            {
                "请填写姓名",
                "请选择性别",
                "请填写民族",
                "请填写出生日期",
                "请填写身份证号码",
                "请填写手机号码",
                "请选择学历",
                "请填写入党日期",
                "请选择党员类别",
                "请选择所在党支部",
            }
        )
            Assert.Contains(message, html);
        Assert.Equal(0, await CountAsync(branch));
    }

    [Fact]
    public async Task Create_InAnOrganizationThatIsNotABranch_IsRefused()
    {
        var (town, _) = await app.AddTownAsync("非支部镇");
        var client = await app.SignInAsAdministratorOfAsync(town);
        var html = await (
            await TestApp.PostFormAsync(client, "/Members/Create", Form(town, TestApp.NextIdNumber()))
        ).Content.ReadAsStringAsync();
        Assert.Contains("党员只能编入党支部", html);
    }

    [Fact]
    public async Task Edit_KeepsTheIdNumberWhenLeftEmpty_AndValidatesTheRest()
    {
        var (client, branch) = await BranchAdminAsync();
        var id = TestApp.NextIdNumber();
        var member = await app.AddMemberAsync(branch, "孙七", id);
        var form = Form(branch, id, name: "孙七七");
        form["Input.IdNumber"] = "";
        var response = await TestApp.PostFormAsync(client, $"/Members/Edit/{member.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        form["Input.Mobile"] = "999";
        form["Input.Name"] = "不该保存";
        var bad = await TestApp.PostFormAsync(client, $"/Members/Edit/{member.Id}", form);
        Assert.Contains("手机号码应为以1开头的11位数字", await bad.Content.ReadAsStringAsync());

        var saved = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == member.Id));
        Assert.Equal("孙七七", saved.Name);
        Assert.Equal(IdNumber.Mask(id), saved.IdNumberMasked);
    }

    [Fact]
    public async Task IssueCard_CreatesAnAccountWhosePasswordIsShownOnce_AndMustBeChanged()
    {
        var (client, branch) = await BranchAdminAsync();
        var member = await app.AddMemberAsync(branch, "周八");
        var issued = await Html.ParseAsync(
            await TestApp.PostFormAsync(
                client,
                $"/Members/Detail/{member.Id}",
                new Dictionary<string, string>(),
                $"/Members/Detail/{member.Id}?handler=IssueCard"
            )
        );
        var card = issued.TextOf("#issued-card");
        var password = issued.TextOf("#issued-password");
        Assert.Matches("^[2-9][0-9]{9}$", card);
        Assert.Matches("^[a-z0-9]{8}$", password);
        Assert.DoesNotContain(password, await client.GetStringAsync($"/Members/Detail/{member.Id}"));

        var memberClient = app.NewClient();
        var signIn = await TestApp.SignInAsync(memberClient, card, password);
        Assert.Equal("/Account/ChangePassword", signIn.Headers.Location?.OriginalString);

        var reset = await Html.ParseAsync(
            await TestApp.PostFormAsync(
                client,
                $"/Members/Detail/{member.Id}",
                new Dictionary<string, string>(),
                $"/Members/Detail/{member.Id}?handler=ResetPassword"
            )
        );
        var newPassword = reset.TextOf("#issued-password");
        Assert.Matches("^[a-z0-9]{8}$", newPassword);
        Assert.NotEqual(password, newPassword);
        // old password no longer works
        Assert.Equal(HttpStatusCode.OK, (await TestApp.SignInAsync(app.NewClient(), card, password)).StatusCode);
        Assert.Equal(
            "/Account/ChangePassword",
            (await TestApp.SignInAsync(app.NewClient(), card, newPassword)).Headers.Location?.OriginalString
        );
    }

    [Fact]
    public async Task List_NameSearchWithVeryManyMatches_StopsCountingAt1000()
    {
        var (client, branch) = await BranchAdminAsync();
        await app.WithDbAsync(
            async (db, sp) =>
            {
                var pii = sp.GetRequiredService<PiiProtector>();
                for (var i = 0; i < MemberSearch.CountCap + 1; i++)
                {
                    var id = TestApp.NextIdNumber();
                    var m = new Member
                    {
                        Name = "多多" + i,
                        BirthDate = IdNumber.BirthDate(id)!.Value,
                        Mobile = "13800138000",
                        OrganizationId = branch.Id,
                        JoinedOn = new DateOnly(2010, 1, 1),
                    };
                    pii.SetIdNumber(m, id);
                    db.Members.Add(m);
                }
                return await db.SaveChangesAsync();
            }
        );
        var html = System.Net.WebUtility.HtmlDecode(
            await client.GetStringAsync($"/Members?q={Uri.EscapeDataString("多多")}")
        );
        Assert.Contains("共 1000+ 名党员", html);
        var all = await client.GetStringAsync("/Members");
        Assert.Contains("共 1001 名党员", all[all.IndexOf("共 ")..(all.IndexOf("共 ") + 20)]);
    }

    [Fact]
    public async Task List_SearchesByNameCardAndIdTail_AndMasksPersonalData()
    {
        var (client, branch) = await BranchAdminAsync();
        var id = TestApp.NextIdNumber();
        var member = await app.AddMemberAsync(branch, "欧阳明", id);
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, member);
        await app.AddMemberAsync(branch, "钱九");
        foreach (var q in new[] { "欧阳", card, id[^4..] })
        {
            var html = await client.GetStringAsync($"/Members?q={Uri.EscapeDataString(q)}");
            Assert.Contains("欧阳明", html);
            Assert.DoesNotContain("钱九", html);
            Assert.Contains(IdNumber.Mask(id), html);
            Assert.Contains("138****8000", html);
            Assert.DoesNotContain("13800138000", html);
        }
        Assert.Contains("共 0 名党员", await client.GetStringAsync("/Members?q=%25")); // a literal %, not a wildcard
        var probationary = await client.GetStringAsync("/Members?status=Probationary");
        Assert.DoesNotContain("欧阳明", probationary);
    }

    [Fact]
    public async Task IdNumbersHeldOutsideTheScope_AreLoggedAndLimitedPerAdministrator_OwnOnesAreNot()
    {
        var (client, branch) = await BranchAdminAsync();
        var (_, elsewhere) = await app.AddTownAsync("他处镇");
        var outsiders = new List<string>();
        for (var i = 0; i < TestApp.OutsideIdChecksPerHour + 1; i++)
        {
            var id = TestApp.NextIdNumber();
            await app.AddMemberAsync(elsewhere, "他处党员" + i, id);
            outsiders.Add(id);
        }
        async Task<string> CreateAsync(string id) =>
            WebUtility.HtmlDecode(
                await (
                    await TestApp.PostFormAsync(client, "/Members/Create", Form(branch, id))
                ).Content.ReadAsStringAsync()
            );

        foreach (var id in outsiders.Take(TestApp.OutsideIdChecksPerHour))
            Assert.Contains("该身份证号码已登记,不能重复录入", await CreateAsync(id));
        var limited = await CreateAsync(outsiders[^1]);
        Assert.Contains(IdNumberRegistry.TooMany, limited);
        Assert.DoesNotContain("该身份证号码已登记", limited);
        // A number held in the caller's own scope is no finding elsewhere: neither limited nor logged.
        var own = TestApp.NextIdNumber();
        await app.AddMemberAsync(branch, "本支部党员", own);
        Assert.Contains("该身份证号码已登记,不能重复录入", await CreateAsync(own));
        Assert.Equal(1, await CountAsync(branch)); // nothing was created

        var logged = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == Hongling.Web.Data.HonglingDb.IdNumberCheck)
                .Select(a => new { a.EntityName, a.OrgPath })
                .ToListAsync()
        );
        Assert.Equal(
            outsiders.Take(TestApp.OutsideIdChecksPerHour).Select(IdNumber.Mask).Order(),
            logged.Where(l => l.OrgPath == branch.Path).Select(l => l.EntityName).Order()
        );
        var log = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit"));
        Assert.Contains("身份证号码核查", log);
        Assert.Contains(IdNumber.Mask(outsiders[0]), log);
        var otherAdmin = await app.SignInAsAdministratorOfAsync(elsewhere);
        Assert.DoesNotContain(
            IdNumber.Mask(outsiders[0]),
            WebUtility.HtmlDecode(await otherAdmin.GetStringAsync("/Audit"))
        );
    }
}
