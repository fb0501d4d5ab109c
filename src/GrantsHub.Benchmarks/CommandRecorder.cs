using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GrantsHub.Benchmarks;

/// <summary>A query EF sent, kept so it can be sent again by hand: its text and a copy of each parameter.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<RecordedParameter> Parameters);

public sealed record RecordedParameter(DbParameter? Cloneable, string Name, object? Value, System.Data.DbType Type)
{
    public DbParameter For(DbCommand command)
    {
        if (Cloneable is ICloneable cloneable)
        {
            return (DbParameter)cloneable.Clone(); // keeps provider-specific types (Npgsql's arrays, timestamptz)
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = Name;
        parameter.Value = Value ?? DBNull.Value;
        parameter.DbType = Type;
        return parameter;
    }
}

/// <summary>Records the queries (SELECTs) EF sends while recording is on.</summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    private readonly List<RecordedCommand> _commands = [];
    private bool _recording;

    public void Start()
    {
        _commands.Clear();
        _recording = true;
    }

    public IReadOnlyList<RecordedCommand> Stop()
    {
        _recording = false;
        return [.. _commands];
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        // Only queries: a scan writes nothing itself, but the first one to build an unsubscribe link can store the
        // data-protection key, and sending that INSERT again by hand would store the same key once per run.
        if (!_recording || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new RecordedParameter(p is ICloneable c ? (DbParameter)c.Clone() : null, p.ParameterName, p.Value, p.DbType))
            .ToList();
        _commands.Add(new RecordedCommand(command.CommandText, parameters));
    }
}
