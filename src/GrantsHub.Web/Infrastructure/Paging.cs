using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Infrastructure;

/// <summary>One page of a list that can grow, with what the pager needs.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int TotalPages => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>For the <c>_Pagination</c> partial, linking to <paramref name="path"/>?page=N.</summary>
    public PaginationModel Pager(string path, string parameter = "page") =>
        new(Number, TotalPages, n => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}?{parameter}={n}"));

    /// <summary>For the <c>_Pagination</c> partial, with links made by <paramref name="link"/> (e.g. keeping filters).</summary>
    public PaginationModel Pager(Func<int, string> link) => new(Number, TotalPages, link);
}

public static class Paging
{
    public const int DefaultSize = 20;

    /// <summary>The requested page of an ordered query; a page past the end gives the last one.</summary>
    public static Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int size = DefaultSize, CancellationToken cancellationToken = default) =>
        query.ToPageAsync(query, page, size, cancellationToken);

    /// <summary>
    /// The same, counting the rows of <paramref name="counted"/>: a query with exactly the rows of <paramref name="query"/>
    /// before its projection, for when the projection joins tables that only add columns and would otherwise be joined
    /// for the count too.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T, TCounted>(this IQueryable<T> query, IQueryable<TCounted> counted, int page, int size = DefaultSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counted);
        return await PageAsync(await counted.CountAsync(cancellationToken), page, size,
            async (skip, take) => await query.Skip(skip).Take(take).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// The requested page of <paramref name="total"/> rows read by <paramref name="rows"/> (given how many to skip and to
    /// take), as for a list read through compiled queries; a page past the end gives the last one. With no rows at all,
    /// nothing is read.
    /// </summary>
    public static async Task<Page<T>> PageAsync<T>(int total, int page, int size, Func<int, int, ValueTask<List<T>>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var last = Math.Max(1, (total + size - 1) / size);
        var number = Math.Clamp(page, 1, last);
        return new Page<T>(total == 0 ? [] : await rows((number - 1) * size, size), number, size, total);
    }
}
