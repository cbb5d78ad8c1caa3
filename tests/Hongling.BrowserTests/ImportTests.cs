using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members.Import;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class ImportTests(BrowserApp app)
{
    private static string Id(int n)
    {
        var first17 = $"11010519750315{n:D3}";
        return first17 + IdNumber.CheckCharFor(first17);
    }

    private static byte[] Workbook(bool fixedUp)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("党员信息");
        for (var c = 0; c < MemberSheet.Columns.Length; c++)
            sheet.Cell(1, c + 1).SetValue(MemberSheet.Columns[c].Header);
        string[][] rows =
        [
            [
                "浏览甲",
                "男",
                "汉族",
                "1975-03-15",
                Id(11),
                "13911112222",
                "大学本科",
                "2001-07-01",
                "正式党员",
                "T001B001",
                "否",
            ],
            [
                "浏览乙",
                "女",
                "汉族",
                "1975-03-15",
                fixedUp ? Id(12) : Id(12)[..17] + (Id(12)[17] == '1' ? "2" : "1"),
                "13911113333",
                "大学本科",
                "2001-07-01",
                "正式党员",
                "T001B001",
                "否",
            ],
            [
                "浏览丙",
                "男",
                "汉族",
                "1975-03-15",
                Id(13),
                fixedUp ? "13911114444" : "1391111",
                "大学本科",
                "2001-07-01",
                "预备党员",
                "T001B001",
                "否",
            ],
        ];
        for (var r = 0; r < rows.Length; r++)
        for (var c = 0; c < rows[r].Length; c++)
            sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public Task BranchAdmin_ImportsAFileWithTwoBadRows_FixesThem_AndFindsTheMembers() =>
        app.RunAsync(
            nameof(BranchAdmin_ImportsAFileWithTwoBadRows_FixesThem_AndFindsTheMembers),
            "1000000003",
            async page =>
            {
                await page.GotoAsync("/Members");
                await page.GetByRole(AriaRole.Link, new() { Name = "从Excel导入" }).ClickAsync();
                var download = await page.RunAndWaitForDownloadAsync(() =>
                    page.GetByRole(AriaRole.Link, new() { Name = "下载导入模板" }).ClickAsync()
                );
                Assert.Equal("党员信息导入模板.xlsx", download.SuggestedFilename);

                await page.GetByLabel("Excel文件")
                    .SetInputFilesAsync(
                        new FilePayload
                        {
                            Name = "党员.xlsx",
                            MimeType = MemberSheet.ContentType,
                            Buffer = Workbook(false),
                        }
                    );
                await page.GetByRole(AriaRole.Button, new() { Name = "检查" }).ClickAsync();
                var problems = page.Locator("#import-problems");
                await Expect(problems).ToContainTextAsync("发现 2 处问题");
                await Expect(problems).ToContainTextAsync("第3行");
                await Expect(problems).ToContainTextAsync("身份证号码校验位不正确");
                await Expect(problems).ToContainTextAsync("第4行");
                await Expect(problems).ToContainTextAsync("手机号码应为以1开头的11位数字");
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认导入" })).ToHaveCountAsync(0);

                await page.GetByLabel("Excel文件")
                    .SetInputFilesAsync(
                        new FilePayload
                        {
                            Name = "党员.xlsx",
                            MimeType = MemberSheet.ContentType,
                            Buffer = Workbook(true),
                        }
                    );
                await page.GetByRole(AriaRole.Button, new() { Name = "检查" }).ClickAsync();
                await Expect(page.Locator("#import-ready")).ToContainTextAsync("可导入 3 名党员");
                await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("已导入 3 名党员");

                await page.GetByLabel("搜索").FillAsync("浏览");
                await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
                await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(3);
                await Expect(page.Locator("#members")).ToContainTextAsync("浏览丙");
            }
        );
}
