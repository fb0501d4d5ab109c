using System.Globalization;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.UnitTests.Infrastructure;

/// <summary>
/// Reads keep their prepared statements from one page to the next, on connections of their own, and still see exactly
/// what they would see without them: the latest committed data, and a transaction's own writes.
/// </summary>
public sealed class SqliteKeptStatementsTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grantshub-kept-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteKeptStatements _kept;
    private readonly string _connectionString;

    public SqliteKeptStatementsTests()
    {
        Directory.CreateDirectory(_directory);
        _connectionString = PersistenceServiceCollectionExtensions.SqliteConnectionString(
            new DatabaseOptions { DataDirectory = _directory }, _directory);
        _kept = new SqliteKeptStatements(_connectionString);
    }

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
        db.Organisations.AddRange(Organisation("Alder Trust"), Organisation("Birch Collective"));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _kept.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_page_read_again_prepares_nothing_and_sees_a_change_saved_in_between()
    {
        Assert.Equal(["Alder Trust", "Birch Collective"], await PageAsync());
        Assert.Equal(1, _kept.Prepared);

        await using (var other = Context())
        {
            (await other.Organisations.SingleAsync(o => o.Name == "Alder Trust")).Name = "Alder Trust (renamed)";
            other.Organisations.Add(Organisation("Cedar Group"));
            await other.SaveChangesAsync();
        }

        var prepared = _kept.Prepared; // the other context's read is kept too
        Assert.Equal(["Alder Trust (renamed)", "Birch Collective", "Cedar Group"], await PageAsync());
        Assert.Equal(prepared, _kept.Prepared);
    }

    [Fact]
    public async Task A_read_inside_a_transaction_sees_that_transactions_own_writes_and_not_after_a_rollback()
    {
        await PageAsync(); // the statement is kept before the transaction begins
        await using var db = Context();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Organisations.Add(Organisation("Cedar Group"));
            await db.SaveChangesAsync();

            Assert.Equal(["Alder Trust", "Birch Collective", "Cedar Group"], await NamesAsync(db));
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        Assert.Equal(["Alder Trust", "Birch Collective"], await NamesAsync(db));
    }

    [Fact]
    public async Task The_same_query_inside_its_own_open_reader_still_runs()
    {
        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        var inner = new List<List<string>>();

        await foreach (var _ in Names(db).AsAsyncEnumerable())
        {
            inner.Add(await NamesAsync(db));
        }

        Assert.Equal(2, inner.Count);
        Assert.All(inner, names => Assert.Equal(["Alder Trust", "Birch Collective"], names));
    }

    [Fact]
    public async Task Many_distinct_statements_are_kept_up_to_the_limit_and_then_begun_again()
    {
        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        for (var take = 1; take <= SqliteKeptStatements.StatementsPerConnection + 5; take++)
        {
            // A different constant makes each statement's SQL distinct.
            var sql = "SELECT \"Name\" AS \"Value\" FROM \"Organisations\" ORDER BY \"Name\" LIMIT " + take.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(Math.Min(take, 2), (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Count);
        }

        Assert.Equal(["Alder Trust", "Birch Collective"], await NamesAsync(db));
        Assert.Equal(SqliteKeptStatements.StatementsPerConnection + 5 + 1, _kept.Prepared);
    }

    [Fact]
    public async Task An_in_memory_database_is_left_to_EF_Core_because_another_connection_would_see_an_empty_one()
    {
        using var kept = new SqliteKeptStatements("Data Source=:memory:");
        var options = new DbContextOptionsBuilder<GrantsHubDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options,
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" }, _directory);
        await using var db = new GrantsHubDbContext(options.AddInterceptors(kept).Options);
        await db.Database.OpenConnectionAsync();
        await db.Database.EnsureCreatedAsync();
        db.Organisations.Add(Organisation("Alder Trust"));
        await db.SaveChangesAsync();

        Assert.Equal(["Alder Trust"], await NamesAsync(db));
        Assert.Equal(0, kept.Prepared);
    }

    [Fact]
    public async Task Once_disposed_reads_go_through_EF_Cores_own_connection()
    {
        await PageAsync();
        _kept.Dispose();
        var prepared = _kept.Prepared;

        Assert.Equal(["Alder Trust", "Birch Collective"], await PageAsync());
        Assert.Equal(prepared, _kept.Prepared);
    }

    private GrantsHubDbContext Context()
    {
        var options = new DbContextOptionsBuilder<GrantsHubDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options,
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _connectionString }, _directory);
        return new GrantsHubDbContext(options.AddInterceptors(_kept).Options);
    }

    /// <summary>A page as the app reads one: the connection opened once, a query, the connection closed.</summary>
    private async Task<List<string>> PageAsync()
    {
        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        try
        {
            return await NamesAsync(db);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IQueryable<string> Names(GrantsHubDbContext db) => db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Name);

    private static Task<List<string>> NamesAsync(GrantsHubDbContext db) => Names(db).ToListAsync();

    private static Organisation Organisation(string name) =>
        new() { Name = name, LegalForm = LegalForm.RegisteredCharity, CreatedAt = DateTimeOffset.UnixEpoch };
}
