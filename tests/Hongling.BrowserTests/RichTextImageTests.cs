using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed partial class RichTextImageTests(BrowserApp app)
{
    /// <summary>A real PNG: a red field with a gold disc, 640 × 480.</summary>
    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 30, 30));
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(320, 240, 150, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private const string ImageLoaded =
        "sel => { const i = document.querySelector(sel); return i && i.complete && i.naturalWidth === 640; }";

    [Fact]
    public Task BranchAdmin_InsertsAPictureIntoANotice_ItShowsInTheSavedNotice_AndToTheMember() =>
        app.RunAsync(
            nameof(BranchAdmin_InsertsAPictureIntoANotice_ItShowsInTheSavedNotice_AndToTheMember),
            "1000000003",
            async page =>
            {
                await page.GotoAsync("/Notices");
                await page.GetByRole(AriaRole.Link, new() { Name = "发布公告" }).ClickAsync();
                await page.GetByLabel("标题").FillAsync("附图的公告");
                var body = page.GetByLabel("公告内容");
                await body.FillAsync("请大家看图。");

                var chooser = await page.RunAndWaitForFileChooserAsync(() =>
                    page.GetByRole(AriaRole.Button, new() { Name = "插入图片" }).ClickAsync()
                );
                await chooser.SetFilesAsync(
                    new FilePayload
                    {
                        Name = "现场.png",
                        MimeType = "image/png",
                        Buffer = Png(),
                    }
                );
                await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("图片已插入。");
                var text = await body.InputValueAsync();
                Assert.Matches(InsertedImage(), text);
                Assert.StartsWith("请大家看图。\n\n<img src=\"/media/", text);

                await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("已发布公告");
                await page.Locator("#notices").GetByRole(AriaRole.Link, new() { Name = "附图的公告" }).ClickAsync();
                await Expect(page.Locator(".rich-text p").First).ToHaveTextAsync("请大家看图。");
                await page.WaitForFunctionAsync(ImageLoaded, ".rich-text img");
                var src = await page.Locator(".rich-text img").GetAttributeAsync("src");
                Assert.Matches(@"\A/media/[0-9a-f-]{36}\.jpg\z", src!);
                var id = Regex.Match(page.Url, @"/Notices/Detail/(\d+)").Groups[1].Value;

                // The member opens it on their own phone: the picture comes from the platform too.
                await using var phone = await app.NewContextAsync("1000000004", new() { Width = 390, Height = 844 });
                var member = await phone.NewPageAsync();
                member.SetDefaultTimeout(15_000);
                await member.GotoAsync($"/Notices/Read/{id}");
                await Expect(member.Locator("#notice-body img")).ToHaveAttributeAsync("src", src!);
                await member.WaitForFunctionAsync(ImageLoaded, "#notice-body img");
            }
        );

    [GeneratedRegex("<img src=\"/media/[0-9a-f-]{36}\\.jpg\" alt=\"\">")]
    private static partial Regex InsertedImage();
}
