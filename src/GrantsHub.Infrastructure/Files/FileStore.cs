using GrantsHub.Domain.Files;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantsHub.Infrastructure.Files;

/// <summary>Where uploaded files are kept: never under wwwroot, so nothing is served without a check.</summary>
public interface IFileStore
{
    Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when the key is unknown.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

public enum FileStoreKind
{
    /// <summary>A folder on this machine: simple and fast for one instance.</summary>
    Disk,

    /// <summary>The StoredFiles table: for several instances that share no disk.</summary>
    Database,
}

public sealed class FileStoreOptions
{
    public const string Section = "Files";

    public FileStoreKind Store { get; set; } = FileStoreKind.Disk;

    /// <summary>For <see cref="FileStoreKind.Disk"/>; empty means a <c>files</c> folder in the database's data directory.</summary>
    public string? Directory { get; set; }

    public static string NewKey() => Guid.NewGuid().ToString("N");
}

public sealed class LocalDiskFileStore(string directory) : IFileStore
{
    public async Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(PathOf(key), content, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>Keys are ours (a GUID in hex), but a key is never trusted to name a path.</summary>
    private string PathOf(string key) =>
        key.Length is > 0 and <= 80 && key.All(char.IsAsciiLetterOrDigit)
            ? Path.Combine(directory, key)
            : throw new ArgumentException("A file key has letters and digits only.", nameof(key));
}

public sealed class DatabaseFileStore(GrantsHubDbContext db, TimeProvider clock) : IFileStore
{
    public async Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken = default)
    {
        db.StoredFiles.Add(new StoredFile { Key = key, Content = content, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        await db.StoredFiles.AsNoTracking().Where(f => f.Key == key).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        db.StoredFiles.Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);
}

public static class FileStoreServiceCollectionExtensions
{
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.Section)).ValidateOnStart();
        services.AddScoped<IFileStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FileStoreOptions>>().Value;
            if (options.Store == FileStoreKind.Database)
            {
                return ActivatorUtilities.CreateInstance<DatabaseFileStore>(sp);
            }

            var directory = string.IsNullOrWhiteSpace(options.Directory)
                ? Path.Combine(PersistenceServiceCollectionExtensions.DataDirectory(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot), "files")
                : Path.IsPathRooted(options.Directory) ? options.Directory : Path.Combine(contentRoot, options.Directory);
            return new LocalDiskFileStore(directory);
        });
        return services;
    }
}
