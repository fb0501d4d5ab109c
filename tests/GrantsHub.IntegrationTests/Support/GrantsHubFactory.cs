using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

[assembly: CollectionBehavior(DisableTestParallelization = true)] // Hangfire keeps process-wide state; hosts must not overlap.

namespace GrantsHub.IntegrationTests.Support;

/// <summary>
/// The real app on a real database: SQLite in a temp folder, or, when GRANTSHUB_TEST_POSTGRES holds
/// a connection string, a fresh PostgreSQL database that is dropped afterwards. Time is a
/// <see cref="FakeTimeProvider"/> the test controls.
/// </summary>
public class GrantsHubFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "GRANTSHUB_TEST_POSTGRES";

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;
    private readonly bool _ownsStorage;

    static GrantsHubFactory()
    {
        // Most tests build an app of their own, and each app watches its settings files and web root for changes. On Linux
        // every watcher holds an inotify instance until it is finalised, and a full run reached the default limit of 128
        // per user, failing whichever test then started an app. Polling holds none, and no test edits those files.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <param name="sharedDirectory">Storage shared with other hosts (a restart, a second instance); its last user disposes it with <see cref="DeleteStorageAsync"/>.</param>
    public GrantsHubFactory(Dictionary<string, string?>? settings = null, DateTimeOffset? now = null, string? sharedDirectory = null)
    {
        _ownsStorage = sharedDirectory is null;
        Directory = sharedDirectory ?? Path.Combine(Path.GetTempPath(), "grantshub-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        _settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = Path.Combine(Directory, "data"),
            ["Smtp:PickupDirectory"] = Path.Combine(Directory, "mail"),
            ["App:SeedDemoData"] = "true",
            ["Jobs:RunServer"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            var builder = new NpgsqlConnectionStringBuilder(postgres);
            _postgresDatabase = sharedDirectory is null ? $"gh_test_{Guid.NewGuid():N}" : $"gh_test_{Path.GetFileName(sharedDirectory)}";
            builder.Database = _postgresDatabase;
            _settings["Database:Provider"] = "PostgreSql";
            _settings["Database:ConnectionString"] = builder.ConnectionString;
        }

        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public static bool OnPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public string Directory { get; }

    public FakeTimeProvider Clock { get; }

    public string MailDirectory => _settings["Smtp:PickupDirectory"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<QueryCounter>();
            services.ConfigureDbContext<GrantsHubDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<QueryCounter>()));
        });
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });

    /// <summary>Runs <paramref name="action"/> with a fresh DbContext from the app's own services.</summary>
    public async Task<T> WithDbAsync<T>(Func<GrantsHubDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsStorage)
        {
            return; // A test that shares storage between hosts cleans up after the last one.
        }

        await DeleteStorageAsync();
    }

    public async Task DeleteStorageAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres" };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool; the OS temp cleaner removes it later.
        }
    }
}

/// <summary>One app shared by a test class; tests that change shared state use their own factory.</summary>
public sealed class SharedApp : GrantsHubFactory;
