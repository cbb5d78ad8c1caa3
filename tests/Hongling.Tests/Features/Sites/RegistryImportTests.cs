using System.Net;
using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Sites;

public sealed class RegistryImportTests(TestApp app) : IClassFixture<TestApp>
{
    private static byte[] Book(IEnumerable<string[]> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("站点");
        var all = new[] { SiteSheet.Columns.Select(c => c.Header).ToArray() }.Concat(rows).ToList();
        for (var r = 0; r < all.Count; r++)
        for (var c = 0; c < all[r].Length; c++)
            sheet.Cell(r + 1, c + 1).SetValue(all[r][c]);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static string[] Row(Organization org, string name, string code, string admin = "") =>
        [
            name,
            code,
            org.Code,
            "行政村",
            "",
            "1",
            "2009-06-30",
            "光纤",
            "在用",
            admin,
            "",
            "",
            "0",
            "1",
            "1",
            "1",
            "0",
            "0",
            "0",
        ];

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file)
    {
        var token = await TestApp.TokenAsync(client, "/Sites/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "sites.xlsx" },
        };
        return await client.PostAsync("/Sites/Import", form);
    }

    [Fact]
    public async Task Import_WithOneBadRow_ImportsNothing_ThenTheCleanFileImportsAll_AndTheExportShowsNamesOnly()
    {
        var (town, branch) = await app.AddTownAsync("导入站镇");
        var secretary = await app.AddMemberAsync(branch, "周书记");
        var client = await app.SignInAsAdministratorOfAsync(town);
        var good1 = Row(branch, "导入一站", TestApp.UniqueCode("IM"), "周书记");
        var good2 = Row(branch, "导入二站", TestApp.UniqueCode("IM"));
        var bad = Row(branch, "坏站", TestApp.UniqueCode("IM"));
        bad[3] = "火星";

        var failed = await ImportAsync(client, Book([good1, bad, good2]));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var problems = (await Html.ParseAsync(failed)).TableRows("#import-problems table");
        Assert.Equal("第3行", problems.Single()[0]);
        Assert.Equal("站点类型", problems.Single()[1]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Sites.CountAsync(s => s.OrganizationId == branch.Id)));

        var ok = await ImportAsync(client, Book([good1, good2]));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var sites = await app.WithDbAsync(db =>
            db.Sites.Where(s => s.OrganizationId == branch.Id)
                .Include(s => s.Equipment)
                .OrderBy(s => s.Id)
                .ToListAsync()
        );
        Assert.Equal(2, sites.Count);
        Assert.Equal(secretary.Id, sites[0].AdministratorId);
        Assert.All(sites, s => Assert.Equal(3, s.Equipment.Count));

        var bytes = await client.GetByteArrayAsync("/Sites?handler=Export");
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        Assert.Equal("导入一站", sheet.Cell(2, 1).GetString());
        Assert.Equal("周书记", sheet.Cell(2, 10).GetString());
        var all = string.Join("|", sheet.CellsUsed().Select(c => c.GetString()));
        Assert.DoesNotContain("13800138000", all);
        Assert.DoesNotContain(secretary.IdNumberMasked, all);
    }
}
