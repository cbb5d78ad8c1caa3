using System.Net;
using System.Text.RegularExpressions;
using Hongling.Web.Domain;
using Hongling.Web.Features.Account;
using Hongling.Web.Features.Transfers;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Transfers;

/// <summary>Transfers out of the platform (转出平台) and into it from outside (从平台外转入).</summary>
public sealed partial class ExternalTransferTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Elsewhere = "四川省成都市锦江区某某社区党支部";

    private sealed record Branch(HttpClient Admin, Organization Town, Organization Org);

    private async Task<Branch> BranchAsync(string name)
    {
        var (town, org) = await app.AddTownAsync(name);
        return new Branch(await app.SignInAsAdministratorOfAsync(org), town, org);
    }

    private static async Task<int> StartOutAsync(
        HttpClient sender,
        Member member,
        string toName = Elsewhere,
        string letterNumber = ""
    )
    {
        var response = await TestApp.PostFormAsync(
            sender,
            $"/Transfers/Out/{member.Id}",
            new Dictionary<string, string>
            {
                ["ToName"] = toName,
                ["LetterNumber"] = letterNumber,
                ["Note"] = "随配偶迁居",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await sender.GetDocumentAsync("/Transfers?kind=Out");
        return int.Parse(page.LinkHrefs("#transfers a[href^='/Transfers/Letter/']")[0]["/Transfers/Letter/".Length..]);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string handler, int id) =>
        TestApp.PostFormAsync(
            client,
            "/Transfers",
            new Dictionary<string, string>(),
            $"/Transfers?handler={handler}&id={id}"
        );

    private static Dictionary<string, string> InForm(
        Organization branch,
        string id,
        string name = "李转入",
        string letter = "",
        string from = Elsewhere
    ) =>
        new()
        {
            ["LetterNumber"] = letter == "" ? "川组字" + Random.Shared.Next(100_000, 999_999) : letter,
            ["FromName"] = from,
            ["Note"] = "工作调入",
            ["Input.Name"] = name,
            ["Input.Gender"] = "Female",
            ["Input.Ethnicity"] = "汉族",
            ["Input.BirthDate"] = IdNumber.BirthDate(id)!.Value.ToString("yyyy-MM-dd"),
            ["Input.IdNumber"] = id,
            ["Input.Mobile"] = "13912345678",
            ["Input.Education"] = "Bachelor",
            ["Input.JoinedOn"] = "2012-07-01",
            ["Input.Status"] = "Full",
            ["Input.OrganizationId"] = branch.Id.ToString(),
        };

    private static Task<HttpResponseMessage> PostInAsync(
        HttpClient client,
        Organization branch,
        Dictionary<string, string> form
    ) => TestApp.PostFormAsync(client, $"/Transfers/In/{branch.Id}", form);

    private Task<Member> StoredAsync(int id) =>
        app.WithDbAsync(db => db.Members.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<Transfer> TransferAsync(int id) =>
        app.WithDbAsync(db => db.Transfers.AsNoTracking().SingleAsync(t => t.Id == id));

    private Task<(int Members, int Transfers)> CountsAsync() =>
        app.WithDbAsync(async db =>
            (await db.Members.IgnoreQueryFilters().CountAsync(), await db.Transfers.IgnoreQueryFilters().CountAsync())
        );

    private static string Total(string membersHtml) => MemberTotal().Match(membersHtml).Groups[1].Value;

    /// <summary>A fresh member of <paramref name="b"/>, with a red card when asked, whose transfer out of the
    /// platform is completed: the member has now left.</summary>
    private async Task<(Member Member, string Id, string? Card)> DepartedAsync(
        Branch b,
        string name,
        bool withCard = false
    )
    {
        var id = TestApp.NextIdNumber();
        var member = await app.AddMemberAsync(b.Org, name, id);
        var card = withCard ? TestApp.NewCard() : null;
        if (card is not null)
            await app.AddAccountAsync(card, member);
        var transfer = await StartOutAsync(b.Admin, member);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(b.Admin, "Accept", transfer)).StatusCode);
        return (member, id, card);
    }

    [Fact]
    public async Task Out_Completed_MemberLeavesEveryList_CardCannotSignIn_LetterStillPrints()
    {
        var b = await BranchAsync("转出平台镇");
        var member = await app.AddMemberAsync(b.Org, "远行人");
        await app.AddMemberAsync(b.Org, "留守人");
        await app.WithDbAsync(async db =>
        {
            (await db.Members.SingleAsync(m => m.Id == member.Id)).DuesAmount = 12.00m;
            return await db.SaveChangesAsync();
        });
        // The member holds a card and administers their own branch.
        var card = TestApp.NewCard();
        var account = await app.AddAccountAsync(card, member, administers: [b.Org]);
        await app.SignedInClientAsync(card);
        Assert.Equal("2", Total(await b.Admin.GetStringAsync($"/Members?org={b.Org.Id}")));

        var id = await StartOutAsync(b.Admin, member, letterNumber: "锦组转字第007号");
        var pending = await b.Admin.GetStringAsync("/Transfers");
        Assert.Contains("转出平台", pending);
        Assert.Contains("待回执", pending);
        Assert.Contains($"{Elsewhere}(平台外)", pending);
        var t = await TransferAsync(id);
        Assert.Equal((TransferKind.Out, TransferState.Pending, "锦组转字第007号"), (t.Kind, t.State, t.LetterNumber));
        Assert.Equal((b.Org.Id, (int?)null, Elsewhere), (t.FromOrganizationId, t.ToOrganizationId, t.ToName));
        Assert.Equal((b.Org.Path, b.Org.Path), (t.OrgPath, t.SharedPath));
        // Still a member until the receipt comes back.
        Assert.Equal(HttpStatusCode.OK, (await b.Admin.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);

        var letter = await b.Admin.GetStringAsync($"/Transfers/Letter/{id}");
        Assert.Contains("中国共产党党员组织关系介绍信", letter);
        Assert.Contains($"<u>{Elsewhere}</u>", letter);
        Assert.Contains(member.IdNumberMasked, letter);
        Assert.Contains("回  执", letter);

        var done = await ActAsync(b.Admin, "Accept", id);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("已转出", await b.Admin.GetStringAsync("/Transfers"));

        var stored = await StoredAsync(member.Id);
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8)), stored.LeftOn);
        var closed = await TransferAsync(id);
        Assert.Equal(TransferState.Accepted, closed.State);
        Assert.NotNull(closed.DecidedAt);
        Assert.Contains("管理员", closed.DecidedBy);

        // Gone from the record pages, the list, the count, the search, the export and the dues.
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/api/members/{member.Id}")).StatusCode);
        var list = await b.Admin.GetStringAsync($"/Members?org={b.Org.Id}");
        Assert.Equal("1", Total(list));
        Assert.DoesNotContain("远行人", list);
        Assert.Equal("0", Total(await b.Admin.GetStringAsync("/Members?q=远行人")));
        Assert.DoesNotContain("远行人", await b.Admin.GetStringAsync("/api/members?q=远行人"));
        using (
            var book = new ClosedXML.Excel.XLWorkbook(
                new MemoryStream(await b.Admin.GetByteArrayAsync("/Members?handler=Export"))
            )
        )
            Assert.DoesNotContain(book.Worksheet(1).RowsUsed(), r => r.Cell(1).GetString() == "远行人");
        var dues = await b.Admin.GetStringAsync($"/Dues?org={b.Org.Id}");
        Assert.DoesNotContain("远行人", dues);
        Assert.Contains("id=\"sum-members\">1<", dues);

        // The card cannot sign in any more, and its administrator post is over.
        var signIn = await TestApp.SignInAsync(app.NewClient(), card);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(LoginModel.LockedOut, await signIn.Content.ReadAsStringAsync());
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.OrgAdministrators.IgnoreQueryFilters().CountAsync(x => x.AccountId == account.Id)
            )
        );

        // The letter still prints, with the member's particulars; a second completion is refused.
        var printed = await b.Admin.GetStringAsync($"/Transfers/Letter/{id}");
        Assert.Contains(Elsewhere, printed);
        Assert.Contains(member.IdNumberMasked, printed);
        Assert.Contains(
            "该转接已被接收,不能重复处理",
            await (await ActAsync(b.Admin, "Accept", id)).Content.ReadAsStringAsync()
        );
        Assert.Equal(stored.LeftOn, (await StoredAsync(member.Id)).LeftOn);

        // Both steps are in the audit log, under the sender's branch.
        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "Transfer" && a.EntityId == id.ToString())
                .OrderBy(a => a.Id)
                .ToListAsync()
        );
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Select(a => a.Action));
        Assert.All(audit, a =>
            Assert.Equal(("远行人", b.Org.Id, b.Org.Path), (a.EntityName, a.OrganizationId, a.OrgPath))
        );
        Assert.Contains("转出平台", audit[0].Changes);
        var left = await app.WithDbAsync(db =>
            db.AuditEntries.SingleAsync(a =>
                a.EntityType == "Member" && a.EntityId == member.Id.ToString() && a.Changes.Contains("LeftOn")
            )
        );
        Assert.Equal(b.Org.Path, left.OrgPath);
    }

    [Fact]
    public async Task Out_Cancelled_CannotBeCompleted_AndTheMemberStays()
    {
        var b = await BranchAsync("撤销转出镇");
        var member = await app.AddMemberAsync(b.Org, "未走人");
        var id = await StartOutAsync(b.Admin, member);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(b.Admin, "Cancel", id)).StatusCode);
        Assert.Contains("该转接已被撤销", await (await ActAsync(b.Admin, "Accept", id)).Content.ReadAsStringAsync());
        Assert.Contains("该转接已被撤销", await (await ActAsync(b.Admin, "Cancel", id)).Content.ReadAsStringAsync());
        Assert.Null((await StoredAsync(member.Id)).LeftOn);
        Assert.Equal(TransferState.Cancelled, (await TransferAsync(id)).State);
        Assert.Equal(HttpStatusCode.OK, (await b.Admin.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);
        // Out of the platform there is no receiver here to reject it.
        var again = await StartOutAsync(b.Admin, member);
        Assert.Contains(
            "转出平台的转接不能退回",
            await (
                await TestApp.PostFormAsync(
                    b.Admin,
                    "/Transfers",
                    new Dictionary<string, string> { ["reason"] = "不收" },
                    $"/Transfers?handler=Reject&id={again}"
                )
            ).Content.ReadAsStringAsync()
        );
        Assert.Equal(TransferState.Pending, (await TransferAsync(again)).State);
    }

    [Fact]
    public async Task Out_Start_RefusesAMissingDestination_ATakenLetterNumber_AndASecondPendingTransfer()
    {
        var b = await BranchAsync("转出校验镇");
        var member = await app.AddMemberAsync(b.Org, "校验人");
        async Task<string> Try(string toName, string letter = "") =>
            await (
                await TestApp.PostFormAsync(
                    b.Admin,
                    $"/Transfers/Out/{member.Id}",
                    new Dictionary<string, string> { ["ToName"] = toName, ["LetterNumber"] = letter }
                )
            ).Content.ReadAsStringAsync();
        Assert.Contains("请填写接收党组织的名称", await Try(""));
        var id = await StartOutAsync(b.Admin, member);
        var generated = (await TransferAsync(id)).LetterNumber;
        Assert.Matches(@"^\d{8}-[0-9A-F]{8}$", generated);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(b.Admin, "Cancel", id)).StatusCode);
        Assert.Contains(RuleErrors.LetterNumberTaken.Message, await Try(Elsewhere, generated));
        await StartOutAsync(b.Admin, member);
        Assert.Contains("该党员已有一笔待接收的转接", await Try(Elsewhere));
    }

    [Fact]
    public async Task Out_CompletedTwiceAtOnce_OneWins()
    {
        var b = await BranchAsync("并发转出镇");
        var member = await app.AddMemberAsync(b.Org, "并发远行");
        var id = await StartOutAsync(b.Admin, member);
        var results = await Task.WhenAll(ActAsync(b.Admin, "Accept", id), ActAsync(b.Admin, "Accept", id));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a =>
                    a.EntityType == "Transfer" && a.EntityId == id.ToString() && a.Action == AuditAction.Updated
                )
            )
        );
    }

    [Fact]
    public async Task In_FromOutside_CreatesTheMemberAndAnAcceptedTransfer()
    {
        var b = await BranchAsync("转入镇");
        var id = TestApp.NextIdNumber();
        var form = InForm(b.Org, id, letter: "川组转字第123号");
        var response = await PostInAsync(b.Admin, b.Org, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await b.Admin.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("李转入", detail);
        Assert.Contains("从平台外转入", detail);
        Assert.Contains($"{Elsewhere}(平台外)", detail);

        var (member, transfer) = await app.WithDbAsync(async db =>
        {
            var m = await db.Members.AsNoTracking().SingleAsync(x => x.OrganizationId == b.Org.Id);
            return (m, await db.Transfers.AsNoTracking().SingleAsync(t => t.MemberId == m.Id));
        });
        Assert.Equal(IdNumber.Mask(id), member.IdNumberMasked);
        Assert.Equal(b.Org.Path, member.OrgPath);
        Assert.Equal(
            (TransferKind.In, TransferState.Accepted, "川组转字第123号"),
            (transfer.Kind, transfer.State, transfer.LetterNumber)
        );
        Assert.Equal(
            ((int?)null, Elsewhere, (int?)b.Org.Id, b.Org.Name),
            (transfer.FromOrganizationId, transfer.FromName, transfer.ToOrganizationId, transfer.ToName)
        );
        Assert.Equal((b.Org.Path, b.Org.Path), (transfer.OrgPath, transfer.SharedPath));
        Assert.Equal(transfer.StartedAt, transfer.DecidedAt);
        Assert.False(string.IsNullOrEmpty(transfer.DecidedBy));

        // Listed with its kind, and by the kind filter.
        Assert.Contains("已转入", await b.Admin.GetStringAsync("/Transfers"));
        Assert.Contains("李转入", await b.Admin.GetStringAsync("/Transfers?kind=In"));
        Assert.DoesNotContain("李转入", await b.Admin.GetStringAsync("/Transfers?kind=Out"));
        Assert.DoesNotContain("李转入", await b.Admin.GetStringAsync("/Transfers?kind=Within"));
        var record = await b.Admin.GetStringAsync($"/Transfers/Letter/{transfer.Id}");
        Assert.Contains("党员组织关系转入登记", record);
        Assert.Contains("川组转字第123号", record);
        // Accepted at once: nothing more to decide, and the same letter cannot be recorded twice.
        Assert.Contains(
            "该转接已被接收,不能重复处理",
            await (await ActAsync(b.Admin, "Accept", transfer.Id)).Content.ReadAsStringAsync()
        );
        var again = await PostInAsync(b.Admin, b.Org, InForm(b.Org, TestApp.NextIdNumber(), letter: "川组转字第123号"));
        Assert.Contains(RuleErrors.LetterNumberTaken.Message, await again.Content.ReadAsStringAsync());

        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.SingleAsync(a => a.EntityType == "Transfer" && a.EntityId == transfer.Id.ToString())
        );
        Assert.Equal(
            (AuditAction.Created, "李转入", b.Org.Id, b.Org.Path),
            (audit.Action, audit.EntityName, audit.OrganizationId, audit.OrgPath)
        );
    }

    [Fact]
    public async Task In_WithABadIdNumber_ShowsTheFormError_AndSavesNothing()
    {
        var b = await BranchAsync("错号镇");
        var before = await CountsAsync();
        var form = InForm(b.Org, TestApp.NextIdNumber());
        form["Input.IdNumber"] = form["Input.IdNumber"][..17] + (form["Input.IdNumber"][17] == '0' ? "1" : "0");
        var response = await PostInAsync(b.Admin, b.Org, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("身份证号码校验位不正确", await response.Content.ReadAsStringAsync());
        form["FromName"] = "";
        form["Input.IdNumber"] = "";
        var html = await (await PostInAsync(b.Admin, b.Org, form)).Content.ReadAsStringAsync();
        Assert.Contains("请填写开具介绍信的党组织", html);
        Assert.Contains("请填写身份证号码", html);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task In_WithTheIdOfADepartedMember_BringsTheRecordBack()
    {
        var from = await BranchAsync("旧居镇");
        var to = await BranchAsync("新居镇");
        var (member, id, card) = await DepartedAsync(from, "归来人", withCard: true);
        Assert.Contains(
            LoginModel.LockedOut,
            await (await TestApp.SignInAsync(app.NewClient(), card!)).Content.ReadAsStringAsync()
        );
        var before = await CountsAsync();

        var form = InForm(to.Org, id, name: "归来人");
        form["Input.Mobile"] = "13700001111";
        var response = await PostInAsync(to.Admin, to.Org, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/Members/Detail/{member.Id}", response.Headers.Location!.OriginalString);

        var back = await StoredAsync(member.Id);
        Assert.Null(back.LeftOn);
        Assert.Equal((to.Org.Id, to.Org.Path, "13700001111"), (back.OrganizationId, back.OrgPath, back.Mobile));
        Assert.Equal(before.Members, (await CountsAsync()).Members);
        var detail = await to.Admin.GetStringAsync($"/Members/Detail/{member.Id}");
        Assert.Contains("转出平台", detail);
        Assert.Contains("从平台外转入", detail);
        Assert.Equal("1", Total(await to.Admin.GetStringAsync($"/Members?org={to.Org.Id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await from.Admin.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);
        // The card works again.
        await app.SignedInClientAsync(card!);
    }

    [Fact]
    public async Task In_WithTheIdOfAPresentMember_IsRefusedWithoutSayingWhere()
    {
        var elsewhere = await BranchAsync("原籍镇");
        var b = await BranchAsync("冒领镇");
        var id = TestApp.NextIdNumber();
        await app.AddMemberAsync(elsewhere.Org, "在册人", id);
        var before = await CountsAsync();
        var response = await PostInAsync(b.Admin, b.Org, InForm(b.Org, id));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RuleErrors.TransferPresentMember.Message, html);
        Assert.Contains("该身份证号码已登记,不能重复录入", html);
        Assert.DoesNotContain("原籍镇", html);
        Assert.DoesNotContain("在册人", html);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AnotherTown_Gets404_ForOutPagesAndPosts_AndForRecordingIntoABranchOutsideItsScope()
    {
        var b = await BranchAsync("本镇");
        var other = await BranchAsync("他镇");
        var member = await app.AddMemberAsync(b.Org, "本镇人");
        var id = await StartOutAsync(b.Admin, member);

        Assert.DoesNotContain("本镇人", await other.Admin.GetStringAsync("/Transfers"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.GetAsync($"/Transfers/Letter/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.GetAsync($"/Transfers/Out/{member.Id}")).StatusCode);
        var token = await TestApp.TokenAsync(other.Admin, "/Transfers");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await other.Admin.PostAsync(
                    $"/Transfers/Out/{member.Id}",
                    new FormUrlEncodedContent(
                        new Dictionary<string, string>
                        {
                            ["__RequestVerificationToken"] = token,
                            ["ToName"] = Elsewhere,
                        }
                    )
                )
            ).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(other.Admin, "Accept", id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(other.Admin, "Cancel", id)).StatusCode);
        Assert.Equal(TransferState.Pending, (await TransferAsync(id)).State);
        Assert.Null((await StoredAsync(member.Id)).LeftOn);

        // Recording into a branch outside the scope: the branch does not exist for them, and nothing is saved.
        var before = await CountsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.GetAsync($"/Transfers/In/{b.Org.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await other.Admin.GetAsync($"/Transfers/In/{other.Town.Id}")).StatusCode
        );
        var form = new Dictionary<string, string>(InForm(b.Org, TestApp.NextIdNumber()))
        {
            ["__RequestVerificationToken"] = token,
        };
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await other.Admin.PostAsync($"/Transfers/In/{b.Org.Id}", new FormUrlEncodedContent(form))).StatusCode
        );
        // Nor can the form's own branch field carry it there.
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await PostInAsync(other.Admin, other.Org, InForm(b.Org, TestApp.NextIdNumber(), name: "他镇新人"))
            ).StatusCode
        );
        Assert.Equal(before.Members + 1, (await CountsAsync()).Members);
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.Members.CountAsync(m => m.OrganizationId == b.Org.Id && m.Name == "他镇新人")
            )
        );

        // The chooser lists the caller's own branches only.
        var chooser = await other.Admin.GetAsync("/Transfers/In");
        Assert.Equal(HttpStatusCode.Redirect, chooser.StatusCode);
        Assert.EndsWith($"/Transfers/In/{other.Org.Id}", chooser.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DepartedMember_Is404_EvenForTheDistrict_AndLeavesTheOrgTreeCount()
    {
        var b = await BranchAsync("离开镇");
        var (member, _, _) = await DepartedAsync(b, "已离开");
        var district = await app.SignInAsDistrictAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/Members/Detail/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/Transfers/Out/{member.Id}")).StatusCode);
        Assert.Equal("0", Total(await district.GetStringAsync("/Members?q=已离开")));
        Assert.Contains("0 名(含下级)", await district.GetStringAsync($"/Organizations/Detail/{b.Org.Id}"));
        // The branch keeps the departed record, so it cannot be dissolved; it says why.
        var dissolve = await TestApp.PostFormAsync(
            district,
            "/Organizations",
            new Dictionary<string, string>(),
            $"/Organizations/Detail/{b.Org.Id}?handler=Dissolve"
        );
        Assert.Contains("该组织保留着已转出本平台党员的记录", await dissolve.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("共 (\\d+)\\+? 名党员")]
    private static partial Regex MemberTotal();
}
