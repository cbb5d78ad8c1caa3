using System.Net;
using ClosedXML.Excel;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Exams;

/// <summary>Question import from the .xlsx template (all or nothing, row-and-column errors) and export.</summary>
public sealed class QuestionImportTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ImportAsync(HttpClient client, byte[] file, int bankId)
    {
        var token = await TestApp.TokenAsync(client, "/Exams/Questions/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(bankId.ToString()), "bankId" },
            { new ByteArrayContent(file), "file", "题目.xlsx" },
        };
        var response = await client.PostAsync("/Exams/Questions/Import", form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static byte[] Workbook(byte[] template, params string[][] rows)
    {
        using var book = new XLWorkbook(new MemoryStream(template));
        var sheet = book.Worksheet(1);
        sheet.Row(2).Clear();
        for (var r = 0; r < rows.Length; r++)
        for (var c = 0; c < rows[r].Length; c++)
            sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task Import_AFormulaCell_IsRefusedNamingTheCell_AndNothingIsImported()
    {
        var (_, branch) = await app.AddTownAsync("公式题");
        await app.AddBankAsync(branch, singles: 0);
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var template = await admin.GetByteArrayAsync("/Exams/Questions/Import?handler=Template", Ct);
        var before = await app.WithDbAsync(db => db.Questions.CountAsync(q => q.OrganizationId == branch.Id));
        string[] good =
        [
            "单选题",
            "党史",
            "遵义会议召开于哪一年?",
            "1935年",
            "1934年",
            "",
            "",
            "",
            "",
            "A",
            "2",
            "2",
            "",
        ];
        var file = Workbook(template, good, good);
        using (var book = new XLWorkbook(new MemoryStream(file)))
        {
            // Row 3's answer and option B are formulas whose cached values would read as a valid question.
            book.Worksheet(1).Cell(3, 10).FormulaA1 = "=\"A\"";
            book.Worksheet(1).Cell(3, 5).FormulaA1 = "=D3&\"后\"";
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            file = stream.ToArray();
        }
        var html = await ImportAsync(admin, file, branch.Id);
        Assert.Contains("发现 2 处问题,文件未导入", html);
        Assert.Contains("第3行 “选项B”列:单元格E3是公式,不支持公式,请复制后“粘贴为数值”", html);
        Assert.Contains("第3行 “正确答案”列:单元格J3是公式,不支持公式", html);
        Assert.DoesNotContain("第2行", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Questions.CountAsync(q => q.OrganizationId == branch.Id)));
    }

    [Fact]
    public async Task Import_BadRowsImportNothing_WithRowAndColumn_ThenACleanFileImportsAll_AndExportsBack()
    {
        var (_, branch) = await app.AddTownAsync("导题");
        var bank = await app.AddBankAsync(branch, singles: 0);
        var admin = await app.SignInAsAdministratorOfAsync(branch);
        var template = await admin.GetByteArrayAsync("/Exams/Questions/Import?handler=Template", Ct);
        var before = await app.WithDbAsync(db => db.Questions.CountAsync(q => q.OrganizationId == branch.Id));

        string[] good1 =
        [
            "单选题",
            "党史",
            "遵义会议召开于哪一年?",
            "1935年",
            "1934年",
            "1936年",
            "",
            "",
            "",
            "A",
            "2",
            "2",
            "转折点",
        ];
        string[] good2 =
        [
            "多选题",
            "党史/新中国史",
            "以下哪些属于“四个自信”?",
            "道路自信",
            "理论自信",
            "历史自信",
            "",
            "",
            "",
            "AB",
            "3",
            "4",
            "",
        ];
        string[] good3 =
        [
            "填空题",
            "党章党规",
            "党的最高理想是实现____。",
            "",
            "",
            "",
            "",
            "",
            "",
            "共产主义|共产主义社会",
            "",
            "",
            "",
        ];
        string[] good4 = ["判断题", "党章党规", "预备期为一年。", "", "", "", "", "", "", "正确", "1", "1", ""];
        string[] badCategory = ["单选题", "不存在的分类", "题干", "甲", "乙", "", "", "", "", "A", "3", "1", ""];
        string[] badAnswer = ["单选题", "党史", "题干", "甲", "乙", "", "", "", "", "E", "3", "1", ""];
        string[] badType = ["论述题", "党史", "题干", "", "", "", "", "", "", "", "3", "1", ""];
        string[] badDifficulty = ["判断题", "党史", "题干", "", "", "", "", "", "", "正确", "9", "1", ""];
        var html = await ImportAsync(
            admin,
            Workbook(template, good1, badCategory, badAnswer, badType, badDifficulty),
            branch.Id
        );
        Assert.Contains("文件未导入", html);
        Assert.Contains("第3行 “分类”列:分类“不存在的分类”在该题库中不存在", html);
        Assert.Contains("第4行 “正确答案”列", html);
        Assert.Contains("第5行 “题型”列", html);
        Assert.Contains("第6行 “难度”列:难度应为1到5", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Questions.CountAsync(q => q.OrganizationId == branch.Id)));

        Assert.Contains("不是Excel", await ImportAsync(admin, "not a workbook"u8.ToArray(), branch.Id));

        html = await ImportAsync(admin, Workbook(template, good1, good2, good3, good4), branch.Id);
        Assert.Contains("已导入 4 道题目", html);
        var imported = await app.WithDbAsync(db =>
            db.Questions.AsNoTracking()
                .Where(q => q.OrganizationId == branch.Id)
                .OrderByDescending(q => q.Id)
                .Take(4)
                .ToListAsync()
        );
        var multiple = imported.Single(q => q.Type == QuestionType.Multiple);
        Assert.Equal(bank.Child.Id, multiple.CategoryId);
        Assert.Equal([true, true, false], multiple.Options.Select(o => o.Correct));
        Assert.Equal(
            [
                ["共产主义", "共产主义社会"],
            ],
            imported.Single(q => q.Type == QuestionType.FillIn).Blanks
        );

        var export = await admin.GetAsync($"/Exams/Questions/Import?handler=Export&bankId={branch.Id}", Ct);
        using var book = new XLWorkbook(await export.Content.ReadAsStreamAsync(Ct));
        var rows = book.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(3).GetString()).ToList();
        Assert.Contains("以下哪些属于“四个自信”?", rows);
        var exported = book.Worksheet(1).RowsUsed().Single(r => r.Cell(3).GetString() == "以下哪些属于“四个自信”?");
        Assert.Equal("AB", exported.Cell(10).GetString());
        Assert.Equal("党史/新中国史", exported.Cell(2).GetString());

        // Another branch's bank: 404, nothing imported.
        var (_, other) = await app.AddTownAsync("导题乙");
        var token = await TestApp.TokenAsync(admin, "/Exams/Questions/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(other.Id.ToString()), "bankId" },
            { new ByteArrayContent(Workbook(template, good4)), "file", "x.xlsx" },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/Exams/Questions/Import", form, Ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await admin.GetAsync($"/Exams/Questions/Import?handler=Export&bankId={other.Id}", Ct)).StatusCode
        );
    }
}
