using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port on 127.0.0.1, with its own SQLite databases and mail pickup
/// folder in a fresh temp folder, seeded with the demo data. One per test collection.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "grantshub-browser-" + Guid.NewGuid().ToString("N"));
    private GrantsHubWebFactory? _factory;

    /// <summary>Where the app listens, without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The temp folder holding this app's SQLite files (grantshub.db, hangfire.db).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Where the app writes emails as .eml files.</summary>
    public string MailPickupDirectory => Path.Combine(_dataDirectory, "mail");

    /// <summary>The running app's services, for arranging data a journey needs.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _factory = new GrantsHubWebFactory(_dataDirectory, MailPickupDirectory);
        _factory.UseKestrel(0);
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        BaseUrl = address.TrimEnd('/');
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        // SQLite pools connections; clear them so the files can be deleted.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private sealed class GrantsHubWebFactory(string dataDirectory, string mailPickupDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Not Development: the browser sees the same pipeline (error pages, static files) as production.
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", "");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Smtp:Host", "");
            builder.UseSetting("Smtp:PickupDirectory", mailPickupDirectory);
            builder.UseSetting("App:SeedDemoData", "true");
            builder.UseSetting("Jobs:RunServer", "false");
        }
    }
}
