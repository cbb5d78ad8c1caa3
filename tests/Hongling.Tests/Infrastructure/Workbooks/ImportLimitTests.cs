using System.Net;
using Hongling.Tests.Features.Exams;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Infrastructure.Workbooks;

/// <summary>Measures the whole process's allocations, so nothing else may run beside it.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class AllocationSensitive;

/// <summary>Both imports, through their pages, given a file of well under 1 MB whose cell A2 inflates to 128 MB:
/// a Chinese message names the cell, nothing is imported, and the whole process (the test server included)
/// allocates far less than the cell while handling the upload.</summary>
[Collection(typeof(AllocationSensitive))]
public sealed class ImportLimitTests(TestApp app) : IClassFixture<TestApp>
{
    private const string TooLong = "单元格A2的内容超过32767个字符(Excel单元格的上限)";

    private static async Task<(string Html, long Allocated)> PostAsync(
        HttpClient client,
        string url,
        MultipartFormDataContent form
    )
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.PostAsync(url, form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (html, allocated);
    }

    private async Task<(HttpClient Client, Organization Branch)> AdminAsync(string name)
    {
        var (_, branch) = await app.AddTownAsync(name);
        return (await app.SignInAsAdministratorOfAsync(branch), branch);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task MemberImport_ACellOf128MB_IsRefusedNamingTheCell_ImportsNothing_AndAllocatesFarLessThanTheCell(
        bool shared
    )
    {
        var (client, branch) = await AdminAsync("巨格党员" + shared);
        var file = HandmadeWorkbook.Bomb(shared);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TestApp.TokenAsync(client, "/Members/Import")), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "members.xlsx" },
        };
        var (html, allocated) = await PostAsync(client, "/Members/Import?handler=Check", form);
        Assert.Contains(["第2行", "姓名", TooLong], Html.Parse(html).TableRows("#import-problems table"));
        Assert.Contains("文件未导入", html);
        Assert.DoesNotContain("name=\"payload\"", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Members.CountAsync(m => m.OrganizationId == branch.Id)));
        Assert.True(
            allocated < HandmadeWorkbook.BombChars / 8,
            $"{allocated:N0} bytes allocated for a cell of {HandmadeWorkbook.BombChars:N0} characters"
        );
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task QuestionImport_ACellOf128MB_IsRefusedNamingTheCell_ImportsNothing_AndAllocatesFarLessThanTheCell(
        bool shared
    )
    {
        var (client, branch) = await AdminAsync("巨格题库" + shared);
        await app.AddBankAsync(branch, singles: 2);
        var before = await app.WithDbAsync(db => db.Questions.CountAsync(q => q.OrganizationId == branch.Id));
        var file = HandmadeWorkbook.Bomb(shared);
        using var form = new MultipartFormDataContent
        {
            {
                new StringContent(await TestApp.TokenAsync(client, "/Exams/Questions/Import")),
                "__RequestVerificationToken"
            },
            { new StringContent(branch.Id.ToString()), "bankId" },
            { new ByteArrayContent(file), "file", "题目.xlsx" },
        };
        var (html, allocated) = await PostAsync(client, "/Exams/Questions/Import", form);
        Assert.Contains($"第2行 “题型”列:{TooLong}", html);
        Assert.Contains("文件未导入", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Questions.CountAsync(q => q.OrganizationId == branch.Id)));
        Assert.True(
            allocated < HandmadeWorkbook.BombChars / 8,
            $"{allocated:N0} bytes allocated for a cell of {HandmadeWorkbook.BombChars:N0} characters"
        );
    }
}
