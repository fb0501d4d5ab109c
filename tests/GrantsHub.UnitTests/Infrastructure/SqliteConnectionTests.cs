using GrantsHub.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.UnitTests.Infrastructure;

/// <summary>
/// The app's SQLite connections carry none of EF Core's SQL functions (registering them cost every page on every open);
/// everything else about the connection is EF Core's own.
/// </summary>
public sealed class SqliteConnectionTests
{
    private static GrantsHubDbContext AppDbContext(Action<DbContextOptionsBuilder>? more = null)
    {
        var options = new DbContextOptionsBuilder<GrantsHubDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options,
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" }, System.AppContext.BaseDirectory);
        more?.Invoke(options);
        return new GrantsHubDbContext(options.Options);
    }

    private static async Task<object?> ScalarAsync(GrantsHubDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Theory]
    [InlineData("SELECT regexp('a', 'a')", "regexp")]
    [InlineData("SELECT ef_add(1, 2)", "ef_add")]
    [InlineData("SELECT ef_compare(1, 2)", "ef_compare")]
    public async Task The_apps_connections_have_none_of_EF_Cores_functions(string sql, string function)
    {
        await using var db = AppDbContext();

        var error = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(db, sql));

        Assert.Contains($"no such function: {function}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EF_Cores_own_connection_has_them_so_the_test_above_can_fail()
    {
        var options = new DbContextOptionsBuilder<GrantsHubDbContext>().UseSqlite("Data Source=:memory:").Options;
        await using var db = new GrantsHubDbContext(options);

        Assert.Equal(1L, await ScalarAsync(db, "SELECT regexp('a', 'a')"));
    }

    [Fact]
    public async Task The_connection_still_works_and_keeps_the_configured_command_timeout()
    {
        await using var db = AppDbContext(o => o.UseSqlite(x => x.CommandTimeout(7)));

        Assert.Equal(3L, await ScalarAsync(db, "SELECT 1 + 2"));
        Assert.Equal(7, ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout);
    }
}
