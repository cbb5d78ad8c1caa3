using System.Text;
using Microsoft.Playwright;

namespace Hongling.BrowserTests;

/// <summary>Every page of every role's menu at 360×780, the narrowest phone in common use: the page must not scroll
/// sideways, and no visible table cell may be narrower than two characters of its own font (the sign of a column
/// squashed until names and buttons read one character per line). The links are read from the rendered navigation,
/// so a page added to the menu is swept without touching this test.</summary>
public sealed class PhoneSweepTests(BrowserApp app)
{
    private static readonly ViewportSize Narrow = new() { Width = 360, Height = 780 };

    /// <summary>Screenshots of a few administrator list pages, for the README (docs/screenshots), when
    /// HONGLING_SCREENSHOTS names a folder.</summary>
    private static readonly string[] ScreenshotPages = ["/Members", "/Study/Stats", "/Completeness"];

    [Theory]
    [InlineData("1000000001")] // district administrator
    [InlineData("1000000002")] // town administrator
    [InlineData("1000000003")] // branch administrator
    [InlineData("1000000004")] // member
    public async Task EveryMenuPage_At360Px_FitsTheScreen_AndNoCellIsSquashed(string card)
    {
        await using var context = await app.NewContextAsync(card, Narrow);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/");
        var links = await MenuLinksAsync(page);
        Assert.True(links.Count >= 5, $"the menu of {card} has only {links.Count} links");

        var problems = new StringBuilder();
        // Each menu page, then one page of each kind it links to (an activity's attendance, an exam's results, the
        // question bank): pages of one shape (/Activities/Attendance/{id}) are measured once.
        var shapes = new HashSet<string>(links.Select(Shape), StringComparer.Ordinal);
        var inner = new List<string>();
        foreach (var link in links)
        {
            if (!await MeasureAsync(page, link, problems))
                continue;
            await ScreenshotAsync(page, card, link);
            foreach (var href in await InnerLinksAsync(page))
                if (shapes.Add(Shape(href)))
                    inner.Add(href);
        }
        foreach (var link in inner)
            await MeasureAsync(page, link, problems);
        Assert.True(
            problems.Length == 0,
            $"at 360 px as {card} ({links.Count} menu pages, {inner.Count} linked):\n{problems}"
        );
    }

    /// <summary>Opens a page and adds its problems; false when it did not open.</summary>
    private static async Task<bool> MeasureAsync(IPage page, string link, StringBuilder problems)
    {
        var response = await page.GotoAsync(link);
        if (response is { Ok: false })
        {
            problems.AppendLine($"{link}: HTTP {response.Status}");
            return false;
        }
        foreach (var problem in await page.EvaluateAsync<string[]>(MeasureScript))
            problems.AppendLine($"{link}: {problem}");
        return true;
    }

    /// <summary>A page's kind: its path with every number as {id}, without the query.</summary>
    private static string Shape(string href) =>
        System.Text.RegularExpressions.Regex.Replace(href.Split('?', '#')[0], "[0-9]+", "{id}").ToLowerInvariant();

    /// <summary>Same-site pages linked from the main part of a page. Downloads, handlers (exports, QR images) and
    /// pages that act when opened (taking an exam starts its paper, reading counts as read) are left out: the sweep
    /// only looks.</summary>
    private static async Task<IReadOnlyList<string>> InnerLinksAsync(IPage page)
    {
        var hrefs = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main a[href]')].filter(a => !a.hasAttribute('download'))"
                + ".map(a => a.getAttribute('href'))"
        );
        string[] acting =
        [
            "handler=",
            "/Take",
            "/Read",
            "/Start",
            "/Account/",
            "/files/",
            "/api/",
            ".xlsx",
            ".pdf",
            "/Print",
        ];
        return
        [
            .. hrefs
                .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
                .Where(h => !acting.Any(a => h.Contains(a, StringComparison.OrdinalIgnoreCase)))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>The same-site links of the navigation (menu and dropdowns), in order, without repeats.</summary>
    private static async Task<IReadOnlyList<string>> MenuLinksAsync(IPage page)
    {
        var hrefs = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('nav a[href]')].map(a => a.getAttribute('href'))"
        );
        return hrefs
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Returns one line per problem: the document wider than the viewport, or a visible cell or button whose
    /// content box is narrower than two characters of its font size.</summary>
    private const string MeasureScript = """
        () => {
          const out = [];
          const classes = e => e.className && typeof e.className === 'string'
            ? '.' + e.className.trim().split(/\s+/).join('.') : '';
          const vw = window.innerWidth, sw = document.documentElement.scrollWidth;
          if (sw > vw) {
            const wide = [...document.body.querySelectorAll('*')]
              .filter(e => e.getBoundingClientRect().right > vw + 0.5 && e.getClientRects().length > 0)
              .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > vw + 0.5))
              .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + classes(e));
            out.push(`document is ${sw} px wide in a ${vw} px viewport (${wide.join(', ')})`);
          }
          for (const cell of document.querySelectorAll('td, th')) {
            if (cell.getClientRects().length === 0) continue;
            const s = getComputedStyle(cell);
            if (s.visibility === 'hidden') continue;
            // An empty cell (an action column with nothing to do on this row) holds nothing to squash.
            if (cell.innerText.trim() === '' && !cell.querySelector('a, button, input, select, img, svg')) continue;
            const fs = parseFloat(s.fontSize);
            const w = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
            if (w + 0.5 < 2 * fs) {
              const text = cell.innerText.trim().slice(0, 12);
              out.push(`a cell is ${w.toFixed(0)} px wide for ${fs} px type ("${text}")`);
              if (out.length > 8) break;
            }
          }
          // A button whose words wrap one character per line (查/看): its content narrower than two characters.
          for (const button of document.querySelectorAll('main .btn, main button')) {
            if (button.getClientRects().length === 0) continue;
            const s = getComputedStyle(button), text = button.innerText.trim();
            if (text.length < 2) continue;
            const fs = parseFloat(s.fontSize);
            const w = button.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
            if (w + 0.5 < 2 * fs) {
              out.push(`a button is ${w.toFixed(0)} px wide for ${fs} px type ("${text.slice(0, 12)}")`);
            }
          }
          return out;
        }
        """;

    private static async Task ScreenshotAsync(IPage page, string card, string link)
    {
        var dir = Environment.GetEnvironmentVariable("HONGLING_SCREENSHOTS");
        if (string.IsNullOrEmpty(dir) || card != "1000000001" || !ScreenshotPages.Contains(link))
            return;
        Directory.CreateDirectory(dir);
        var name = link.Trim('/').Replace('/', '-').ToLowerInvariant();
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"phone-{name}.png") });
        var children = page.Locator("main #children");
        if (await children.CountAsync() == 0)
            return;
        await page.EvaluateAsync(
            "() => window.scrollTo(0, [...document.querySelectorAll('main h2')]"
                + ".find(h => h.textContent.startsWith('下级组织')).getBoundingClientRect().top + window.scrollY - 8)"
        );
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"phone-{name}-children.png") });
    }
}
