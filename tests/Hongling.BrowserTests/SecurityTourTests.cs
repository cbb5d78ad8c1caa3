using System.Text.RegularExpressions;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

/// <summary>The Content-Security-Policy holds in a real browser: the pages that used inline handlers (confirm
/// dialogs, auto-submitting selects, the print button) work from the site script with nothing refused, and
/// the API docs load without a single request to another host.</summary>
public sealed class SecurityTourTests(BrowserApp app)
{
    [Fact]
    public Task Admin_UsesConfirmsAutoSubmitAndPrint_WithNoInlineScriptAndNoCspViolation() =>
        app.RunAsync(
            nameof(Admin_UsesConfirmsAutoSubmitAndPrint_WithNoInlineScriptAndNoCspViolation),
            "1000000001",
            async page =>
            {
                var problems = await PageProblems.WatchAsync(page);
                await page.AddInitScriptAsync("window.__printed = 0; window.print = () => { window.__printed++; };");
                var posts = 0;
                page.Request += (_, r) =>
                {
                    if (r.Method == "POST" && r.IsNavigationRequest)
                        Interlocked.Increment(ref posts);
                };
                var answer = true;
                var dialogs = new List<string>();
                page.Dialog += (_, d) =>
                {
                    dialogs.Add(d.Message);
                    _ = answer ? d.AcceptAsync() : d.DismissAsync();
                };

                await page.GotoAsync("/");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "欢迎使用红领党建平台" }))
                    .ToBeVisibleAsync();

                // An auto-submitting select: choosing another organization reloads the form for it.
                await OpenStrictAsync(page, "/Activities/Create");
                var select = page.GetByLabel("组织", new() { Exact = true });
                var other = await select.Locator("option").Nth(1).GetAttributeAsync("value");
                await select.SelectOptionAsync(other!);
                await page.WaitForURLAsync(new Regex($"org={other}$"));
                await Expect(select).ToHaveValueAsync(other!);

                // A confirm on a button: dismissed, nothing is posted; accepted, the password is reset. (A member of
                // our own, issued a card first: the demo member's card signs in in another test.)
                var memberId = await WithDbAsync(db =>
                    db.Members.Where(m => m.CardNumber == null && m.Organization.Name == "东城街道第一社区党支部")
                        .OrderBy(m => m.Id)
                        .Select(m => m.Id)
                        .FirstAsync()
                );
                var memberUrl = $"/Members/Detail/{memberId}";
                await OpenStrictAsync(page, memberUrl);
                await page.GetByRole(AriaRole.Button, new() { Name = "发放红色身份证" }).ClickAsync();
                await Expect(page.Locator("#issued-password")).ToBeVisibleAsync();
                await OpenStrictAsync(page, memberUrl);
                answer = false;
                var before = posts;
                await page.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
                await page.WaitForTimeoutAsync(500);
                Assert.Equal(before, posts);
                Assert.Equal("确定重置该党员的密码吗?", Assert.Single(dialogs));
                await Expect(page.Locator("#issued-password")).ToBeHiddenAsync();
                answer = true;
                await page.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
                await Expect(page.Locator("#issued-password")).ToBeVisibleAsync();
                Assert.Equal(2, dialogs.Count);

                // A confirm on a form (已转出): dismissed, the transfer stays pending. Then the letter prints.
                await page.GotoAsync(memberUrl);
                await page.GetByRole(AriaRole.Link, new() { Name = "转出平台" }).ClickAsync();
                await page.GetByLabel("接收党组织(全称)").FillAsync("外省某市某党支部");
                await page.GetByRole(AriaRole.Button, new() { Name = "发起转出" }).ClickAsync();
                await page.WaitForURLAsync("**/Transfers");
                await AssertStrictAsync(page);
                answer = false;
                before = posts;
                await page.GetByRole(AriaRole.Button, new() { Name = "已转出(回执已收到)" }).ClickAsync();
                await page.WaitForTimeoutAsync(500);
                Assert.Equal(before, posts);
                Assert.StartsWith("确认已收到接收组织的回执", dialogs[^1]);
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "已转出(回执已收到)" })).ToBeVisibleAsync();
                await page.Locator("#transfers a[href^='/Transfers/Letter/']").First.ClickAsync();
                await page.WaitForURLAsync("**/Transfers/Letter/**");
                await AssertStrictAsync(page);
                await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
                Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));

                // The organization page's confirms (move, dissolve, remove an administrator) ask too.
                var branchId = await WithDbAsync(db =>
                    db.Organizations.Where(o => o.Name == "东城街道第一社区党支部").Select(o => o.Id).FirstAsync()
                );
                await OpenStrictAsync(page, $"/Organizations/Detail/{branchId}");
                answer = false;
                before = posts;
                await page.Locator("#admins")
                    .GetByRole(AriaRole.Button, new() { Name = "取消管理员" })
                    .First.ClickAsync();
                await page.WaitForTimeoutAsync(500);
                Assert.Equal("确定取消该管理员吗?", dialogs[^1]);
                await page.Locator("#manage > summary").ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "撤销", Exact = true }).ClickAsync();
                await page.WaitForTimeoutAsync(500);
                Assert.Equal("确定撤销该组织吗?", dialogs[^1]);
                Assert.Equal(before, posts);
                await Expect(page.Locator("#admins")).ToContainTextAsync("1000000003");

                Assert.True(problems.None, problems.Report);
            }
        );

    [Fact]
    public Task Member_ReadsAPdfInTheReadersFrame_WithNoCspViolation() =>
        app.RunAsync(nameof(Member_ReadsAPdfInTheReadersFrame_WithNoCspViolation), "1000000004", async page =>
        {
            var id = await WithDbAsync(async db =>
            {
                var root = await db.Organizations.FirstAsync(o => o.ParentId == null);
                var material = new Material
                {
                    Title = "浏览器PDF资料",
                    Column = MaterialColumn.PolicyRegulation,
                    Kind = MaterialKind.Document,
                    FileType = "application/pdf",
                    FileSize = Pdf.Length,
                    EstimatedMinutes = 5,
                    PublishAt = DateTime.UtcNow.AddMinutes(-5),
                    CreatedAt = DateTime.UtcNow,
                    CreatedBy = "测试",
                    OrganizationId = root.Id,
                    Audiences = [new() { Path = root.Path }],
                };
                db.Materials.Add(material);
                await db.SaveChangesAsync();
                db.MaterialFiles.Add(new MaterialFile { MaterialId = material.Id, Content = Pdf });
                await db.SaveChangesAsync();
                return material.Id;
            });
            var problems = await PageProblems.WatchAsync(page);
            var file = page.WaitForResponseAsync(r => r.Url.EndsWith($"/api/study/materials/{id}/file"));
            await OpenStrictAsync(page, $"/Study/Read/{id}");
            var headers = await (await file).AllHeadersAsync();
            await page.WaitForTimeoutAsync(1000);
            var frame = page.Frames.Single(f => f != page.MainFrame && f.ParentFrame == page.MainFrame);
            Assert.True(problems.None, problems.Report); // a refused frame is reported (frame-ancestors)
            Assert.EndsWith($"/api/study/materials/{id}/file", frame.Url);
            Assert.Contains("frame-ancestors 'self'", headers["content-security-policy"]);
            Assert.Equal("SAMEORIGIN", headers["x-frame-options"]);
        });

    [Fact]
    public Task ApiDocs_LoadWithoutAnyRequestToAnotherHost() =>
        app.RunAsync(nameof(ApiDocs_LoadWithoutAnyRequestToAnotherHost), async page =>
        {
            // Scalar's bundle carries Zod, which probes once whether it may compile validators (try { Function('') }
            // catch { interpret instead }): the refusal is reported, caught, and Zod validates without eval.
            var problems = await PageProblems.WatchAsync(page, report =>
                report.Contains("CSP violation: script-src eval") && report.Contains("/api/docs/scalar.js:")
            );
            var requests = new List<string>();
            page.Request += (_, r) =>
            {
                lock (requests)
                    requests.Add(r.Url);
            };
            await page.SetViewportSizeAsync(1400, 900); // the desktop layout, with its sidebar
            var response = await page.GotoAsync("/api/docs/");
            var csp = await response!.HeaderValueAsync("content-security-policy") ?? "";
            await Expect(page.Locator("h1").First).ToBeVisibleAsync(); // the reference has rendered
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults"));
            await page.ScreenshotAsync(
                new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "api-docs.png") }
            );

            var app0 = new Uri(app.BaseUrl);
            string[] outside;
            lock (requests)
                outside =
                [
                    .. requests.Where(u =>
                        !u.StartsWith("data:") && !u.StartsWith("blob:") && new Uri(u).Authority != app0.Authority
                    ),
                ];
            Assert.True(outside.Length == 0, "requests to other hosts: " + string.Join(", ", outside));
            lock (requests)
                Assert.Contains(requests, u => u.EndsWith("/openapi/v1.json"));
            Assert.Matches("script-src 'self' 'nonce-[^']+'(;|$)", csp); // the docs' own scripts only, by nonce
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "红领党建 API", Level = 1 }))
                .ToBeVisibleAsync();
            await Expect(page.GetByText("application/problem+json").First).ToBeVisibleAsync();
            await Expect(page.Locator("a[href*='scalar.com']:visible")).ToHaveCountAsync(0); // no vendor link
            Assert.True(problems.None, problems.Report);
        });

    /// <summary>A minimal one-page PDF.</summary>
    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    );

    private async Task<T> WithDbAsync<T>(Func<HonglingDb, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        db.Scope.BecomeSystem();
        return await work(db);
    }

    /// <summary>Opens a page and checks it is served under the strict policy and carries no inline handler.</summary>
    private static async Task OpenStrictAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        await AssertStrictAsync(page);
    }

    /// <summary>The page now shown came with script-src 'self' (nothing inline allowed) and has no inline script or
    /// handler.</summary>
    private static async Task AssertStrictAsync(IPage page)
    {
        await page.WaitForLoadStateAsync();
        var csp = await page.EvaluateAsync<string>(
            "async () => (await fetch(location.href)).headers.get('content-security-policy') ?? ''"
        );
        Assert.Matches("(^|; )script-src 'self'(;|$)", csp);
        var inline = await page.EvaluateAsync<string[]>(
            @"() => [...document.querySelectorAll('*')].flatMap(e =>
            [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName + ' ' + a.name))
            .concat([...document.scripts].filter(s => !s.src).map(() => 'inline <script>'))"
        );
        Assert.Empty(inline);
    }
}

/// <summary>What a page reported as wrong: console errors (a CSP refusal is one), uncaught script errors and
/// securitypolicyviolation events, which the browser fires for every refused script, style, frame or request.</summary>
internal sealed class PageProblems
{
    private readonly List<string> _all = [];
    public bool None
    {
        get
        {
            lock (_all)
                return _all.Count == 0;
        }
    }
    public string Report
    {
        get
        {
            lock (_all)
                return string.Join("\n", _all);
        }
    }

    /// <summary>Watches a page; <paramref name="expected"/> names the reports known to be harmless.</summary>
    public static async Task<PageProblems> WatchAsync(IPage page, Func<string, bool>? expected = null)
    {
        var p = new PageProblems();
        page.Console += (_, m) =>
        {
            var text = $"console {m.Type}: {m.Text} ({m.Location})";
            // The site has no favicon; the browser asks for one by itself.
            if (m.Text.StartsWith("Failed to load resource") && m.Location.Contains("/favicon.ico:"))
                return;
            if (expected?.Invoke(text) == true)
                return;
            if (
                m.Type == "error"
                || m.Text.Contains("Content Security Policy")
                || m.Text.Contains("Permissions-Policy")
            )
                lock (p._all)
                    p._all.Add(text);
        };
        page.PageError += (_, e) =>
        {
            lock (p._all)
                p._all.Add("page error: " + e);
        };
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + "
                + "e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));"
        );
        return p;
    }
}
