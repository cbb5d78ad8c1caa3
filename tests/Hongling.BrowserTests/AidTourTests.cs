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
}
