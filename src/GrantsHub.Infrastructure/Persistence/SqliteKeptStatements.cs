using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GrantsHub.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's prepared statements from one page to the next. Microsoft.Data.Sqlite prepares (parses and plans) every
/// statement afresh each time it is run, and drops a connection's statements when the connection goes back to its pool;
/// EF Core's statements are long, so preparing was up to two thirds of a page's SQL (the organisation dashboard: 155 of
/// 245 µs). The driver has no statement cache of its own.
/// </summary>
/// <remarks>
/// <para>
/// Reads that EF Core sends outside a transaction run instead on a connection of a small pool of its own, kept open, where
/// each distinct SQL text is prepared once and then only bound and stepped. A connection of that pool is lent to one EF
/// Core connection from its first such read until EF Core closes it (for a page, once per page), so it is never used by
/// two requests at once.
/// </para>
/// <para>
/// Everything else goes through EF Core's own connection as before: any command in a transaction (so a read inside a
/// transaction sees that transaction's writes), a read of the same SQL while
/// an earlier reader of it is still open, any connection to another database, and an in-memory database.
/// </para>
/// </remarks>
public sealed class SqliteKeptStatements(string? connectionString) : DbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>Distinct statements kept per connection; when one more is needed, the connection's are dropped and begun again.</summary>
    public const int StatementsPerConnection = 100;

    /// <summary>Connections kept open while no page uses them; more are closed when given back.</summary>
    public const int IdleConnections = 16;

    // Off without a SQLite database (the app on PostgreSQL, or the setting off), and for an in-memory database, where
    // another connection would open a different, empty database.
    private readonly bool _off = connectionString is null || new SqliteConnectionStringBuilder(connectionString) is var built
        && (built.Mode == SqliteOpenMode.Memory || built.DataSource is "" or ":memory:");

    // Last in, first out: the connection given back last, with the statements just used, is lent first.
    private readonly ConcurrentStack<KeptConnection> _idle = new();
    private int _idleCount;
    private readonly ConditionalWeakTable<DbConnection, KeptConnection> _lent = new();
    private long _prepared;
    private volatile bool _disposed;

    /// <summary>Whether reads are kept at all: a SQLite database on disk, with the setting on.</summary>
    public bool IsOn => !_off;

    /// <summary>How many statements have been prepared so far; a page seen again adds none.</summary>
    public long Prepared => Interlocked.Read(ref _prepared);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        !result.HasResult && Execute(command) is { } reader
            ? InterceptionResult<DbDataReader>.SuppressWithResult(reader)
            : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // The driver's own async methods run synchronously too.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        GiveBack(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionClosing(connection, eventData, result));

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ConnectionClosing(connection, eventData, result);

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionClosing(connection, eventData, result));

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var kept))
        {
            Interlocked.Decrement(ref _idleCount);
            kept.Dispose();
        }
    }

    private SqliteDataReader? Execute(DbCommand command)
    {
        if (_disposed
            || _off
            || command is not SqliteCommand { Transaction: null } sqlite
            || sqlite.Connection is not { State: ConnectionState.Open } connection
            || !string.Equals(connection.ConnectionString, connectionString, StringComparison.Ordinal))
        {
            return null;
        }

        if (!_lent.TryGetValue(connection, out var kept))
        {
            kept = Borrow();
            _lent.AddOrUpdate(connection, kept);
        }

        return kept.Execute(sqlite, ref _prepared);
    }

    private KeptConnection Borrow()
    {
        if (_idle.TryPop(out var kept))
        {
            Interlocked.Decrement(ref _idleCount);
            return kept;
        }

        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new KeptConnection(connection);
    }

    private void GiveBack(DbConnection connection)
    {
        if (!_lent.TryGetValue(connection, out var kept))
        {
            return;
        }

        _lent.Remove(connection);
        // A reader still open would later reset its statement on a connection lent to someone else: drop that connection.
        if (_disposed || kept.HasOpenReader)
        {
            kept.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > IdleConnections)
        {
            Interlocked.Decrement(ref _idleCount);
            kept.Dispose();
            return;
        }

        _idle.Push(kept);
        if (_disposed)
        {
            Dispose(); // disposed meanwhile: close what was just given back
        }
    }

    private sealed class KeptConnection(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);

        public bool HasOpenReader
        {
            get
            {
                foreach (var statement in _statements.Values)
                {
                    if (statement.Reader is { IsClosed: false })
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public SqliteDataReader? Execute(SqliteCommand from, ref long prepared)
        {
            if (_statements.TryGetValue(from.CommandText, out var statement))
            {
                if (statement.Reader is { IsClosed: false })
                {
                    return null; // the same SQL read inside an earlier reader of it: EF Core's own command runs it
                }
            }
            else
            {
                if (_statements.Count >= StatementsPerConnection)
                {
                    if (HasOpenReader)
                    {
                        return null;
                    }

                    DropStatements();
                }

                var command = connection.CreateCommand();
                command.CommandText = from.CommandText;
                try
                {
                    command.Prepare();
                }
                catch
                {
                    command.Dispose();
                    throw;
                }

                Interlocked.Increment(ref prepared);
                statement = new Statement(command);
                _statements.Add(from.CommandText, statement);
            }

            var kept = statement.Command;
            kept.Parameters.Clear();
            foreach (SqliteParameter parameter in from.Parameters)
            {
                kept.Parameters.Add(parameter);
            }

            kept.CommandTimeout = from.CommandTimeout;
            try
            {
                statement.Reader = kept.ExecuteReader(); // EF Core reads with the default behaviour
            }
            catch
            {
                // Whatever went wrong (a lock not given up in time, say), the statement is not kept.
                _statements.Remove(from.CommandText);
                kept.Dispose();
                throw;
            }

            return statement.Reader;
        }

        public void Dispose()
        {
            DropStatements();
            connection.Dispose();
        }

        private void DropStatements()
        {
            foreach (var statement in _statements.Values)
            {
                statement.Command.Dispose();
            }

            _statements.Clear();
        }
    }

    private sealed class Statement(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public SqliteDataReader? Reader { get; set; }
    }
}
