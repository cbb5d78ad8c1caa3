using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>`dotnet run --project src/Hongling.Web -- seed --members 100000 --db data/big.db`:
/// generates a district of the given size into a new SQLite file (or --postgres "connection string"),
/// optionally with `--cards K` red cards and `--bench-exam Q` a Q-question exam for benchmarks, `--orgs N` about N
/// organizations, `--terminals N` sites with terminals, `--month-rows N` a busy last month (bench/bulletin.sh) and
/// `--history` the demo's year of history (left out by default: benchmarks count only what their run did).</summary>
public static class SeedCommand
{
    public static bool IsSeed(string[] args) => args.Length > 0 && args[0] is "seed" or "import-sample";

    public static void Configure(WebApplicationBuilder builder, string[] args)
    {
        var db = Option(args, "--db");
        var postgres = Option(args, "--postgres");
        builder.Configuration["Demo:Seed"] = "false";
        if (postgres is not null)
        {
            builder.Configuration["Database:Provider"] = "Postgres";
            builder.Configuration["ConnectionStrings:Hongling"] = postgres;
        }
        else if (db is not null)
        {
            builder.Configuration["Database:Provider"] = "Sqlite";
            builder.Configuration["ConnectionStrings:Hongling"] = $"Data Source={Path.GetFullPath(db)}";
            builder.Configuration["Data:Directory"] = Path.GetDirectoryName(Path.GetFullPath(db));
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var members = int.TryParse(Option(args, "--members"), out var n) && n > 0 ? n : 3000;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        if (args[0] == "import-sample")
        {
            // `import-sample --rows 10000 --db data/big.db --out members.xlsx`: a clean import file for the
            // branches of an existing database, with ID numbers the generator never uses.
            db.Scope.BecomeSystem();
            var rows = int.TryParse(Option(args, "--rows"), out var r) && r > 0 ? r : 10_000;
            var codes = await db
                .Organizations.Where(o => o.Kind == Domain.OrgKind.Branch)
                .OrderBy(o => o.Id)
                .Select(o => o.Code)
                .ToListAsync();
            await File.WriteAllBytesAsync(
                Option(args, "--out") ?? "members.xlsx",
                Features.Members.Import.MemberSheet.Sample(
                    rows,
                    codes,
                    int.Parse(Option(args, "--start") ?? "0", System.Globalization.CultureInfo.InvariantCulture)
                )
            );
            return 0;
        }
        await db.MigrateAsync();
        db.Scope.BecomeSystem();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (await db.Organizations.AnyAsync())
        {
            Console.Error.WriteLine("The database already holds organizations; seed into a new, empty database.");
            return 2;
        }
        var district = scope.ServiceProvider.GetRequiredService<DemoDistrict>();
        int? orgs = int.TryParse(Option(args, "--orgs"), out var o) && o > 0 ? o : null;
        var result = await district.GenerateAsync(
            members,
            organizationCount: orgs,
            history: args.Contains("--history")
        );
        Console.WriteLine($"organizations: {result.Organizations}");
        Console.WriteLine($"members: {result.Members}");
        Console.WriteLine($"history seconds: {result.History.TotalSeconds:F1}");
        Console.WriteLine($"seconds: {result.Took.TotalSeconds:F1}");
        // `--cards K`: red cards 8000000001… for K members, password as the demo accounts', for benchmarks.
        if (int.TryParse(Option(args, "--cards"), out var cards) && cards > 0)
            Console.WriteLine($"cards: {await district.IssueCardsAsync(cards)}");
        // `--bench-exam Q`: an exam of Q single-choice questions open to the whole district (bench/exam.sh).
        if (int.TryParse(Option(args, "--bench-exam"), out var questions) && questions > 0)
            Console.WriteLine($"bench_exam: {await DemoExams.AddBenchExamAsync(db, questions, now)}");
        // `--terminals N --terminal-keys FILE`: N sites with a terminal each, their device keys in FILE
        // (bench/sites.sh).
        if (int.TryParse(Option(args, "--terminals"), out var terminals) && terminals > 0)
        {
            var keys = Option(args, "--terminal-keys") ?? "terminal-keys.txt";
            Console.WriteLine($"terminals: {await DemoTerminals.AddAsync(db, terminals, keys, now)}");
        }
        // `--month-rows N`: about N rows of last month's sign-ins, study, activities and site viewing
        // (bench/bulletin.sh).
        if (int.TryParse(Option(args, "--month-rows"), out var monthRows) && monthRows > 0)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            Console.WriteLine($"month_rows: {await DemoMonth.AddAsync(db, monthRows, now)}");
            Console.WriteLine($"month_rows_seconds: {sw.Elapsed.TotalSeconds:F1}");
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
