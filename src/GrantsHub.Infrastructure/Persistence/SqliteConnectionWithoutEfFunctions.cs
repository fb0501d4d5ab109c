using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace GrantsHub.Infrastructure.Persistence;

// SqliteRelationalConnection is EF Core's own SQLite connection service, public but marked internal. Replacing it is the
// only way to open connections without EF's SQL functions; a test (SqliteConnectionTests) fails if an EF Core upgrade
// changes what this relies on.
#pragma warning disable EF1001 // deriving from EF Core's internal SQLite connection service is the point of this class (see above)

/// <summary>
/// EF Core's SQLite connection, without the SQL functions EF Core adds to every connection it creates (<c>regexp</c>,
/// <c>ef_add</c>, <c>ef_compare</c>, <c>ef_sum</c> and the rest: decimal arithmetic on decimals stored as text, and
/// <c>Regex.IsMatch</c>). The driver registers them with SQLite on every open and removes them on every close, so every
/// page paid for twelve registrations it never used: about 26 µs of each open of a pooled connection, more under load,
/// where they wait on each other. GrantsHub stores money as whole pence and instants as ticks on SQLite, so EF Core
/// never needs those functions; a query that did would fail with "no such function" rather than give a wrong answer.
/// </summary>
public sealed class SqliteConnectionWithoutEfFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (CommandTimeout is { } seconds)
        {
            connection.DefaultTimeout = seconds;
        }

        return connection;
    }
}
#pragma warning restore EF1001
