using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GrantsHub.Migrations.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add Name --project migrations/GrantsHub.Migrations.PostgreSql
/// --startup-project migrations/GrantsHub.Migrations.PostgreSql</c> build the PostgreSQL model.
/// Adding a migration needs no server; the connection string is only a placeholder.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GrantsHubDbContext>
{
    public GrantsHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<GrantsHubDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options,
            new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=grantshub_design" }, Path.GetTempPath());
        return new GrantsHubDbContext(options.Options);
    }
}
