using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class AidTourTests(BrowserApp app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();

    [Fact]
    public Task Application_WalksThroughTwoReviewSteps_ToAPayment_AndTheLedgerBalances() =>
        app.RunAsync(
            nameof(Application_WalksThroughTwoReviewSteps_ToAPayment_AndTheLedgerBalances),
            "1000000002",
            async town =>
            {
                // The town committee sets up a fund reviewed by the branch first, and puts money in.
                await town.GotoAsync("/Aid");
                await town.GetByLabel("基金名称").FillAsync("浏览器互助金");
                await town.GetByLabel("支部审核").CheckAsync();
                await town.GetByRole(AriaRole.Button, new() { Name = "设立基金" }).ClickAsync();
                await Expect(town.Locator("#status")).ToContainTextAsync("浏览器互助金");
                await town.Locator("#funds a", new() { HasText = "浏览器互助金" }).ClickAsync();
                var fundUrl = town.Url;
                await town.Locator("#Amount").FillAsync("5000");
                await town.Locator("#Note").FillAsync("党员自愿捐款");
                await town.GetByRole(AriaRole.Button, new() { Name = "记账" }).ClickAsync();
                await Expect(town.Locator("#balance")).ToHaveTextAsync("5,000.00");
                var fundId = Regex.Match(fundUrl, @"/Aid/Fund/(\d+)").Groups[1].Value;

                // The member applies with a PDF certificate.
                await using (var phone = await app.NewContextAsync("1000000004"))
                {
                    var member = await phone.NewPageAsync();
                    await member.GotoAsync("/Aid/Apply");
                    await member.Locator("#FundId").SelectOptionAsync(fundId);
                    await member.Locator("#Amount").FillAsync("800");
                    await member.Locator("#Reason").FillAsync("家人住院,医疗费用负担较重");
                    await member
                        .Locator("#files")
                        .SetInputFilesAsync(
                            new FilePayload
                            {
                                Name = "住院证明.pdf",
                                MimeType = "application/pdf",
                                Buffer = Pdf,
                            }
                        );
                    await member.Locator("#submit").ClickAsync();
                    await Expect(member.Locator("#aid-status")).ToHaveTextAsync("审核中");
                }

                // The branch approves 700; the town approves 700, which pays.
                await using (var desk = await app.NewContextAsync("1000000003"))
                {
                    var branch = await desk.NewPageAsync();
                    await branch.GotoAsync("/Aid");
                    await branch.Locator("#queue a").First.ClickAsync();
                    await branch.Locator("#Amount").FillAsync("700");
                    await branch.Locator("#approve").ClickAsync();
                    await Expect(branch.Locator("#status")).ToContainTextAsync("已同意");
                }
                await town.GotoAsync("/Aid");
                await town.Locator("#queue a").First.ClickAsync();
                await Expect(town.Locator("#Amount")).ToHaveValueAsync("700.00");
                await town.Locator("#approve").ClickAsync();
                await Expect(town.Locator("#aid-status")).ToHaveTextAsync("已发放");
                await Expect(town.Locator("#approved")).ToContainTextAsync("700.00");

                await town.GotoAsync(fundUrl);
                await Expect(town.Locator("#balance")).ToHaveTextAsync("4,300.00");
                await Expect(town.Locator("#ledger tbody tr")).ToHaveCountAsync(2);
                await Expect(town.Locator("#ledger tbody tr").First).ToContainTextAsync("-700.00");
            }
        );

    [Fact]
    public Task Visit_MemberPickedBySearchAsYouType_IsRecorded() =>
        app.RunAsync(nameof(Visit_MemberPickedBySearchAsYouType_IsRecorded), "1000000002", async town =>
        {
            await town.GotoAsync("/Aid/Visits");
            // The demo member's red card number finds them; a pick fills the name and the hidden id.
            await town.Locator("#MemberIdSearch").PressSequentiallyAsync("1000000004");
            var pick = town.Locator(".picker-results button").First;
            await Expect(pick).ToContainTextAsync("1000000004");
            var name = (await pick.GetAttributeAsync("data-name"))!;
            await pick.ClickAsync();
            await Expect(town.Locator("#MemberIdSearch")).ToHaveValueAsync(name);
            await Expect(town.Locator(".picker-results button")).ToHaveCountAsync(0);
            await town.Locator("#On").FillAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"));
            await town.Locator("#Visitors").FillAsync("街道党工委书记");
            await town.Locator("#Given").FillAsync("慰问品");
            await town.GetByRole(AriaRole.Button, new() { Name = "记录走访" }).ClickAsync();
            await Expect(town.Locator("#status")).ToContainTextAsync($"已记录对{name}的走访慰问");
            await Expect(town.Locator("#visits tbody tr").First).ToContainTextAsync("慰问品");
        });
}
