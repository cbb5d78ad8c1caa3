using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Hongling.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Account = Hongling.Web.Domain.Account;

[assembly: AssemblyFixture(typeof(Hongling.BrowserTests.BrowserApp))]

namespace Hongling.BrowserTests;

/// <summary>The app on a real loopback port with the demo district, and Debian's Chromium driven by Playwright.
/// One for the whole run (an assembly fixture): the district is seeded once, and each demo card signs in once;
/// its saved sign-in (the context's storage state: the cookies) opens every later page as that card.</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly ViewportSize Phone = new() { Width = 412, Height = 915 };
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _signedIn = new();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("hongling-browser-").FullName;
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public BrowserApp() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Members", "600");
        builder.UseSetting("Data:Directory", _dataDir);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Hongling", $"Data Source={Path.Combine(_dataDir, "browser.db")}");
        builder.UseSetting("Pii:Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        // the shortest beat allowed: a credited minute after a minute of reading
        builder.UseSetting("Study:BeatSeconds", "12");
    }

    public async ValueTask InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                ],
            }
        );
    }

    /// <summary>Runs a scenario in a fresh phone-sized page, signed out; on failure keeps a screenshot under
    /// TestResults/screenshots.</summary>
    public Task RunAsync(string name, Func<IPage, Task> scenario) => RunAsync(name, null, scenario);

    /// <summary>Runs a scenario in a fresh phone-sized page signed in as <paramref name="card"/> (a demo card), from
    /// its saved sign-in. The scenario must not sign out: that would end the sign-in other pages share.</summary>
    public async Task RunAsync(string name, string? card, Func<IPage, Task> scenario)
    {
        await using var context = await NewContextAsync(card);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        try
        {
            await scenario(page);
        }
        catch
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            throw;
        }
    }

    /// <summary>A fresh browser context (phone-sized unless <paramref name="viewport"/> says otherwise), signed in as
    /// <paramref name="card"/> when one is given. Dispose it.</summary>
    public async Task<IBrowserContext> NewContextAsync(string? card = null, ViewportSize? viewport = null) =>
        await Browser.NewContextAsync(
            new()
            {
                BaseURL = BaseUrl,
                Locale = "zh-CN",
                ViewportSize = viewport ?? Phone,
                StorageState = card is null
                    ? null
                    : await _signedIn.GetOrAdd(card, c => new(() => SignInOnceAsync(c))).Value,
            }
        );

    /// <summary>Signs <paramref name="card"/> in through the sign-in form, once per run, and keeps what the browser
    /// then holds.</summary>
    private async Task<string> SignInOnceAsync(string card)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.SignInAsync(card);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    private readonly SemaphoreSlim _newMember = new(1, 1);

    /// <summary>A fresh card for a demo member who had none, signed in by no one yet: a scenario that changes what
    /// is kept per member (their study clock, their settings) shares it with no other test running beside it.</summary>
    public async Task<string> NewMemberCardAsync()
    {
        await _newMember.WaitAsync(); // two tests at once would pick the same member
        try
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
            db.Scope.BecomeSystem();
            var member = await db
                .Members.Where(m => m.CardNumber == null && !db.Users.Any(u => u.MemberId == m.Id))
                .OrderBy(m => m.Id)
                .FirstAsync();
            var card = "19" + Random.Shared.Next(10_000_000, 99_999_999);
            var account = new Account
            {
                UserName = card,
                DisplayName = member.Name,
                MemberId = member.Id,
            };
            var result = await scope
                .ServiceProvider.GetRequiredService<UserManager<Account>>()
                .CreateAsync(account, SignInPages.Password);
            Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
            member.CardNumber = card;
            await db.SaveChangesAsync();
            return card;
        }
        finally
        {
            _newMember.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException) { }
    }
}
