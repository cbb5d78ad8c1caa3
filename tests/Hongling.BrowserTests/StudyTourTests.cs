using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class StudyTourTests(BrowserApp app)
{
    /// <summary>A member of their own: a demo card's other pages, open in tests beside this one, would show the same
    /// time on the member's study clock, and the minute would go to whichever page showed it first.</summary>
    [Fact]
    public async Task Member_ReadsAnArticle_EarnsMinutes_AndAHiddenPageStopsBeating() =>
        await app.RunAsync(
            nameof(Member_ReadsAnArticle_EarnsMinutes_AndAHiddenPageStopsBeating),
            await app.NewMemberCardAsync(),
            async page =>
            {
                await page.GotoAsync("/Study");
                await page.GetByRole(AriaRole.Link, new() { Name = "党建知识库", Exact = true }).ClickAsync();
                await page.Locator(".list-group a", new() { HasText = "入党誓词的内涵" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "入党誓词的内涵" })).ToBeVisibleAsync();

                var beats = 0;
                var answers = new System.Collections.Concurrent.ConcurrentQueue<string>();
                page.Request += (_, r) =>
                {
                    if (r.Url.EndsWith("/api/study/heartbeat"))
                        Interlocked.Increment(ref beats);
                };
                page.Response += async (_, r) =>
                {
                    if (r.Url.EndsWith("/api/study/heartbeat"))
                        answers.Enqueue($"{DateTime.UtcNow:HH:mm:ss} {r.Status} {await r.TextAsync()}");
                };
                // Stay on the page, visible: the page beats (every 12 s in this test) and after a minute a minute is
                // credited.
                await page.Mouse.MoveAsync(100, 200);
                try
                {
                    await Expect(page.Locator("#study-minutes")).Not.ToHaveTextAsync("0", new() { Timeout = 90_000 });
                }
                catch (PlaywrightException e)
                {
                    throw new Xunit.Sdk.XunitException(
                        $"{beats} beats, answered: {string.Join(" | ", answers)}\n{e.Message}"
                    );
                }
                Assert.True(beats >= 2);

                // Hidden (another tab in front): no more beats.
                await page.EvaluateAsync(
                    "() => { Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => "
                        + "'hidden' }); document.dispatchEvent(new Event('visibilitychange')); }"
                );
                await page.WaitForTimeoutAsync(1500); // a beat already on its way may still land
                var whenHidden = beats;
                await page.WaitForTimeoutAsync(12_000); // longer than a beat
                Assert.Equal(whenHidden, beats);

                // The minutes are on 我的学习, today's card, and the material is listed there.
                var credited = int.Parse(await page.Locator("#study-minutes").TextContentAsync() ?? "0");
                await page.GotoAsync("/Study/Mine");
                var today = int.Parse(
                    await page.Locator("#period-today [data-field=minutes]").TextContentAsync() ?? "0"
                );
                Assert.True(
                    today >= credited && today >= 1,
                    $"我的学习 shows {today} minutes today, the reader {credited}"
                );
                await Expect(page.Locator("#materials")).ToContainTextAsync("入党誓词的内涵");
            }
        );
}
