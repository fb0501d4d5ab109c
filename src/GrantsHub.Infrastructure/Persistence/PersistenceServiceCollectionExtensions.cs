using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantsHub.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "GrantsHub.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "GrantsHub.Migrations.PostgreSql";

    /// <summary>The one place that chooses the database engine.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is PostgreSql.")
            .ValidateOnStart();

        // Pooled: the options (connection string, provider, model) are built once, not on every request, and
        // contexts are reused rather than constructed per scope. The context keeps no state of its own beyond
        // what EF resets when a context goes back to the pool.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value is { Provider: DatabaseProvider.Sqlite, KeepStatements: true } sqlite
            ? new SqliteKeptStatements(SqliteConnectionString(sqlite, contentRoot))
            : new SqliteKeptStatements(null));
        services.AddDbContextPool<GrantsHubDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(options, db, contentRoot);
            if (sp.GetRequiredService<SqliteKeptStatements>() is { IsOn: true } kept)
            {
                options.AddInterceptors(kept);
            }
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string contentRoot)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(db, contentRoot), x => x.MigrationsAssembly(SqliteMigrationsAssembly));
#pragma warning disable EF1001 // EF Core's SQLite connection service, replaced to open connections without its SQL functions (see the class)
                options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutEfFunctions>();
#pragma warning restore EF1001
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(PostgreSqlConnectionString(db.ConnectionString!), x => x.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {db.Provider}.");
        }
    }

    /// <summary>
    /// The configured connection string, with three settings added unless it sets them itself:
    /// <list type="bullet">
    /// <item>Npgsql's automatic preparation: a page sends the same few statements on every request, and PostgreSQL
    /// otherwise parses and plans each one afresh every time (5 ms for the moderation table's scores on the large
    /// instance).</item>
    /// <item>A prepared statement's generic plan, always (<c>plan_cache_mode</c>): left to choose, PostgreSQL re-planned
    /// the round applications list on every view of the largest round (about 0.4 ms of the database's CPU a view, three
    /// times the time to run it), because its plan for the round at hand looked cheaper than the plan for any round;
    /// both are the same plan. No other statement of the main pages was re-planned (docs/performance.md).</item>
    /// <item>No reset when a connection goes back to the pool: Npgsql otherwise sends seven statements that undo session
    /// state (settings, temporary tables, advisory locks, listeners) with the first command of each page. The app keeps
    /// no session state: it sends no SQL of its own, and Hangfire has a pool of its own (a different connection string).</item>
    /// </list>
    /// </summary>
    public static string PostgreSqlConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!given.Contains("MAXAUTOPREPARE") && !given.Contains("AUTOPREPAREMINUSAGES"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options)
                ? "-c plan_cache_mode=force_generic_plan"
                : builder.Options + " -c plan_cache_mode=force_generic_plan";
        }

        return builder.ConnectionString;
    }

    public static string DataDirectory(DatabaseOptions db, string contentRoot)
    {
        var dir = Path.IsPathRooted(db.DataDirectory) ? db.DataDirectory : Path.Combine(contentRoot, db.DataDirectory);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string SqliteConnectionString(DatabaseOptions db, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(db.ConnectionString))
        {
            return db.ConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(DataDirectory(db, contentRoot), "grantshub.db"),
            Cache = SqliteCacheMode.Default,
            Pooling = true,
        };
        return builder.ToString();
    }
}
