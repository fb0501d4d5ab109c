using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GrantsHub.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add Name --project migrations/GrantsHub.Migrations.Sqlite
/// --startup-project migrations/GrantsHub.Migrations.Sqlite</c> build the SQLite model.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GrantsHubDbContext>
{
    public GrantsHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<GrantsHubDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options,
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" }, Path.GetTempPath());
        return new GrantsHubDbContext(options.Options);
    }
}
