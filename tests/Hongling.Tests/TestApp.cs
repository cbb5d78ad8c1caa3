using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Hongling.Tests;

/// <summary>The real host on a fresh database of its own: SQLite by default, PostgreSQL when
/// HONGLING_TEST_PROVIDER=postgres (test.sh runs the suite once for each). One per test class.</summary>
public sealed partial class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static bool OnPostgres =>
        string.Equals(
            Environment.GetEnvironmentVariable("HONGLING_TEST_PROVIDER"),
            "postgres",
            StringComparison.OrdinalIgnoreCase
        );

    private readonly string _dataDir = Directory.CreateTempSubdirectory("hongling-test-").FullName;
    private readonly string? _pgDatabase = OnPostgres ? "hongling_t_" + Guid.NewGuid().ToString("N")[..12] : null;
    private readonly string _piiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A second instance shares the first one's database, keys and clock, and owns none of them.</summary>
    private readonly bool _owner = true;
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Findings of ID numbers outside an administrator's scope allowed per hour, kept small for the
    /// tests.</summary>
    public const int OutsideIdChecksPerHour = 5;

    public TestApp() { }

    private TestApp(TestApp first)
    {
        _dataDir = first._dataDir;
        _pgDatabase = first._pgDatabase;
        _piiKey = first._piiKey;
        Clock = first.Clock;
        _owner = false;
    }

    /// <summary>Another application instance on the same database (as behind a load balancer). Dispose it.</summary>
    public TestApp SecondInstance() => new(this);

    private static string PgServer =>
        Environment.GetEnvironmentVariable("HONGLING_TEST_PG")
        ?? throw new InvalidOperationException(
            "HONGLING_TEST_PG (a connection string to a PostgreSQL server) is required with HONGLING_TEST_PROV"
                + "IDER=postgres."
        );

    public async ValueTask InitializeAsync()
    {
        if (_pgDatabase is null || !_owner)
            return;
        await using var conn = new NpgsqlConnection(PgServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:Seed", "false");
        // The exam auto-submit job's loop is off: its tests run one pass at a time, on the fake clock.
        builder.UseSetting("Exams:AutoSubmitSeconds", "0");
        // The bulletin schedule's loop is off too: its tests run passes directly.
        builder.UseSetting("Bulletins:CheckMinutes", "0");
        // The outbox sender's loop is off: its tests run passes directly, on the fake clock.
        builder.UseSetting("Notifications:PollSeconds", "0");
        // The reminder job's loop too (转正, study, exam results): their tests run passes directly.
        builder.UseSetting("Notifications:ReminderMinutes", "0");
        // The monthly subsidy run's loop too: its tests run it directly.
        builder.UseSetting("Aid:SubsidyCheckMinutes", "0");
        builder.UseSetting(
            "Logging:LogLevel:Default",
            Environment.GetEnvironmentVariable("HONGLING_TEST_LOG") ?? "Error"
        );
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", "None");
        builder.UseSetting("Data:Directory", _dataDir);
        builder.UseSetting("Pii:Key", _piiKey);
        // Tests beat in fake time, far faster than a page does; the flood test sends more than this.
        builder.UseSetting("RateLimits:StudyBeatsPerMinute", "600");
        builder.UseSetting("RateLimits:OutsideIdChecksPerHour", OutsideIdChecksPerHour.ToString());
        // Every test client shares one address; RegistrationLimitTests floods past this.
        builder.UseSetting("RateLimits:RegistrationsPerHour", RegistrationsPerHour.ToString());
        if (_pgDatabase is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting(
                "ConnectionStrings:Hongling",
                new NpgsqlConnectionStringBuilder(PgServer) { Database = _pgDatabase }.ConnectionString
            );
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Hongling", $"Data Source={Path.Combine(_dataDir, "test.db")}");
        }
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IStartupFilter, ThrowingEndpoint>();
        });
    }

    /// <summary>GET /__test/throw fails inside the real pipeline, to prove the 500 page leaks nothing.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                next(app);
                app.Use(
                    (HttpContext ctx, RequestDelegate nxt) =>
                        ctx.Request.Path == "/__test/throw"
                            ? throw new InvalidOperationException("secret-stack-detail")
                            : nxt(ctx)
                );
            };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_owner)
            return;
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException) { }
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs data set-up with the whole tree visible, as start-up seeding does.</summary>
    public async Task<T> WithDbAsync<T>(Func<HonglingDb, IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        db.Scope.BecomeSystem();
        return await work(db, scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<HonglingDb, Task<T>> work) => WithDbAsync((db, _) => work(db));

    // ---- builders -------------------------------------------------------------------------------

    private static int _seq;

    public static string UniqueCode(string prefix) =>
        prefix + Interlocked.Increment(ref _seq).ToString("D5") + Random.Shared.Next(1000, 9999);

    /// <summary>A town committee with one branch: the unit most tests need, twice (A and B).</summary>
    public Task<(Organization Town, Organization Branch)> AddTownAsync(string name) =>
        WithDbAsync(async db =>
        {
            var root = db.Organizations.FirstOrDefault(o => o.ParentId == null && o.Code == "ROOT");
            if (root is null)
            {
                root = new Organization
                {
                    Code = "ROOT",
                    Name = "测试区委",
                    Kind = OrgKind.Committee,
                    Category = OrgCategory.Organ,
                };
                root.PlaceUnder(null);
                db.Organizations.Add(root);
                await db.SaveChangesAsync();
            }
            var town = new Organization
            {
                Code = UniqueCode("T"),
                Name = name + "党委",
                Kind = OrgKind.Committee,
                Category = OrgCategory.Organ,
            };
            town.PlaceUnder(root);
            db.Organizations.Add(town);
            await db.SaveChangesAsync();
            var branch = new Organization
            {
                Code = UniqueCode("B"),
                Name = name + "第一党支部",
                Kind = OrgKind.Branch,
                Category = OrgCategory.Village,
            };
            branch.PlaceUnder(town);
            db.Organizations.Add(branch);
            await db.SaveChangesAsync();
            return (town, branch);
        });

    public static string NewIdNumber(DateOnly birth, int seq)
    {
        var first17 = $"500116{birth:yyyyMMdd}{seq % 1000:D3}";
        return first17 + IdNumber.CheckCharFor(first17);
    }

    private static int _idSeq;

    /// <summary>A fresh valid ID number per call (12 million before repeating), births 1950-1982 so a
    /// 2010s join date is always after the 18th birthday.</summary>
    public static string NextIdNumber()
    {
        var n = Interlocked.Increment(ref _idSeq);
        return NewIdNumber(new DateOnly(1950, 1, 1).AddDays(n % 12000), n / 12000);
    }

    public Task<Member> AddMemberAsync(Organization branch, string name = "张三", string? idNumber = null) =>
        WithDbAsync(
            (db, sp) =>
            {
                var id = idNumber ?? NextIdNumber();
                var m = new Member
                {
                    Name = name,
                    Gender = Gender.Male,
                    BirthDate = IdNumber.BirthDate(id)!.Value,
                    Mobile = "13800138000",
                    Education = Education.Bachelor,
                    JoinedOn = new DateOnly(2010, 7, 1),
                    Status = MemberStatus.Full,
                    OrganizationId = branch.Id,
                };
                sp.GetRequiredService<PiiProtector>().SetIdNumber(m, id);
                db.Members.Add(m);
                return db.SaveChangesAsync().ContinueWith(_ => m);
            }
        );

    public const string Password = "test1234pass";
    public const int RegistrationsPerHour = 30;

    /// <summary>An account: a member's red card, optionally administering organizations, or the district's system
    /// administrator.</summary>
    public Task<Account> AddAccountAsync(
        string card,
        Member? member = null,
        Organization[]? administers = null,
        bool systemAdmin = false,
        bool mustChange = false
    ) =>
        WithDbAsync(
            async (db, sp) =>
            {
                var users = sp.GetRequiredService<UserManager<Account>>();
                var account = new Account
                {
                    UserName = card,
                    DisplayName = member?.Name ?? "管理员",
                    MemberId = member?.Id,
                    MustChangePassword = mustChange,
                    LockoutEnabled = true,
                };
                var result = await users.CreateAsync(account, Password);
                Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
                if (member is not null)
                {
                    var tracked = await db.Members.FindAsync(member.Id);
                    tracked!.CardNumber = card;
                }
                foreach (var org in administers ?? [])
                    db.OrgAdministrators.Add(new OrgAdministrator { AccountId = account.Id, OrganizationId = org.Id });
                await db.SaveChangesAsync();
                if (systemAdmin)
                {
                    var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
                    if (!await roles.RoleExistsAsync(Roles.SystemAdmin))
                        await roles.CreateAsync(new IdentityRole(Roles.SystemAdmin));
                    await users.AddToRoleAsync(account, Roles.SystemAdmin);
                }
                return account;
            }
        );

    public static string NewCard() => "9" + Random.Shared.Next(100_000_000, 999_999_999);

    // ---- HTTP helpers ---------------------------------------------------------------------------

    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenPattern().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    /// <summary>Posts a form the way the browser does: token from the page first.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client,
        string pageUrl,
        IDictionary<string, string> fields,
        string? postUrl = null
    )
    {
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = await TokenAsync(client, pageUrl),
        };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string card, string password = Password) =>
        PostFormAsync(
            client,
            "/Account/Login",
            new Dictionary<string, string> { ["Input.CardNumber"] = card, ["Input.Password"] = password }
        );

    public async Task<HttpClient> SignedInClientAsync(string card, string password = Password)
    {
        var client = NewClient();
        var response = await SignInAsync(client, card, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
