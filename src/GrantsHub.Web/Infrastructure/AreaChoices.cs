using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Every area's code and name, by name, for the area filters of list pages. Areas change only when a funder imports
/// them, so the list is kept for a minute rather than read on every page view. An import forgets it at once on the
/// instance that made it; another instance shows the change within the minute.
/// </summary>
public sealed class AreaChoices(IMemoryCache cache)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private static readonly object Key = new();

    public async Task<IReadOnlyList<(string Code, string Name)>> AllAsync(GrantsHubDbContext db)
    {
        if (cache.TryGetValue(Key, out IReadOnlyList<(string Code, string Name)>? areas) && areas is not null)
        {
            return areas;
        }

        areas = (await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Code, a.Name }).ToListAsync())
            .Select(a => (a.Code, a.Name)).ToList();
        cache.Set(Key, areas, KeptFor);
        return areas;
    }

    public void Forget() => cache.Remove(Key);
}
