using System.ComponentModel.DataAnnotations;

namespace GrantsHub.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite, empty means a file <c>grantshub.db</c> in <see cref="DataDirectory"/>.
    /// Required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite databases, relative to the content root unless absolute.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// For SQLite: keep each statement prepared, on connections kept open, instead of preparing it afresh on every page
    /// (see <see cref="SqliteKeptStatements"/>). On unless set to false.
    /// </summary>
    public bool KeepStatements { get; set; } = true;
}
