using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hongling.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DataSetup
{
    /// <summary>Database:Provider = Sqlite (default, a file under Data:Directory) or Postgres
    /// (ConnectionStrings:Hongling). Environment variables work too: Database__Provider,
    /// ConnectionStrings__Hongling.</summary>
    public static IServiceCollection AddHonglingData(
        this IServiceCollection services,
        IConfiguration config,
        string contentRoot
    )
    {
        var provider = ProviderOf(config);
        var dataDirectory = DataDirectory(config, contentRoot);
        var connection = config.GetConnectionString("Hongling");
        // The options are the same for every context: built once, not per request (contexts stay per request).
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Hongling is not set."
                );
            services.AddDbContext<HonglingDb, PostgresHonglingDb>(
                o => o.UseNpgsql(connection),
                optionsLifetime: ServiceLifetime.Singleton
            );
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            connection = ConnectionStringOf(config, contentRoot);
            services.AddDbContext<HonglingDb, SqliteHonglingDb>(
                o => o.UseSqlite(connection).AddInterceptors(new SqliteTuning()),
                optionsLifetime: ServiceLifetime.Singleton
            );
        }
        services.AddSingleton(new DbConnections(provider, connection));
        services.AddScoped<DemoDistrict>();
        services.AddSingleton(
            PiiProtector.FromConfiguration(config, dataDirectory, allowKeyFile: provider == DatabaseProvider.Sqlite)
        );
        return services;
    }

    /// <summary>ConnectionStrings:Hongling, or for SQLite by default hongling.db under Data:Directory.</summary>
    public static string ConnectionStringOf(IConfiguration config, string contentRoot) =>
        config.GetConnectionString("Hongling") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(DataDirectory(config, contentRoot), "hongling.db")}";

    public static DatabaseProvider ProviderOf(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static string DataDirectory(IConfiguration config, string contentRoot) =>
        Path.GetFullPath(config["Data:Directory"] ?? Path.Combine(contentRoot, "data"));
}

// Design-time factories, used only by `dotnet ef migrations add` (one migration set per provider).
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteHonglingDb>
{
    public SqliteHonglingDb CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<SqliteHonglingDb>().UseSqlite("Data Source=design.db").Options,
            new OrgScope(),
            TimeProvider.System
        );
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresHonglingDb>
{
    public PostgresHonglingDb CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<PostgresHonglingDb>().UseNpgsql("Host=localhost;Database=design").Options,
            new OrgScope(),
            TimeProvider.System
        );
}
