namespace GrantsHub.Domain.Files;

/// <summary>File content kept in the database, for instances that share no disk.</summary>
public class StoredFile
{
    public required string Key { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
