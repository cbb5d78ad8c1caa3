using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

public static class DatabaseStartup
{
    /// <summary>Applies migrations (never EnsureCreated) and, when Demo:Seed is on and the database is
    /// empty, generates the demo district.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        await db.MigrateAsync();
        app.Services.GetRequiredService<Features.Health.Readiness>().MarkMigrated();
        if (!app.Configuration.GetValue("Demo:Seed", false))
            return;
        db.Scope.BecomeSystem();
        if (await db.Organizations.AnyAsync())
            return;
        var result = await scope
            .ServiceProvider.GetRequiredService<DemoDistrict>()
            .GenerateAsync(app.Configuration.GetValue("Demo:Members", 3000));
        await Features.Bulletins.BulletinSchedule.GenerateDemoAsync(scope.ServiceProvider);
        app.Logger.LogInformation(
            "Demo district generated: {Orgs} organizations, {Members} members in {Seconds:F1} s",
            result.Organizations,
            result.Members,
            result.Took.TotalSeconds
        );
    }

    /// <summary>Migrations (never EnsureCreated), then for SQLite the setting that stays with the file (WAL).</summary>
    public static async Task MigrateAsync(this HonglingDb db)
    {
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync(SqliteTuning.OnceSql);
    }

    /// <summary>Prints where the app listens and, for the demo, how to sign in.</summary>
    public static void PrintWelcomeOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>()
                .Features.Get<IServerAddressesFeature>()
                ?.Addresses
                ?? [];
            Console.WriteLine();
            Console.WriteLine($"Hongling 红领 is running: {string.Join("  ", addresses)}");
            if (app.Configuration.GetValue("Demo:Seed", false))
            {
                Console.WriteLine($"Demo sign-ins (card number / password {DemoDistrict.Password}):");
                foreach (var (card, who) in DemoDistrict.Accounts)
                    Console.WriteLine($"  {card}  {who}");
            }
            Console.WriteLine();
        });
    }
}
