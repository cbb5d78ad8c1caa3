using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hongling.Web.Domain;
using Hongling.Web.Features.ThoughtReports;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.ThoughtReports;

/// <summary>Thought reports: writing and uploading, byte-checked files, who may read them, comments, monthly
/// counts.</summary>
public sealed class ThoughtReportTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Branch(Organization Org, HttpClient Admin, Member[] Members, string[] Cards);

    private async Task<Branch> BranchAsync(string name)
    {
        var (_, org) = await app.AddTownAsync(name);
        var members = new[] { await app.AddMemberAsync(org, "甲" + name), await app.AddMemberAsync(org, "乙" + name) };
        var cards = new string[members.Length];
        for (var i = 0; i < members.Length; i++)
            await app.AddAccountAsync(cards[i] = TestApp.NewCard(), members[i]);
        return new Branch(org, await app.SignInAsAdministratorOfAsync(org), members, cards);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient member,
        string title,
        string? text,
        (byte[] Bytes, string Name)? file = null
    )
    {
        using var form = new MultipartFormDataContent
        {
            {
                new StringContent(await TestApp.TokenAsync(member, "/ThoughtReports/Mine")),
                "__RequestVerificationToken"
            },
            { new StringContent(title), "Title" },
            { new StringContent(text ?? ""), "Text" },
        };
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", f.Name);
        }
        return await member.PostAsync("/ThoughtReports/Mine", form);
    }

    private static byte[] Pdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<xml/>");
            }
        return buffer.ToArray();
    }

    private static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

    private Task<List<ThoughtReport>> ReportsOfAsync(Organization org) =>
        app.WithDbAsync(db => db.ThoughtReports.Where(r => r.OrganizationId == org.Id).ToListAsync());

    [Fact]
    public async Task Member_WritesAndUploads_AdminReadsAndComments_AuthorSeesTheComment()
    {
        var b = await BranchAsync("汇报");
        var author = await app.SignedInClientAsync(b.Cards[0]);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await SubmitAsync(author, "2026年第三季度思想汇报", "敬爱的党组织:\n\n通过学习……")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await SubmitAsync(author, "PDF 汇报", null, (Pdf(), "report.pdf"))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await SubmitAsync(author, "Word 汇报", null, (Docx(), "汇报.docx"))).StatusCode
        );
        var reports = (await ReportsOfAsync(b.Org)).OrderBy(r => r.Id).ToList();
        Assert.Equal([null, ReportFileKind.Pdf, ReportFileKind.Docx], reports.Select(r => r.FileKind));
        Assert.All(reports, r => Assert.Equal(b.Members[0].Id, r.MemberId));

        var list = await b.Admin.GetStringAsync("/ThoughtReports");
        Assert.Contains("2026年第三季度思想汇报", list);
        var download = await b.Admin.GetAsync($"/ThoughtReports/Detail/{reports[1].Id}?handler=File");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf(), await download.Content.ReadAsByteArrayAsync());
        var comment = await TestApp.PostFormAsync(
            b.Admin,
            $"/ThoughtReports/Detail/{reports[0].Id}",
            new Dictionary<string, string> { ["Comment"] = "认识深刻,继续努力。" },
            $"/ThoughtReports/Detail/{reports[0].Id}?handler=Comment"
        );
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);

        var mine = await author.GetStringAsync($"/ThoughtReports/Detail/{reports[0].Id}");
        Assert.Contains("认识深刻,继续努力。", mine);
        Assert.DoesNotContain("保存批阅意见", mine); // the author reads; administrators comment
        Assert.Equal(
            HttpStatusCode.OK,
            (await author.GetAsync($"/ThoughtReports/Detail/{reports[2].Id}?handler=File")).StatusCode
        );
        // The author cannot comment on their own report.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    author,
                    "/ThoughtReports/Mine",
                    new Dictionary<string, string> { ["Comment"] = "自评" },
                    $"/ThoughtReports/Detail/{reports[1].Id}?handler=Comment"
                )
            ).StatusCode
        );
    }

    public static TheoryData<string, string, string> BadFiles =>
        new()
        {
            { "<?php system($_GET['c']); ?>", "shell.pdf", ReportFile.WrongKind },
            { "<html><script>alert(1)</script></html>", "page.docx", ReportFile.WrongKind },
            { "zip-without-word", "fake.docx", ReportFile.WrongKind },
            { "", "empty.pdf", ReportFile.Empty },
            { "huge", "huge.pdf", ReportFile.TooLarge },
        };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_RenamedScriptsFakeDocxEmptyOrOversized_RefusedInChinese_NothingStored(
        string content,
        string name,
        string message
    )
    {
        var b = await BranchAsync("坏文件" + name);
        var bytes = content switch
        {
            "zip-without-word" => Zip("[Content_Types].xml", "xl/workbook.xml"),
            "huge" => [.. Pdf(), .. new byte[ReportFile.MaxBytes]],
            _ => Encoding.UTF8.GetBytes(content),
        };
        var response = await SubmitAsync(await app.SignedInClientAsync(b.Cards[0]), "汇报", "正文", (bytes, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Empty(await ReportsOfAsync(b.Org));
    }

    [Fact]
    public async Task Submit_WithoutTitleOrContent_RefusedInChinese()
    {
        var b = await BranchAsync("空汇报");
        var html = await (
            await SubmitAsync(await app.SignedInClientAsync(b.Cards[0]), "", "")
        ).Content.ReadAsStringAsync();
        Assert.Contains("请填写标题", html);
        Assert.Contains("请填写汇报内容,或上传 PDF / Word 文件", html);
        Assert.Empty(await ReportsOfAsync(b.Org));
    }

    [Fact]
    public async Task AnotherMember_AndTheAdminOfB_Get404_AndChangeNothing()
    {
        var a = await BranchAsync("隐私甲");
        var b = await BranchAsync("隐私乙");
        await SubmitAsync(await app.SignedInClientAsync(a.Cards[0]), "甲的秘密汇报", "只给支部看", (Pdf(), "r.pdf"));
        var report = Assert.Single(await ReportsOfAsync(a.Org));

        var neighbour = await app.SignedInClientAsync(a.Cards[1]);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await neighbour.GetAsync($"/ThoughtReports/Detail/{report.Id}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await neighbour.GetAsync($"/ThoughtReports/Detail/{report.Id}?handler=File")).StatusCode
        );
        Assert.DoesNotContain("甲的秘密汇报", await neighbour.GetStringAsync("/ThoughtReports/Mine"));

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await b.Admin.GetAsync($"/ThoughtReports/Detail/{report.Id}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await b.Admin.GetAsync($"/ThoughtReports/Detail/{report.Id}?handler=File")).StatusCode
        );
        Assert.DoesNotContain("甲的秘密汇报", await b.Admin.GetStringAsync("/ThoughtReports"));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    b.Admin,
                    "/ThoughtReports",
                    new Dictionary<string, string> { ["Comment"] = "越权批阅" },
                    $"/ThoughtReports/Detail/{report.Id}?handler=Comment"
                )
            ).StatusCode
        );
        Assert.Null(Assert.Single(await ReportsOfAsync(a.Org)).Comment);
    }

    [Fact]
    public async Task MonthlyReportCounts_FollowChinaTimeMonths()
    {
        var (town, branch) = await app.AddTownAsync("汇报月报");
        var member = await app.AddMemberAsync(branch);
        await app.WithDbAsync(async db =>
        {
            foreach (var at in new[] { "2026-10-31T15:59:59", "2026-10-31T16:30:00", "2026-11-30T16:00:00" })
                db.ThoughtReports.Add(
                    new ThoughtReport
                    {
                        MemberId = member.Id,
                        OrganizationId = branch.Id,
                        Title = "月报",
                        Text = "-",
                        SubmittedAt = DateTime.SpecifyKind(DateTime.Parse(at), DateTimeKind.Utc),
                    }
                );
            return await db.SaveChangesAsync();
        });
        Assert.Equal(
            new Dictionary<int, int> { [branch.Id] = 1 },
            await app.WithDbAsync(db =>
                Hongling.Web.Features.OrgLife.MonthlyActivityCounts.OfAsync(
                    db,
                    Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure.ThoughtReports,
                    town.Path,
                    202611
                )
            )
        );
        Assert.Equal(
            new Dictionary<int, int> { [branch.Id] = 1 },
            await app.WithDbAsync(db =>
                Hongling.Web.Features.OrgLife.MonthlyActivityCounts.OfAsync(
                    db,
                    Hongling.Web.Features.OrgLife.MonthlyActivityCounts.Measure.ThoughtReports,
                    town.Path,
                    202610
                )
            )
        );
    }
}
