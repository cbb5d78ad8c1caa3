using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Features.Aid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Aid;

/// <summary>Aid and subsidies: filing with attachments, two review steps to a payment, the ledger, the monthly
/// subsidy run, refusals and the scope.</summary>
public sealed class AidTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();

    private sealed record Setup(
        Organization Town,
        Organization Branch,
        HttpClient TownAdmin,
        HttpClient BranchAdmin,
        Member Member,
        HttpClient MemberClient,
        Fund Fund
    );

    /// <summary>A town holding a mutual-aid fund reviewed by the branch then the town, with a deposit.</summary>
    private async Task<Setup> SetupAsync(string name, decimal deposit = 10000m)
    {
        var (town, branch) = await app.AddTownAsync(name);
        var townAdmin = await app.SignInAsAdministratorOfAsync(town);
        var branchAdmin = await app.SignInAsAdministratorOfAsync(branch);
        var (member, client) = await app.SignInAsMemberAsync(branch, "李" + name);
        var fund = await app.WithDbAsync(async db =>
        {
            var f = new Fund
            {
                OrganizationId = town.Id,
                AudiencePath = town.Path,
                Name = name + "互助金",
                Kind = FundKind.MutualAid,
                ReviewLevels = "Branch,Fund",
            };
            db.Funds.Add(f);
            await db.SaveChangesAsync();
            return f;
        });
        if (deposit > 0)
        {
            var posted = await TestApp.PostFormAsync(
                townAdmin,
                $"/Aid/Fund/{fund.Id}",
                new Dictionary<string, string>
                {
                    ["EntryKind"] = "Deposit",
                    ["Amount"] = deposit.ToString(),
                    ["Note"] = "党员捐款入账",
                }
            );
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        return new Setup(town, branch, townAdmin, branchAdmin, member, client, fund);
    }

    private static async Task<HttpResponseMessage> ApplyAsync(
        HttpClient client,
        IDictionary<string, string> fields,
        params (string Name, byte[] Bytes)[] files
    )
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TestApp.TokenAsync(client, "/Aid/Apply")), "__RequestVerificationToken" },
        };
        foreach (var (k, v) in fields)
            form.Add(new StringContent(v), k);
        foreach (var (name, bytes) in files)
            form.Add(new ByteArrayContent(bytes), "files", name);
        return await client.PostAsync("/Aid/Apply", form);
    }

    private static Dictionary<string, string> Emergency(Fund fund, string amount = "800") =>
        new()
        {
            ["Input.FundId"] = fund.Id.ToString(),
            ["Input.Kind"] = nameof(AidKind.Emergency),
            ["Input.Amount"] = amount,
            ["Input.Reason"] = "家中突发火灾,生活困难",
        };

    private static int IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static Task<HttpResponseMessage> DecideAsync(
        HttpClient client,
        int id,
        bool approve,
        string amount = "",
        string comment = ""
    ) =>
        TestApp.PostFormAsync(
            client,
            $"/Aid/Detail/{id}",
            new Dictionary<string, string> { ["Amount"] = amount, ["Comment"] = comment },
            $"/Aid/Detail/{id}?handler=Decide&approve={approve.ToString().ToLowerInvariant()}"
        );

    private Task<(decimal Balance, decimal Sum, int Rows)> LedgerAsync(int fundId) =>
        app.WithDbAsync(async db =>
        {
            var balance = await db.Funds.Where(f => f.Id == fundId).Select(f => f.Balance).SingleAsync();
            var amounts = await db.FundEntries.Where(e => e.FundId == fundId).OrderBy(e => e.Sequence).ToListAsync();
            for (var i = 0; i < amounts.Count; i++)
                Assert.Equal(amounts.Take(i + 1).Sum(e => e.Amount), amounts[i].BalanceAfter); // a running account
            return (balance, amounts.Sum(e => e.Amount), amounts.Count);
        });

    [Fact]
    public async Task Apply_TwoReviewSteps_PaysOnce_AndTheLedgerBalances()
    {
        var s = await SetupAsync("两级");
        var id = IdOf(await ApplyAsync(s.MemberClient, Emergency(s.Fund), ("火灾证明.pdf", Pdf)));
        Assert.Contains("审核中", await s.MemberClient.GetStringAsync($"/Aid/Detail/{id}"));
        // The branch approves the first step with a smaller amount; it cannot take the town's step as well.
        Assert.Contains("李两级", await s.BranchAdmin.GetStringAsync("/Aid"));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s.BranchAdmin, id, true, "700")).StatusCode);
        Assert.Contains(
            AidErrors.NotYourStep.Message,
            await (await DecideAsync(s.BranchAdmin, id, true, "700")).Content.ReadAsStringAsync()
        );
        Assert.Contains(
            AidErrors.ApprovedOverAsked.Message,
            await (await DecideAsync(s.TownAdmin, id, true, "900")).Content.ReadAsStringAsync()
        );
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s.TownAdmin, id, true, "600.50")).StatusCode);

        var stored = await app.WithDbAsync(db =>
            db.AidApplications.Include(a => a.Reviews).SingleAsync(a => a.Id == id)
        );
        Assert.Equal((AidStatus.Paid, 600.50m), (stored.Status, stored.ApprovedAmount));
        Assert.Equal([700m, 600.50m], stored.Reviews.OrderBy(r => r.Order).Select(r => r.Amount!.Value));
        Assert.Equal((9399.50m, 9399.50m, 2), await LedgerAsync(s.Fund.Id));
        Assert.Contains("已发放", await s.MemberClient.GetStringAsync("/Aid/Mine"));
        // Deciding again changes nothing.
        Assert.Contains(
            AidErrors.NotInReview.Message,
            await (await DecideAsync(s.TownAdmin, id, true, "600")).Content.ReadAsStringAsync()
        );
        Assert.Equal(2, (await LedgerAsync(s.Fund.Id)).Rows);

        var export = await s.TownAdmin.GetAsync($"/Aid/Fund/{s.Fund.Id}?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        Assert.Equal(-600.50m, sheet.Cell(3, 4).GetValue<decimal>());
        Assert.Equal(9399.50m, sheet.Cell(3, 5).GetValue<decimal>());
    }

    [Fact]
    public async Task Ledger_AfterDepositsAdjustmentsPaymentsAndARefusedOverdraft_BalanceIsTheSumOfItsRows()
    {
        var s = await SetupAsync("台账", deposit: 1000m);
        var adjust = await TestApp.PostFormAsync(
            s.TownAdmin,
            $"/Aid/Fund/{s.Fund.Id}",
            new Dictionary<string, string>
            {
                ["EntryKind"] = "Adjustment",
                ["Amount"] = "-200.25",
                ["Note"] = "更正入账错误",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, adjust.StatusCode);
        var overdraw = await TestApp.PostFormAsync(
            s.TownAdmin,
            $"/Aid/Fund/{s.Fund.Id}",
            new Dictionary<string, string>
            {
                ["EntryKind"] = "Adjustment",
                ["Amount"] = "-5000",
                ["Note"] = "超额调整",
            }
        );
        Assert.Contains("基金余额不足", await overdraw.Content.ReadAsStringAsync());
        var id = IdOf(await ApplyAsync(s.MemberClient, Emergency(s.Fund, "900"), ("证明.pdf", Pdf)));
        await DecideAsync(s.BranchAdmin, id, true, "900");
        var refused = await DecideAsync(s.TownAdmin, id, true, "900");
        Assert.Contains("基金余额不足", await refused.Content.ReadAsStringAsync());
        Assert.Equal(
            AidStatus.InReview,
            await app.WithDbAsync(db => db.AidApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync())
        );
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s.TownAdmin, id, true, "799.75")).StatusCode);
        Assert.Equal((0m, 0m, 3), await LedgerAsync(s.Fund.Id));
    }

    [Fact]
    public async Task LongTermSubsidy_PaysEachMonthOnce_UntilItsEndMonth()
    {
        var s = await SetupAsync("长期");
        var now = app.Clock.GetUtcNow().UtcDateTime.AddHours(8);
        var (from, to) = (now.ToString("yyyy-MM"), now.AddMonths(2).ToString("yyyy-MM"));
        var fields = new Dictionary<string, string>(Emergency(s.Fund, "300"))
        {
            ["Input.Kind"] = nameof(AidKind.LongTerm),
            ["Input.FromMonth"] = from,
            ["Input.ToMonth"] = to,
        };
        var id = IdOf(await ApplyAsync(s.MemberClient, fields, ("低保证明.png", PngBytes())));
        await DecideAsync(s.BranchAdmin, id, true, "300");
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s.TownAdmin, id, true, "300")).StatusCode);
        Assert.Equal((9700m, 9700m, 2), await LedgerAsync(s.Fund.Id));

        async Task<SubsidyRun.Result> RunAsync() =>
            await app.WithDbAsync((db, sp) => sp.GetRequiredService<SubsidyRun>().RunAsync(default));
        Assert.Equal(0, (await RunAsync()).Payments); // this month is paid already
        app.Clock.Advance(TimeSpan.FromDays(32));
        Assert.Equal(1, (await RunAsync()).Payments);
        Assert.Equal(0, (await RunAsync()).Payments);
        app.Clock.Advance(TimeSpan.FromDays(62)); // past the end month: only the last one is due
        Assert.Equal(new SubsidyRun.Result(1, 1, 0), await RunAsync());
        Assert.Equal(0, (await RunAsync()).Payments);
        Assert.Equal((9100m, 9100m, 4), await LedgerAsync(s.Fund.Id));
        Assert.Equal(
            AidStatus.Paid,
            await app.WithDbAsync(db => db.AidApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync())
        );
        var months = await app.WithDbAsync(db =>
            db.FundEntries.Where(e => e.ApplicationId == id).Select(e => e.PaymentMonth!.Value).ToListAsync()
        );
        Assert.Equal(3, months.Distinct().Count());
    }

    [Fact]
    public async Task Apply_BadInput_ClearChineseMessages_NothingSaved()
    {
        var s = await SetupAsync("错误");
        async Task<string> Refused(Dictionary<string, string> fields, params (string, byte[])[] files)
        {
            var response = await ApplyAsync(s.MemberClient, fields, files);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains(AidErrors.AttachmentRequired.Message, await Refused(Emergency(s.Fund)));
        Assert.Contains(
            AidErrors.AmountNotPositive.Message,
            await Refused(Emergency(s.Fund, "-100"), ("证明.pdf", Pdf))
        );
        Assert.Contains("不是有效的申请金额", await Refused(Emergency(s.Fund, "一百元"), ("证明.pdf", Pdf)));
        Assert.Contains(
            "文件名与内容不符",
            await Refused(Emergency(s.Fund), ("证明.pdf", "just text, not a pdf"u8.ToArray()))
        );
        Assert.Contains(
            "不是 PDF、JPG 或 PNG",
            await Refused(Emergency(s.Fund), ("证明.exe", new byte[] { 0x4D, 0x5A, 0, 0 }))
        );
        Assert.Contains(
            AidErrors.KindNotOffered.Message,
            await Refused(new(Emergency(s.Fund)) { ["Input.Kind"] = nameof(AidKind.Housing) }, ("证明.pdf", Pdf))
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.AidApplications.CountAsync(a => a.FundId == s.Fund.Id)));
    }

    [Fact]
    public async Task Decide_OwnApplication_Refused_AndOutsideTheScopeIs404()
    {
        var s = await SetupAsync("本人");
        // The branch's administrator is also a member of the branch and applies for themselves.
        var self = await app.AddMemberAsync(s.Branch, "王本人");
        var selfClient = await app.SignInAsNewAccountAsync(TestApp.NewCard(), self, [s.Branch]);
        var id = IdOf(await ApplyAsync(selfClient, Emergency(s.Fund), ("证明.pdf", Pdf)));
        Assert.Contains(
            AidErrors.OwnApplication.Message,
            await (await DecideAsync(selfClient, id, true, "800")).Content.ReadAsStringAsync()
        );

        var other = await SetupAsync("他镇");
        Assert.Equal(HttpStatusCode.NotFound, (await other.TownAdmin.GetAsync($"/Aid/Detail/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.MemberClient.GetAsync($"/Aid/Detail/{id}")).StatusCode);
        // a fellow member
        Assert.Equal(HttpStatusCode.NotFound, (await s.MemberClient.GetAsync($"/Aid/Detail/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.TownAdmin.GetAsync($"/Aid/Fund/{s.Fund.Id}")).StatusCode);
        // The token comes from a page the outsider may open: the decision itself answers 404.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    other.TownAdmin,
                    "/Aid",
                    new Dictionary<string, string> { ["Amount"] = "800" },
                    $"/Aid/Detail/{id}?handler=Decide&approve=true"
                )
            ).StatusCode
        );
        Assert.Equal(HttpStatusCode.OK, (await s.BranchAdmin.GetAsync($"/Aid/Detail/{id}")).StatusCode);
    }

    [Fact]
    public async Task Visit_WithCashFromTheFund_IsALedgerPayment_AndTheMemberSeesIt()
    {
        var s = await SetupAsync("走访", deposit: 500m);
        var posted = await TestApp.PostFormAsync(
            s.TownAdmin,
            "/Aid/Visits",
            new Dictionary<string, string>
            {
                ["MemberId"] = s.Member.Id.ToString(),
                ["On"] = app.Clock.GetUtcNow().AddHours(8).ToString("yyyy-MM-dd"),
                ["Visitors"] = "镇党委书记",
                ["Given"] = "米、油和慰问金",
                ["Cash"] = "200",
                ["FundId"] = s.Fund.Id.ToString(),
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal((300m, 300m, 2), await LedgerAsync(s.Fund.Id));
        Assert.Contains("米、油和慰问金", await s.MemberClient.GetStringAsync("/Aid/Mine"));
        var empty = await TestApp.PostFormAsync(
            s.TownAdmin,
            "/Aid/Visits",
            new Dictionary<string, string> { ["MemberId"] = s.Member.Id.ToString() }
        );
        Assert.Contains(AidErrors.VisitIncomplete.Message, await empty.Content.ReadAsStringAsync());
    }

    private Task<List<ReviewLevel>> StepsOfAsync(int applicationId) =>
        app.WithDbAsync(db =>
            db.AidReviews.Where(r => r.ApplicationId == applicationId)
                .OrderBy(r => r.Order)
                .Select(r => r.Level)
                .ToListAsync()
        );

    [Fact]
    public async Task FundSteps_EditedInTheUi_ApplyToNewApplications_FiledOnesKeepTheirs_OutsideScope404()
    {
        var s = await SetupAsync("改步骤");
        var before = IdOf(await ApplyAsync(s.MemberClient, Emergency(s.Fund), ("证明.pdf", Pdf)));
        var page = await s.TownAdmin.GetDocumentAsync($"/Aid/Fund/{s.Fund.Id}");
        Assert.Equal("支部审核 → 基金管理组织审批", page.TextOf("#steps"));

        var changed = await TestApp.PostFormAsync(
            s.TownAdmin,
            $"/Aid/Fund/{s.Fund.Id}",
            new Dictionary<string, string> { ["Levels"] = "Unit" },
            $"/Aid/Fund/{s.Fund.Id}?handler=Steps"
        );
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        page = await s.TownAdmin.GetDocumentAsync($"/Aid/Fund/{s.Fund.Id}");
        Assert.Equal("镇(街道)党委审核 → 基金管理组织审批", page.TextOf("#steps"));
        Assert.Contains("已提交的申请仍按原步骤审核", page.TextOf("#status"));
        var after = IdOf(await ApplyAsync(s.MemberClient, Emergency(s.Fund, "300"), ("证明.pdf", Pdf)));
        Assert.Equal([ReviewLevel.Branch, ReviewLevel.Fund], await StepsOfAsync(before));
        Assert.Equal([ReviewLevel.Unit, ReviewLevel.Fund], await StepsOfAsync(after));

        // No steps chosen: the fund's own organization alone.
        await TestApp.PostFormAsync(
            s.TownAdmin,
            $"/Aid/Fund/{s.Fund.Id}",
            new Dictionary<string, string>(),
            $"/Aid/Fund/{s.Fund.Id}?handler=Steps"
        );
        Assert.Equal(
            "Fund",
            await app.WithDbAsync(db =>
                db.Funds.Where(f => f.Id == s.Fund.Id).Select(f => f.ReviewLevels).SingleAsync()
            )
        );

        var (otherTown, _) = await app.AddTownAsync("别镇步骤");
        var outsider = await app.SignInAsAdministratorOfAsync(otherTown);
        var refused = await TestApp.PostFormAsync(
            outsider,
            "/Aid/Visits",
            new Dictionary<string, string> { ["Levels"] = "Branch" },
            $"/Aid/Fund/{s.Fund.Id}?handler=Steps"
        );
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        // The branch's administrator reads the fund's name but does not manage it.
        Assert.Equal(HttpStatusCode.NotFound, (await s.BranchAdmin.GetAsync($"/Aid/Fund/{s.Fund.Id}")).StatusCode);
        Assert.Equal(
            "Fund",
            await app.WithDbAsync(db =>
                db.Funds.Where(f => f.Id == s.Fund.Id).Select(f => f.ReviewLevels).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task Fund_Closed_TakesNoNewApplications_ShowsClosed_FiledOnesStillPaid_AndReopens()
    {
        var s = await SetupAsync("关闭基金");
        var filed = IdOf(await ApplyAsync(s.MemberClient, Emergency(s.Fund), ("证明.pdf", Pdf)));
        Task<HttpResponseMessage> SetActive(bool active) =>
            TestApp.PostFormAsync(
                s.TownAdmin,
                $"/Aid/Fund/{s.Fund.Id}",
                new Dictionary<string, string> { ["active"] = active.ToString().ToLowerInvariant() },
                $"/Aid/Fund/{s.Fund.Id}?handler=Active"
            );
        Assert.Equal(HttpStatusCode.Redirect, (await SetActive(false)).StatusCode);
        Assert.Equal("已关闭", (await s.TownAdmin.GetDocumentAsync($"/Aid/Fund/{s.Fund.Id}")).TextOf("#closed"));
        Assert.Contains("已关闭", (await s.TownAdmin.GetDocumentAsync("/Aid")).TextOf("#funds"));

        var refused = await ApplyAsync(s.MemberClient, Emergency(s.Fund, "100"), ("证明.pdf", Pdf));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(AidErrors.FundClosed.Message, await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.AidApplications.CountAsync(a => a.FundId == s.Fund.Id)));

        // What was filed before closing is still decided and paid.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s.BranchAdmin, filed, true, "800")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s.TownAdmin, filed, true, "800")).StatusCode);
        Assert.Equal((9200m, 9200m, 2), await LedgerAsync(s.Fund.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await SetActive(true)).StatusCode);
        IdOf(await ApplyAsync(s.MemberClient, Emergency(s.Fund, "100"), ("证明.pdf", Pdf)));
    }

    [Fact]
    public async Task VisitForm_PicksTheMemberBySearch_NoIdBox_MissingMemberExplained_OutsideScope404()
    {
        var s = await SetupAsync("走访选人", deposit: 0);
        var form = await s.TownAdmin.GetDocumentAsync("/Aid/Visits");
        Assert.NotNull(form.QuerySelector("#visit-form [data-member-picker] input[type=search]"));
        Assert.Equal("hidden", form.One("#visit-form input[name=MemberId]").GetAttribute("type"));
        Assert.NotNull(form.QuerySelector($"#FundId option[value='{s.Fund.Id}']"));
        var fields = new Dictionary<string, string>
        {
            ["On"] = app.Clock.GetUtcNow().AddHours(8).ToString("yyyy-MM-dd"),
            ["Visitors"] = "支部书记",
            ["Given"] = "慰问品",
        };
        var missing = await TestApp.PostFormAsync(s.TownAdmin, "/Aid/Visits", fields);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains(AidErrors.VisitMemberRequired.Message, await missing.Content.ReadAsStringAsync());

        // The picker's search answers only the caller's members.
        var found = await s.TownAdmin.GetStringAsync("/api/members?q=" + Uri.EscapeDataString("李走访选人"));
        Assert.Contains($"\"id\":{s.Member.Id}", found);
        var (_, otherBranch) = await app.AddTownAsync("别镇走访");
        var stranger = await app.AddMemberAsync(otherBranch, "外镇党员");
        Assert.DoesNotContain(
            "外镇党员",
            await s.TownAdmin.GetStringAsync("/api/members?q=" + Uri.EscapeDataString("外镇"))
        );
        var outside = await TestApp.PostFormAsync(
            s.TownAdmin,
            "/Aid/Visits",
            new Dictionary<string, string>(fields) { ["MemberId"] = stranger.Id.ToString() }
        );
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.MemberId == stranger.Id)));
    }

    private static byte[] PngBytes()
    {
        using var bitmap = new SkiaSharp.SKBitmap(4, 4);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
