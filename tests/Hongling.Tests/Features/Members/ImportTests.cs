using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Members;

public sealed class ImportTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string[] Headers = MemberSheet.Columns.Select(c => c.Header).ToArray();

    private async Task<(HttpClient Client, Organization Branch)> AdminAsync(string name)
    {
        var (_, branch) = await app.AddTownAsync(name);
        return (await app.SignInAsAdministratorOfAsync(branch), branch);
    }

    private static string[] Row(Organization branch, string name, string? id = null, string mobile = "13912345678") =>
        [
            name,
            "女",
            "汉族",
            IdNumber.BirthDate(id ??= TestApp.NextIdNumber())!.Value.ToString("yyyy-MM-dd"),
            id,
            mobile,
            "大学本科",
            "2012-07-01",
            "正式党员",
            branch.Code,
            "否",
            "",
            "",
            "",
            "",
        ];

    private static byte[] Book(IEnumerable<string[]> rows, string[]? headers = null, Action<IXLWorksheet>? tweak = null)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("党员信息");
        var all = new[] { headers ?? Headers }.Concat(rows).ToList();
        for (var r = 0; r < all.Count; r++)
        for (var c = 0; c < all[r].Length; c++)
            sheet.Cell(r + 1, c + 1).SetValue(all[r][c]);
        tweak?.Invoke(sheet);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static async Task<string> CheckAsync(HttpClient client, byte[] file, string name = "members.xlsx")
    {
        var token = await TestApp.TokenAsync(client, "/Members/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        var response = await client.PostAsync("/Members/Import?handler=Check", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The problems table of a checked file: row, column, message.</summary>
    private static List<string[]> Problems(string checkedHtml) =>
        Html.Parse(checkedHtml).TableRows("#import-problems table");

    private static bool Is(string[] problem, string row, string column, string message) =>
        problem[0] == row && problem[1] == column && problem[2].StartsWith(message, StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> CommitAsync(HttpClient client, string checkedHtml)
    {
        var payload = Regex.Match(checkedHtml, "name=\"payload\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(payload);
        return await TestApp.PostFormAsync(
            client,
            "/Members/Import",
            new Dictionary<string, string> { ["payload"] = payload },
            "/Members/Import?handler=Commit"
        );
    }

    private Task<int> CountAsync(Organization branch) =>
        app.WithDbAsync(db => db.Members.CountAsync(m => m.OrganizationId == branch.Id));

    [Fact]
    public async Task Template_HasTheChineseHeaders()
    {
        var (client, _) = await AdminAsync("模板镇");
        var bytes = await client.GetByteArrayAsync("/Members/Import?handler=Template");
        using var book = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(
            Headers,
            Enumerable.Range(1, Headers.Length).Select(i => book.Worksheet(1).Cell(1, i).GetString())
        );
    }

    [Fact]
    public async Task CleanFile_PreviewsThenImportsAll_AndASecondImportChangesNothing()
    {
        var (client, branch) = await AdminAsync("导入镇");
        var file = Book([Row(branch, "导入一"), Row(branch, "导入二"), Row(branch, "导入三")]);
        var html = await CheckAsync(client, file);
        Assert.Contains("可导入 <strong>3</strong> 名党员", html);
        Assert.Equal(0, await CountAsync(branch));
        var commit = await CommitAsync(client, html);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Contains("已导入 3 名党员", await client.GetStringAsync("/Members"));
        Assert.Equal(3, await CountAsync(branch));
        Assert.Equal(
            3,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a => a.OrgPath == branch.Path && a.Action == AuditAction.Created)
            )
        );
        // Each audit entry names the member it created, and the rows read back as the form would have saved them.
        var imported = await app.WithDbAsync(db =>
            db.Members.Where(m => m.OrganizationId == branch.Id).OrderBy(m => m.Id).ToListAsync()
        );
        var audited = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.OrgPath == branch.Path && a.Action == AuditAction.Created)
                .Select(a => a.EntityId)
                .ToListAsync()
        );
        Assert.Equal(imported.Select(m => m.Id.ToString()).Order(), audited.Order());
        Assert.All(imported, m =>
            Assert.Equal(
                (Gender.Female, MemberStatus.Full, Education.Bachelor, new DateOnly(2012, 7, 1), branch.Path),
                (m.Gender, m.Status, m.Education, m.JoinedOn, m.OrgPath)
            )
        );
        Assert.Contains(
            $"/Members/Detail/{imported[0].Id}\"",
            await client.GetStringAsync("/Members?q=" + Uri.EscapeDataString(imported[0].IdNumberTail))
        );

        var again = await CheckAsync(client, file);
        Assert.Contains("可导入 <strong>0</strong> 名党员,另有 3 名已存在,将跳过", again);
        Assert.DoesNotContain("name=\"payload\"", again);
        Assert.Equal(3, await CountAsync(branch));
    }

    [Fact]
    public async Task BadRows_EachGetsItsRowColumnAndMessage_AndNothingIsImported()
    {
        var (client, branch) = await AdminAsync("坏行镇");
        var (_, elsewhere) = await app.AddTownAsync("别人镇");
        var good = Row(branch, "好人");
        var dupId = TestApp.NextIdNumber();
        var badCheck = Row(branch, "校验错");
        badCheck[4] = badCheck[4][..17] + (badCheck[4][17] == '0' ? "1" : "0");
        var badBirth = Row(branch, "生日错");
        badBirth[3] = "1950-01-01";
        var badDate = Row(branch, "日期错");
        badDate[7] = "2015-13-45";
        var badChoice = Row(branch, "选项错");
        badChoice[1] = "未知";
        var floatingNoPlace = Row(branch, "流动缺项");
        floatingNoPlace[10] = "是";
        floatingNoPlace[11] = "流出";
        floatingNoPlace[14] = "2025-01-01";
        var rows = new List<string[]>
        {
            good, // row 2
            Row(branch, "手机错", mobile: "12345"), // row 3
            badCheck, // row 4
            badBirth, // row 5
            badDate, // row 6
            Row(branch, "重复甲", dupId), // row 7
            Row(branch, "重复乙", dupId), // row 8
            Row(elsewhere, "越权"), // row 9
            badChoice, // row 10
            new[] { "", "男", "汉族", "", "", "", "", "", "", "", "" }, // row 11
        };
        rows.Add(floatingNoPlace); // row 14, after the two tweaked rows below
        var file = Book(rows.Take(10), tweak: s =>
        {
            for (var c = 0; c < floatingNoPlace.Length; c++)
                s.Cell(14, c + 1).SetValue(floatingNoPlace[c]);
            s.Cell(12, 1).SetValue("公式");
            for (var c = 2; c <= 11; c++)
                s.Cell(12, c).SetValue(rows[0][c - 1]);
            s.Cell(12, 6).FormulaA1 = "=\"139\"&\"12345678\""; // row 12: a formula
            s.Cell(13, 1).SetValue("数字");
            for (var c = 2; c <= 11; c++)
                s.Cell(13, c).SetValue(Row(branch, "x")[c - 1]);
            s.Cell(13, 5).Value = 110105194912310038d; // row 13: ID typed as a number
        });
        var html = await CheckAsync(client, file);
        var expected = new (int Row, string Column, string Message)[]
        {
            (3, "手机号码", "手机号码应为以1开头的11位数字"),
            (4, "身份证号码", "身份证号码校验位不正确"),
            (5, "出生日期", "出生日期与身份证号码不一致"),
            (6, "入党日期", "“2015-13-45”不是有效日期"),
            (8, "身份证号码", "与第7行的身份证号码重复"),
            (9, "所在党支部编码", $"组织编码“{elsewhere.Code}”不存在或不在您的管理范围内"),
            (10, "性别", "“未知”不是可选的值"),
            (11, "姓名", "请填写姓名"),
            (11, "身份证号码", "请填写身份证号码"),
            (11, "所在党支部编码", "请填写所在党支部编码"),
            (12, "手机号码", "不支持公式"),
            (13, "身份证号码", "身份证号码被Excel存成了数字"),
            (14, "流向/来源地", "请填写流向何处"),
        };
        var problems = Problems(html);
        foreach (var (row, column, message) in expected)
            Assert.Contains(problems, p => Is(p, $"第{row}行", column, message));
        Assert.DoesNotContain(problems, p => p[0] == "第2行");
        Assert.DoesNotContain("name=\"payload\"", html);
        Assert.Equal(0, await CountAsync(branch));
    }

    public static TheoryData<string, string> BadFiles =>
        new()
        {
            { "text", "文件不是Excel(.xlsx)格式" },
            { "corrupt", "文件已损坏或不是有效的Excel(.xlsx)文件" },
            { "empty", "文件中没有党员数据" },
            { "renamed", "表头与模板不符,缺少或改动了这些列:手机号码" },
            { "merged", "表格中有合并单元格" },
            { "toolong", "文件有10001行,每次最多导入10000名党员" },
        };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task BadFile_GetsOneClearMessage_AndNothingIsImported(string kind, string message)
    {
        var (client, branch) = await AdminAsync("坏文件" + kind);
        var renamed = Headers.ToArray();
        renamed[5] = "电话";
        var file = kind switch
        {
            "text" => "姓名,性别\n张三,男"u8.ToArray(),
            "corrupt" => [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8],
            "empty" => Book([]),
            "renamed" => Book([Row(branch, "改列")], renamed),
            "merged" => Book([Row(branch, "合并")], tweak: s => s.Range("A2:B2").Merge()),
            _ => Book(Enumerable.Range(0, 10_001).Select(i => Row(branch, "多" + i))),
        };
        var html = await CheckAsync(client, file, kind == "text" ? "members.xlsx" : "file.xlsx");
        Assert.Contains(message, html);
        Assert.Contains(Problems(html), p => p[0] == "整个文件");
        Assert.Equal(0, await CountAsync(branch));
    }

    [Fact]
    public async Task InformationSetColumns_AreImportedAndChecked()
    {
        var (client, branch) = await AdminAsync("信息集镇");
        string[] Extra(string[] row, params string[] more) => [.. row, .. more];
        var good = Extra(
            Row(branch, "周信息"),
            "重庆江津",
            "硕士",
            "教师",
            "江津中学",
            "校长",
            "几江街道2号",
            "2013-07-01"
        );
        var badDegree = Extra(Row(branch, "吴学位"), "", "大专", "", "", "", "", "");
        var badFull = Extra(Row(branch, "郑转正"), "", "", "", "", "", "", "2012-12-01");
        var html = await CheckAsync(client, Book([good, badDegree, badFull]));
        Assert.Contains(Problems(html), p => Is(p, "第3行", "学位", "“大专”不是可选的值"));
        Assert.Contains(Problems(html), p => Is(p, "第4行", "转正日期", "转正日期应在入党日期满一年之后"));
        Assert.Equal(0, await CountAsync(branch));

        html = await CheckAsync(client, Book([good]));
        Assert.Equal(HttpStatusCode.Redirect, (await CommitAsync(client, html)).StatusCode);
        var m = await app.WithDbAsync(db => db.Members.SingleAsync(x => x.OrganizationId == branch.Id));
        Assert.Equal(
            ("重庆江津", Degree.Master, "教师", "江津中学", "校长", "几江街道2号", new DateOnly(2013, 7, 1)),
            (m.NativePlace, m.Degree!.Value, m.Occupation, m.WorkUnit, m.Position, m.HomeAddress, m.FullMemberOn!.Value)
        );
    }

    [Fact]
    public async Task DatesTypedAsExcelDates_AndNumbersInTextColumns_AreRead()
    {
        var (client, branch) = await AdminAsync("日期格式镇");
        var row = Row(branch, "真日期", mobile: "");
        var file = Book([row], tweak: s =>
        {
            s.Cell(2, 8).Value = new DateTime(2011, 7, 1); // 入党日期: an Excel date
            s.Cell(2, 8).Style.DateFormat.Format = "yyyy\"年\"m\"月\"d\"日\"";
            s.Cell(2, 6).Value = 13912345678d; // 手机号码 typed as a number
            s.Cell(2, 16).Style.Font.Bold = true; // an empty cell that only has a style
            s.Cell(2, 16).Style.Fill.BackgroundColor = XLColor.Yellow;
        });
        var html = await CheckAsync(client, file);
        Assert.Contains("可导入 <strong>1</strong> 名党员", html);
        Assert.Equal(HttpStatusCode.Redirect, (await CommitAsync(client, html)).StatusCode);
        var m = await app.WithDbAsync(db => db.Members.SingleAsync(x => x.OrganizationId == branch.Id));
        Assert.Equal((new DateOnly(2011, 7, 1), "13912345678"), (m.JoinedOn, m.Mobile));
    }

    [Fact]
    public async Task AMemberRegisteredBetweenCheckAndInsert_RollsTheWholeImportBack()
    {
        var (_, branch) = await AdminAsync("抢先镇");
        var taken = TestApp.NextIdNumber();
        var file = Book([Row(branch, "先一"), Row(branch, "先二"), Row(branch, "被抢", id: taken)]);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Hongling.Web.Data.HonglingDb>();
        db.Scope.Load([branch.Path], null, null, actorName: "导入员");
        var import = ActivatorUtilities.CreateInstance<MemberImport>(sp);
        var result = await import.CheckAsync(file);
        Assert.True(result.Ok);
        await app.AddMemberAsync(branch, "抢先录入", idNumber: taken); // someone else, in between

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => import.CommitAsync(result));
        Assert.Equal(
            ["抢先录入"],
            await app.WithDbAsync(db =>
                db.Members.Where(m => m.OrganizationId == branch.Id).Select(m => m.Name).ToListAsync()
            )
        );
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a => a.OrgPath == branch.Path && a.ActorName == "导入员")
            )
        );
    }

    [Fact]
    public async Task Commit_WithATamperedPayload_ImportsNothing()
    {
        var (client, branch) = await AdminAsync("篡改镇");
        var html = await CheckAsync(client, Book([Row(branch, "篡改")]));
        var tampered = Regex.Replace(
            html,
            "name=\"payload\" value=\"([^\"]{10})",
            "name=\"payload\" value=\"AAAAAAAAAA"
        );
        var response = await CommitAsync(client, tampered);
        Assert.Contains("检查结果已过期", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(branch));
    }

    [Fact]
    public async Task IdOfAMemberWhoLeftThePlatform_IsAProblem_NotSkippedAsPresent()
    {
        var (client, branch) = await AdminAsync("离开导入镇");
        var id = TestApp.NextIdNumber();
        var gone = await app.AddMemberAsync(branch, "已转出", id);
        await app.WithDbAsync(async db =>
        {
            (await db.Members.SingleAsync(m => m.Id == gone.Id)).LeftOn = new DateOnly(2025, 1, 1);
            return await db.SaveChangesAsync();
        });
        var html = await CheckAsync(client, Book([Row(branch, "已转出", id)]));
        Assert.Contains("该身份证号码属于已转出本平台的党员,请通过“从平台外转入”登记", html);
        Assert.DoesNotContain("将跳过", html);
    }

    [Fact]
    public async Task Export_ListsTheScopeOnly_WithIdNumbersAndPhonesMasked()
    {
        var (client, branch) = await AdminAsync("导出镇");
        var (_, other) = await app.AddTownAsync("不导出镇");
        var id = TestApp.NextIdNumber();
        await app.AddMemberAsync(branch, "导出人", id);
        await app.AddMemberAsync(other, "别处人");
        var bytes = await client.GetByteArrayAsync("/Members?handler=Export");
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        Assert.Equal("身份证号码", sheet.Cell(1, 5).GetString());
        Assert.Equal(2, sheet.LastRowUsed().RowNumber());
        Assert.Equal("导出人", sheet.Cell(2, 1).GetString());
        Assert.Equal(IdNumber.Mask(id), sheet.Cell(2, 5).GetString());
        Assert.Equal("138****8000", sheet.Cell(2, 6).GetString());
        Assert.Equal(branch.Code, sheet.Cell(2, 10).GetString());
    }
}
