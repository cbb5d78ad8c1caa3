using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Notifications;

public sealed class ComposeTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Request(
        int[] orgs,
        bool email = true,
        bool sms = true,
        string title = "支部通知",
        string text = "本周五下午三点在党员活动室开会。",
        int[]? statuses = null,
        bool floating = false,
        int[]? members = null,
        DateTimeOffset? at = null
    ) =>
        new
        {
            title,
            text,
            byEmail = email,
            bySms = sms,
            at,
            audience = new
            {
                orgIds = orgs,
                statuses = statuses ?? [],
                floatingOnly = floating,
                memberIds = members ?? [],
            },
        };

    private readonly Dictionary<int, string> _cards = [];

    private Task<HttpClient> SignInAsync(Member m) => app.SignedInClientAsync(_cards[m.Id]);

    private async Task<(Organization Town, Organization Branch, Member[] Members)> DistrictAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        var full = await app.AddMemberAsync(branch, "正式甲");
        var noMobile = await app.AddMemberAsync(branch, "无手机");
        var badMobile = await app.AddMemberAsync(branch, "错号码");
        var floating = await app.AddMemberAsync(branch, "流动乙");
        foreach (var m in new[] { full, noMobile, badMobile, floating })
        {
            _cards[m.Id] = TestApp.NewCard();
            await app.AddAccountAsync(_cards[m.Id], m);
        }
        await NotificationFixture.SetAddressesAsync(app, full, "13800138001", "jia@example.com");
        await NotificationFixture.SetAddressesAsync(app, noMobile, "", "not-an-email");
        await NotificationFixture.SetAddressesAsync(app, badMobile, "1234567", null);
        await NotificationFixture.SetAddressesAsync(app, floating, "13900139000", "yi@example.org");
        await app.WithDbAsync(db =>
            db.Members.Where(m => m.Id == badMobile.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MemberStatus.Probationary))
        );
        await app.WithDbAsync(db =>
            db.Members.Where(m => m.Id == floating.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.IsFloating, true))
        );
        return (town, branch, [full, noMobile, badMobile, floating]);
    }

    [Fact]
    public async Task Preview_CountsEachChannel_MissingApart_MalformedListed_AndFiltersNarrow()
    {
        var (town, _, _) = await DistrictAsync("预览镇");
        var admin = await app.SignInAsAdministratorOfAsync(town);
        var r = await admin.PostAsJsonAsync("/api/notifications/preview", Request([town.Id]), Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var p = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(4, p.GetProperty("members").GetInt32());
        Assert.Equal(2, p.GetProperty("sms").GetInt32());
        Assert.Equal(1, p.GetProperty("smsMissing").GetInt32());
        Assert.Equal(2, p.GetProperty("email").GetInt32());
        Assert.Equal(1, p.GetProperty("emailMissing").GetInt32());
        Assert.Equal(2, p.GetProperty("malformedCount").GetInt32());
        var reasons = p.GetProperty("malformed")
            .EnumerateArray()
            .Select(b => b.GetProperty("name").GetString() + ":" + b.GetProperty("reason").GetString())
            .Order()
            .ToList();
        Assert.Equal(["无手机:电子邮箱格式不正确", "错号码:手机号码应为以1开头的11位数字"], reasons);
        Assert.Equal(1, p.GetProperty("smsSegments").GetInt32());

        var probationary = await (
            await admin.PostAsJsonAsync(
                "/api/notifications/preview",
                Request([town.Id], statuses: [(int)MemberStatus.Probationary]),
                Ct
            )
        ).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, probationary.GetProperty("members").GetInt32());
        var floating = await (
            await admin.PostAsJsonAsync("/api/notifications/preview", Request([town.Id], floating: true), Ct)
        ).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, floating.GetProperty("members").GetInt32());
        var longText = await (
            await admin.PostAsJsonAsync(
                "/api/notifications/preview",
                Request([town.Id], text: new string('党', 140)),
                Ct
            )
        ).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, longText.GetProperty("smsSegments").GetInt32());
    }

    [Fact]
    public async Task OutsideTheScope_Answers404_AndSavesNothing()
    {
        var (townA, _, _) = await DistrictAsync("甲镇");
        var (townB, _, membersB) = await DistrictAsync("乙镇");
        var admin = await app.SignInAsAdministratorOfAsync(townA);
        var before = await app.WithDbAsync(db => db.Notifications.CountAsync());
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await admin.PostAsJsonAsync("/api/notifications", Request([townB.Id]), Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await admin.PostAsJsonAsync("/api/notifications", Request([townA.Id], members: [membersB[0].Id]), Ct)
            ).StatusCode
        );
        Assert.Equal(before, await app.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Theory]
    [InlineData("", "x", "notification_title_required", "请填写消息标题")]
    [InlineData("标题", "", "notification_text_required", "请填写消息内容")]
    [InlineData("标题", "long", "notification_sms_too_long", "短信内容过长")]
    [InlineData("标题", "past", "notification_schedule_in_past", "时间已过")]
    [InlineData("标题", "empty", "notification_audience_empty", "没有符合条件的党员")]
    [InlineData("标题", "none", "notification_audience_required", "请选择发送对象")]
    public async Task BadInput_IsRefusedInChinese_AndNothingIsSaved(
        string title,
        string text,
        string code,
        string words
    )
    {
        var (town, _, _) = await DistrictAsync("坏输入镇" + code);
        var (emptyTown, _) = await app.AddTownAsync("空镇" + code);
        var admin = await app.SignInAsAdministratorOfAsync(town, emptyTown);
        var body = text switch
        {
            "long" => Request([town.Id], text: new string('党', 400)),
            "past" => Request([town.Id], at: app.Clock.GetUtcNow().AddHours(-1)),
            "empty" => Request([emptyTown.Id]),
            "none" => Request([]),
            _ => Request([town.Id], title: title, text: text),
        };
        var before = await app.WithDbAsync(db => db.OutboxItems.CountAsync());
        var r = await admin.PostAsJsonAsync("/api/notifications", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(words, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.OutboxItems.CountAsync()));
    }

    [Fact]
    public async Task Sent_ReachesTheInbox_ReadStateAndReport_AndOnlyTheMemberSeesTheirOwn()
    {
        var (town, branch, members) = await DistrictAsync("收件镇");
        var admin = await app.SignInAsAdministratorOfAsync(town);
        var r = await admin.PostAsJsonAsync("/api/notifications", Request([town.Id]), Ct);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var reader = await SignInAsync(members[0]);
        var other = await SignInAsync(members[1]);
        var inbox = await reader.GetFromJsonAsync<JsonElement>("/api/inbox", Ct);
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        Assert.Contains("未读", await reader.GetStringAsync("/Notifications/Inbox", Ct));
        Assert.Contains("unread-badge", await reader.GetStringAsync("/", Ct));
        Assert.Contains("本周五下午三点", await reader.GetStringAsync($"/Notifications/Message/{id}", Ct));
        Assert.Equal(
            0,
            (await reader.GetFromJsonAsync<JsonElement>("/api/inbox", Ct)).GetProperty("unread").GetInt32()
        );
        Assert.Equal(1, (await other.GetFromJsonAsync<JsonElement>("/api/inbox", Ct)).GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/api/inbox/read-all", null, Ct)).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/inbox", Ct)).GetProperty("unread").GetInt32());

        // A member outside the audience neither sees it nor its report.
        var (stranger, strangerClient) = await app.SignInAsMemberAsync(branch, "局外人");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await strangerClient.GetAsync($"/Notifications/Message/{id}", Ct)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await reader.GetAsync($"/api/notifications/{id}/report", Ct)).StatusCode
        );

        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/{id}/report", Ct);
        Assert.Equal(2, report.GetProperty("read").GetInt32());
        var cells = report
            .GetProperty("cells")
            .EnumerateArray()
            .ToDictionary(
                c => c.GetProperty("channel").GetString() + "/" + c.GetProperty("state").GetString(),
                c => c.GetProperty("count").GetInt32()
            );
        Assert.Equal(4, cells["站内消息/已发送"]);
        Assert.Equal(2, cells["短信/待发送"]);
        Assert.Equal(2, cells["短信/未发送"]);
        Assert.Equal(2, cells["邮件/待发送"]);
        Assert.Contains(report.GetProperty("problems").EnumerateArray(), p =>
            p.GetProperty("reason").GetString() == "未登记手机号"
        );

        var xlsx = await admin.GetByteArrayAsync($"/api/notifications/{id}/report.xlsx", Ct);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx));
        var cellsText = book.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("138****8001", cellsText);
        Assert.Contains("j***@example.com", cellsText);
        Assert.DoesNotContain(cellsText, t => t.Contains("13800138001") || t.Contains("jia@example.com"));
        _ = stranger;
    }
}
