using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class PhotoTests(BrowserApp app)
{
    private static byte[] PortraitJpeg()
    {
        using var bitmap = new SKBitmap(900, 1200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 30, 30));
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(450, 500, 250, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    [Fact]
    public Task BranchAdmin_UploadsAPhoto_SeesTheThumbnail_AndIsToldWhatIsRefused() =>
        app.RunAsync(
            nameof(BranchAdmin_UploadsAPhoto_SeesTheThumbnail_AndIsToldWhatIsRefused),
            "1000000003",
            async page =>
            {
                await page.GotoAsync("/Members");
                await page.Locator("#members tbody tr").First.Locator("a").ClickAsync();
                await Expect(page.Locator("#no-photo")).ToBeVisibleAsync();
                var detail = page.Url;

                await page.GetByLabel("选择照片")
                    .SetInputFilesAsync(
                        new FilePayload
                        {
                            Name = "证件照.jpg",
                            MimeType = "image/jpeg",
                            Buffer = PortraitJpeg(),
                        }
                    );
                await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
                await Expect(page.GetByText("照片已更新。")).ToBeVisibleAsync();
                var thumbnail = page.Locator("#photo-thumbnail");
                await Expect(thumbnail).ToBeVisibleAsync();
                await page.WaitForFunctionAsync(
                    "() => { const i = document.querySelector('#photo-thumbnail'); return i.complete && "
                        + "i.naturalWidth > 0; }"
                );
                Assert.Equal(180, await thumbnail.EvaluateAsync<int>("i => i.naturalWidth"));

                // A GIF renamed to .jpg is recognised by its bytes.
                byte[] gif = Convert.FromHexString(
                    "47494638396101000100800000FFFFFF00000021F90401000000002C00000000010001000002024401003B"
                );
                await page.GetByLabel("选择照片")
                    .SetInputFilesAsync(
                        new FilePayload
                        {
                            Name = "photo.jpg",
                            MimeType = "image/jpeg",
                            Buffer = gif,
                        }
                    );
                await page.GetByRole(AriaRole.Button, new() { Name = "更换照片" }).ClickAsync();
                await Expect(page.Locator("#photo-error"))
                    .ToHaveTextAsync("只能上传 JPEG 或 PNG 格式的照片(按文件内容识别,修改扩展名无效)。");

                // Past the request limit the server cuts the upload off; the page still says why, in Chinese.
                await page.GotoAsync(detail);
                await page.GetByLabel("选择照片")
                    .SetInputFilesAsync(
                        new FilePayload
                        {
                            Name = "huge.jpg",
                            MimeType = "image/jpeg",
                            Buffer = [0xFF, 0xD8, 0xFF, .. new byte[13 * 1024 * 1024]],
                        }
                    );
                await page.GetByRole(AriaRole.Button, new() { Name = "更换照片" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "上传的文件过大" })).ToBeVisibleAsync();
            }
        );
}
