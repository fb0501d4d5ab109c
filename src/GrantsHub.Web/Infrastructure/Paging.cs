using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Infrastructure;

/// <summary>One page of a list that can grow, with what the pager needs.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int TotalPages => Math.Max(1, (Total + Size - 1) / Size);

    public PagerModel Pager(string path, string parameter = "page") => new(Number, TotalPages, path, parameter);
}

/// <summary>The model of the <c>_Pager</c> partial.</summary>
public sealed record PagerModel(int Number, int TotalPages, string Path, string Parameter);

public static class Paging
{
    public const int DefaultSize = 20;

    /// <summary>The requested page of an ordered query; a page past the end gives the last one.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int size = DefaultSize, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var last = Math.Max(1, (total + size - 1) / size);
        var number = Math.Clamp(page, 1, last);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(items, number, size, total);
    }
}
