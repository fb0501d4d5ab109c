using GrantsHub.Infrastructure.Persistence;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GrantsHub.BrowserTests.Infrastructure;

/// <summary>The browser journeys are only as honest as the app they drive.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class AppServerTests(AppServer app)
{
    [Fact]
    public void App_runs_as_Testing_on_a_loopback_port_with_its_own_data_folder_and_no_job_server()
    {
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", app.BaseUrl);
        Assert.Equal("Testing", app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);

        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal(app.DataDirectory, database.DataDirectory);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "grantshub.db")));

        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is BackgroundJobServerHostedService);
    }
}
