using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Every area's code and name, by name, for area filters and pickers. Areas change only when a funder imports
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

    /// <summary>The same areas as options for a form's area picker.</summary>
    public async Task<List<SelectListItem>> SelectListAsync(GrantsHubDbContext db) =>
        [.. (await AllAsync(db)).Select(a => new SelectListItem(a.Name, a.Code))];

    public void Forget() => cache.Remove(Key);
}
