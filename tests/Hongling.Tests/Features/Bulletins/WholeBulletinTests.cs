using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using Hongling.Web.Domain;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>The whole bulletin of <see cref="SectionsWorld"/> (August 2029, submissions over July–August): every
/// section
/// computed by the generator, frozen, and shown alike on the page, in the .docx and in the .xlsx attachments.</summary>
public sealed class WholeBulletinTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheGenerator_FreezesEverySection_AndThePageTheDocxAndTheWorkbookSayTheSame()
    {
        var w = await SectionsWorld.BuildAsync(app);
        var bulletin = await app.WithDbAsync(
            async (db, sp) =>
            {
                db.BulletinSettings.Add(new BulletinSettings { OrganizationId = w.District.Id, SubmissionMonths = 2 });
                await db.SaveChangesAsync();
                var issuer = (await ScopedOrg.PickAsync(db, w.District.Id))!;
                return (
                    await sp.GetRequiredService<BulletinGenerator>()
                        .GenerateAsync(issuer, SectionsWorld.Month, automatic: false, default)
                )!;
            }
        );
        Assert.Equal(SectionsWorld.FirstMonth, bulletin.FirstMonth);

        // Frozen and read back: the sections survive the JSON, with the figures the sections' own tests count by hand.
        var content = BulletinContent.FromJson(bulletin.Content);
        var figures = content.Figures().ToDictionary(f => (f.Key, f.UnitId), f => f.Value);
        Assert.Equal((5m, 2m), (figures[("sites.sites", null)], figures[("sites.rule_met", null)]));
        Assert.Equal(1m, figures[("sites.rule_met", w.A.Id)]);
        Assert.Contains(figures.Keys, k => k.Key.StartsWith("submissions.", StringComparison.Ordinal));
        Assert.Contains(figures.Keys, k => k.Key == "platform.members");
        Assert.Contains(figures.Keys, k => k.Key.StartsWith("quality.", StringComparison.Ordinal));
        Assert.Equal(["甲镇党委", "乙镇党委", "丙镇党委"], content.Units.Select(u => u.Name));

        var client = await app.SignInAsAdministratorOfAsync(w.District);
        var url = $"/Bulletins/{bulletin.Id}";
        var page = await client.GetDocumentAsync(url);
        var text = page.TextOf("#bulletin");
        foreach (
            var heading in new[]
            {
                "一、远程教育终端站点使用情况",
                "二、信息及栏目素材报送情况",
                "三、12371党建信息平台使用维护情况",
                "四、下月工作重点",
            }
        )
            Assert.Contains(heading, text);
        Assert.Equal("2", page.TextOf("#bulletin-sites [data-figure='sites.rule_met']"));
        Assert.NotNull(page.QuerySelector("#chart-site-minutes"));
        Assert.NotNull(page.QuerySelector("#chart-site-minutes-table"));
        // Each attachment is a child of the article marked as one, which the style sheet places after every section.
        Assert.Equal(
            ["bulletin-annex1", "bulletin-annex2", "bulletin-annex3"],
            page.QuerySelectorAll("#bulletin > .bulletin-attachment").Select(a => a.Id).Order()
        );

        var docx = await client.GetByteArrayAsync($"{url}?handler=Docx");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("一、远程教育终端站点使用情况", body);
            Assert.Contains("根据应用系统自动生成的统计数据", body);
            Assert.Contains("有2个站点学习时间达到或超过每月不少于4小时(240分钟)的规定要求", body);
            Assert.Contains("三、12371党建信息平台使用维护情况", body);
            Assert.Contains("数据质量说明", body);
            Assert.DoesNotContain("查看数据表", body);
        }

        var xlsx = await client.GetByteArrayAsync($"{url}?handler=Xlsx");
        using var book = new XLWorkbook(new MemoryStream(xlsx));
        var annex1 = book.Worksheet("附件1");
        Assert.Contains("远程教育", annex1.Cell(1, 1).GetString());
        var rowA = annex1.RowsUsed().Single(r => r.Cell(2).GetString() == "甲镇党委");
        Assert.Equal(3, rowA.Cell(3).GetValue<int>()); // 甲镇's sites in use
        Assert.Equal(["附件1", "附件2", "附件3"], book.Worksheets.Select(s => s.Name));
        Assert.Contains("12371", book.Worksheet("附件2").Cell(1, 1).GetString());
        Assert.Contains(book.Worksheet("附件2").RowsUsed(), r => r.Cell(1).GetString() == "乙镇党委");
        Assert.Contains(book.Worksheet("附件3").RowsUsed(), r => r.Cell(1).GetString() == "合计");
    }
}
