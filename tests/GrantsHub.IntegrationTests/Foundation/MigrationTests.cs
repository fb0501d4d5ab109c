using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new GrantsHub.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed: run scripts/add-migration.sh NameOfChange.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_postgresql_migrations_match_the_model()
    {
        using var db = new GrantsHub.Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed: run scripts/add-migration.sh NameOfChange.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new GrantsHub.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var postgres = new GrantsHub.Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(GrantsHubDbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
